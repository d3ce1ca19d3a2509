package ai.dfc.labeling.namer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads taxonomy JSON files and checks the shape of their values, failing with a {@link TaxonomyFormatException}
 * that names the file and the key path. Duplicate keys in one object are errors (plain JSON readers silently keep
 * the last). Stateless.
 */
final class TaxonomyJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TaxonomyJson() {
    }

    /** The parsed file. */
    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TaxonomyFormatException(file, "", Files.exists(file) ? "not a regular file" : "file not found");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new TaxonomyFormatException(file, "", "file is empty, expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new TaxonomyFormatException(file, where, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new TaxonomyFormatException(file, "", "file not found", e);
        } catch (IOException e) {
            throw new TaxonomyFormatException(file, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** The entries of a JSON object, in file order. */
    static List<Map.Entry<String, JsonNode>> entries(Path file, List<String> path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new TaxonomyFormatException(file, where(path), "expected a JSON object, was " + describe(node));
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    /** The elements of a JSON array. */
    static List<JsonNode> elements(Path file, List<String> path, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new TaxonomyFormatException(file, where(path), "expected a JSON list, was " + describe(node));
        }
        List<JsonNode> out = new ArrayList<>();
        node.elements().forEachRemaining(out::add);
        return out;
    }

    /** The value of a JSON string. */
    static String text(Path file, List<String> path, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new TaxonomyFormatException(file, where(path), "expected a string, was " + describe(node));
        }
        return node.textValue();
    }

    /** A key path for messages: {@code "knife" > "cut-with" > [1]}; list indices are written as {@code [i]}. */
    static String where(List<String> path) {
        return String.join(" > ", path);
    }

    /** A path element for an object key. */
    static String key(String key) {
        return "\"" + key + "\"";
    }

    /** A path element for a list index. */
    static String index(int i) {
        return "[" + i + "]";
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 80 ? text.substring(0, 77) + "..." : text);
    }
}
