package ai.dfc.labeling.pipeline;

import ai.dfc.api.geometry.Box;
import ai.dfc.geometry.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the box files of SPEC §3.4–3.6 in the reference's JSON formats (see {@link LabelingLayout}), keyed
 * by image name ({@code "0000.png"}) in insertion order, one query per image ({@code "query_0"}):
 * <pre>
 * boxes       {"0000.png": {"query_0": [[x0, y0, x1, y1], …]}, …}
 * aggregated  {"0000.png": {"query_0": [x0, y0, x1, y1]}, "0001.png": {"query_0": []}, …}
 * offsets     {"0000.png": [x0, y0], …}
 * </pre>
 * Coordinates are pixels, {@code x} = column. Whole numbers are written as JSON integers (the reference's boxes are
 * integers), others as decimals, so a round trip is exact. Writes are atomic (temporary file, then rename), so a file
 * that exists is complete. Stateless and thread-safe.
 */
public final class AnnotationFiles {
    /** The query key of the reference's files. */
    public static final String QUERY = "query_0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnnotationFiles() {
    }

    /** Writes raw boxes per image. */
    public static void writeBoxes(Path file, Map<String, List<Box>> boxesByImage) throws IOException {
        write(file, g -> {
            g.writeStartObject();
            for (Map.Entry<String, List<Box>> e : boxesByImage.entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeArrayFieldStart(QUERY);
                for (Box b : e.getValue()) {
                    writeBox(g, b);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /**
     * Reads raw boxes per image, in file order.
     *
     * @throws IOException naming the file when it is missing or malformed
     */
    public static Map<String, List<Box>> readBoxes(Path file) throws IOException {
        JsonNode root = read(file);
        Map<String, List<Box>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode boxes = e.getValue().path(QUERY);
            if (!boxes.isArray()) {
                throw new IOException(file + ": " + e.getKey() + " has no " + QUERY + " list");
            }
            List<Box> list = new ArrayList<>();
            for (JsonNode b : boxes) {
                list.add(box(b, file, e.getKey()));
            }
            out.put(e.getKey(), list);
        }
        return out;
    }

    /** Writes aggregated boxes per image; an empty optional is written as {@code []}. */
    public static void writeAggregated(Path file, Map<String, Optional<Box>> boxByImage) throws IOException {
        write(file, g -> {
            g.writeStartObject();
            for (Map.Entry<String, Optional<Box>> e : boxByImage.entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeFieldName(QUERY);
                if (e.getValue().isPresent()) {
                    writeBox(g, e.getValue().get());
                } else {
                    g.writeStartArray();
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /**
     * Reads aggregated boxes per image, in file order ({@code []} as empty).
     *
     * @throws IOException naming the file when it is missing or malformed
     */
    public static Map<String, Optional<Box>> readAggregated(Path file) throws IOException {
        JsonNode root = read(file);
        Map<String, Optional<Box>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode b = e.getValue().path(QUERY);
            out.put(e.getKey(), b.isArray() && b.isEmpty() ? Optional.empty() : Optional.of(box(b, file, e.getKey())));
        }
        return out;
    }

    /** Writes crop offsets {@code [x0, y0]} per image. */
    public static void writeOffsets(Path file, Map<String, int[]> offsetByImage) throws IOException {
        write(file, g -> {
            g.writeStartObject();
            for (Map.Entry<String, int[]> e : offsetByImage.entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                g.writeNumber(e.getValue()[0]);
                g.writeNumber(e.getValue()[1]);
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    /**
     * Reads crop offsets {@code [x0, y0]} per image, in file order.
     *
     * @throws IOException naming the file when it is missing or malformed
     */
    public static Map<String, int[]> readOffsets(Path file) throws IOException {
        JsonNode root = read(file);
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = e.getValue();
            if (!o.isArray() || o.size() != 2 || !o.get(0).isNumber() || !o.get(1).isNumber()) {
                throw new IOException(file + ": offset of " + e.getKey() + " is not [x0, y0]");
            }
            out.put(e.getKey(), new int[] {o.get(0).asInt(), o.get(1).asInt()});
        }
        return out;
    }

    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private static void write(Path file, Writer writer) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (JsonGenerator g = JSON.getFactory().createGenerator(tmp.toFile(),
                    com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
                writer.write(g);
            }
        });
    }

    private static void writeBox(JsonGenerator g, Box b) throws IOException {
        g.writeStartArray();
        number(g, b.x0());
        number(g, b.y0());
        number(g, b.x1());
        number(g, b.y1());
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }

    private static Box box(JsonNode b, Path file, String image) throws IOException {
        if (!b.isArray() || b.size() != 4) {
            throw new IOException(file + ": a box of " + image + " is not [x0, y0, x1, y1]");
        }
        for (JsonNode v : b) {
            if (!v.isNumber()) {
                throw new IOException(file + ": a box of " + image + " has a non-numeric coordinate");
            }
        }
        try {
            return new Box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + image + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a JSON object keyed by image name");
        }
        return root;
    }
}
