package ai.dfc.labeling.grounder;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounding;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads boxes that a VLM answers as JSON (Qwen2.5-VL and similar), for {@code openai-vlm}.
 *
 * <p>Accepted shapes, bare or inside a Markdown code fence ({@code ```json … ```}), with prose around them
 * allowed (the first JSON value in the text is read):
 * <ul>
 *   <li>{@code [{"bbox_2d": [x0, y0, x1, y1], "label": "…"}, …]} — also with the key {@code bbox}, {@code box_2d}
 *       or {@code box};</li>
 *   <li>{@code {"boxes": [[x0, y0, x1, y1], …]}} (elements may also be objects as above);</li>
 *   <li>a single object {@code {"bbox_2d": […]}}, a single box {@code [x0, y0, x1, y1]}, or a list of boxes
 *       {@code [[…], […]]}.</li>
 * </ul>
 * Outcomes: an empty list, or text without any {@code [} or {@code {} (the model answered in words),
 * is {@link Grounding.Outcome#NO_BOX}; JSON that does not parse, another shape, a box without exactly 4 numbers,
 * or a box that is inverted or lies wholly outside the image is {@link Grounding.Outcome#MALFORMED}.
 *
 * <p>Coordinates ({@link Convention}) are read in the sent image ({@link SentImage}), then the padding is
 * subtracted and the box clamped to the original image. Only the last box is kept unless {@code keepAll}.
 * Stateless and thread-safe.
 */
public final class JsonBoxAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z]*\\s*(.*?)```", Pattern.DOTALL);
    private static final List<String> BOX_KEYS = List.of("bbox_2d", "bbox", "box_2d", "box");

    /** How box coordinates in an answer relate to the image sent. */
    public enum Convention {
        /** Absolute pixels of the image as sent. */
        PIXELS,
        /** Fractions of the sent image's width (x) and height (y), times a scale (1000 or 1.0). */
        NORMALIZED
    }

    private JsonBoxAnswers() {
    }

    /**
     * Parses one answer.
     *
     * @param text       the assistant's text
     * @param image      the image that was sent
     * @param convention how to read the coordinates
     * @param scale      the value of the far edge under {@link Convention#NORMALIZED} (ignored for pixels)
     * @param keepAll    keep every box (true) or only the last (false, as the reference does for CogVLM)
     * @return the boxes in pixels of the original image, NO_BOX or MALFORMED; {@code raw} is {@code text}
     */
    public static Grounding parse(String text, SentImage image, Convention convention, double scale, boolean keepAll) {
        Matcher fence = FENCE.matcher(text);
        String candidate = fence.find() ? fence.group(1) : text;
        int start = firstBracket(candidate);
        if (start < 0) {
            return Grounding.of(List.of(), text);
        }
        JsonNode root;
        try (JsonParser parser = JSON.getFactory().createParser(candidate.substring(start))) {
            root = parser.readValueAsTree();
        } catch (IOException e) {
            return Grounding.malformed(text);
        }
        Optional<List<double[]>> raw = boxesOf(root);
        if (raw.isEmpty()) {
            return Grounding.malformed(text);
        }
        List<double[]> chosen = raw.get();
        if (chosen.isEmpty()) {
            return Grounding.of(List.of(), text);
        }
        if (!keepAll) {
            chosen = List.of(chosen.get(chosen.size() - 1));
        }
        double sx = convention == Convention.NORMALIZED ? image.width() / scale : 1;
        double sy = convention == Convention.NORMALIZED ? image.height() / scale : 1;
        List<Box> boxes = new ArrayList<>();
        for (double[] b : chosen) {
            Optional<Box> box = BoxMapping.toOriginal(b[0] * sx, b[1] * sy, b[2] * sx, b[3] * sy, image);
            if (box.isEmpty()) {
                return Grounding.malformed(text);
            }
            boxes.add(box.get());
        }
        return Grounding.of(boxes, text);
    }

    private static int firstBracket(String s) {
        int a = s.indexOf('[');
        int o = s.indexOf('{');
        return a < 0 ? o : o < 0 ? a : Math.min(a, o);
    }

    /** The boxes of a JSON answer in its own coordinates, or empty when the shape is not understood. */
    private static Optional<List<double[]>> boxesOf(JsonNode root) {
        List<double[]> out = new ArrayList<>();
        if (root == null) {
            return Optional.empty();
        }
        if (root.isObject()) {
            JsonNode boxes = root.get("boxes");
            if (boxes != null) {
                return boxes.isArray() ? elements(boxes, out) : Optional.empty();
            }
            return box(root).map(b -> {
                out.add(b);
                return out;
            });
        }
        if (!root.isArray()) {
            return Optional.empty();
        }
        if (!root.isEmpty() && root.get(0).isNumber()) {
            return box(root).map(b -> {
                out.add(b);
                return out;
            });
        }
        return elements(root, out);
    }

    private static Optional<List<double[]>> elements(JsonNode array, List<double[]> out) {
        for (JsonNode element : array) {
            Optional<double[]> b = box(element);
            if (b.isEmpty()) {
                return Optional.empty();
            }
            out.add(b.get());
        }
        return Optional.of(out);
    }

    /** One box: an array of exactly 4 numbers, or an object holding one under a known key. */
    private static Optional<double[]> box(JsonNode node) {
        if (node.isObject()) {
            for (String key : BOX_KEYS) {
                if (node.has(key)) {
                    return box(node.get(key));
                }
            }
            return Optional.empty();
        }
        if (!node.isArray() || node.size() != 4) {
            return Optional.empty();
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!node.get(i).isNumber()) {
                return Optional.empty();
            }
            b[i] = node.get(i).asDouble();
        }
        return Optional.of(b);
    }
}
