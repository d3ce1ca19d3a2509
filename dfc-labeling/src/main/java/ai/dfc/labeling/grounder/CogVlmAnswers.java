package ai.dfc.labeling.grounder;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounding;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CogVLM's grounding answers (SPEC §3.3–3.4): boxes written in the text as {@code [[x0,y0,x1,y1]]},
 * integers on a 0–1000 scale of the square (padded) image's side; several boxes in one bracket separated by
 * {@code ;} ({@code [[a,b,c,d;e,f,g,h]]}), possibly several brackets in one answer.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Every {@code [[…]]} group (whitespace inside ignored) must match the reference pattern
 *       {@code \[\[([\d,]+(?:;[\d,]+)*)\]\]} and every {@code ;}-separated box must have exactly 4 numbers;
 *       otherwise the answer is {@link Grounding.Outcome#MALFORMED} (the reference rejects it).</li>
 *   <li>No group at all: {@link Grounding.Outcome#NO_BOX}.</li>
 *   <li>Only the <b>last</b> box of the answer is kept (SPEC §8.6). Its numbers must be ≤ 1000 and
 *       {@code x0 ≤ x1}, {@code y0 ≤ y1}; it is converted as the reference does,
 *       {@code v' = round(v · 0.001 · S) − pad} with Python's round-half-even ({@code S} the sent image's side,
 *       {@code pad} the white padding on that axis), then clamped to the original image. A box lying wholly in
 *       the padding or beyond the image is MALFORMED.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class CogVlmAnswers {
    private static final Pattern GROUP = Pattern.compile("\\[\\[(.*?)\\]\\]", Pattern.DOTALL);
    private static final Pattern REFERENCE_INNER = Pattern.compile("[\\d,]+(?:;[\\d,]+)*");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    /** The top of CogVLM's coordinate scale. */
    public static final int SCALE = 1000;

    private CogVlmAnswers() {
    }

    /**
     * Parses one answer.
     *
     * @param text  the assistant's text
     * @param image the image that was sent (for the side and the padding)
     * @return the last box in pixels of the original image, or NO_BOX, or MALFORMED; {@code raw} is {@code text}
     */
    public static Grounding parse(String text, SentImage image) {
        Matcher m = GROUP.matcher(text);
        int[] last = null;
        while (m.find()) {
            String inner = m.group(1).replaceAll("\\s+", "");
            if (!REFERENCE_INNER.matcher(inner).matches()) {
                return Grounding.malformed(text);
            }
            for (String box : inner.split(";", -1)) {
                String[] numbers = box.split(",", -1);
                if (numbers.length != 4) {
                    return Grounding.malformed(text);
                }
                int[] values = new int[4];
                for (int i = 0; i < 4; i++) {
                    if (!NUMBER.matcher(numbers[i]).matches()) {
                        return Grounding.malformed(text);
                    }
                    values[i] = Integer.parseInt(numbers[i]);
                }
                last = values;
            }
        }
        if (last == null) {
            return Grounding.of(List.of(), text);
        }
        for (int v : last) {
            if (v > SCALE) {
                return Grounding.malformed(text);
            }
        }
        Optional<Box> box = BoxMapping.toOriginal(toPixels(last[0], image.width()), toPixels(last[1], image.height()),
                toPixels(last[2], image.width()), toPixels(last[3], image.height()), image);
        return box.map(b -> Grounding.of(List.of(b), text)).orElseGet(() -> Grounding.malformed(text));
    }

    /** {@code round(v · 0.001 · side)} with Python 3's round-half-even, evaluated left to right as the reference does. */
    static double toPixels(int v, int side) {
        return Math.rint(v * 0.001 * side);
    }
}
