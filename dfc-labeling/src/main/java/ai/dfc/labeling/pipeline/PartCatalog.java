package ai.dfc.labeling.pipeline;

import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functional parts to label for each object category, with their zoom-in and edge switches, read from a
 * taxonomy folder in the reference's formats (SPEC §1.2):
 * <pre>
 * obj2part_descriptions.json   {category: {part (spaces): "- Part - description"}}   parts and their descriptions
 * crop_requirement.json        {category: {part (spaces): bool}}                     small parts (SPEC §3.6)
 * edge_requirement.json        {category: {part (spaces): bool}}                     thin edge parts (SPEC §3.7)
 * object2actions.json          {category: [function, …]}                            only with a PartNamer
 * </pre>
 * (the object→actions file may also be named with a prefix, as the reference's {@code objaverse_object2actions.json}).
 * Parts keep the file's key order; a part missing from the crop or edge file counts as {@code false}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PartCatalog {
    static final String DESCRIPTIONS = "obj2part_descriptions.json";
    static final String CROP = "crop_requirement.json";
    static final String EDGE = "edge_requirement.json";
    static final String OBJECT_ACTIONS = "object2actions.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<ObjectCategory, List<PartSpec>> parts;

    private PartCatalog(Map<ObjectCategory, List<PartSpec>> parts) {
        this.parts = Collections.unmodifiableMap(parts);
    }

    /**
     * The parts of every category of {@code obj2part_descriptions.json}.
     *
     * @throws IOException naming the file when a file is missing or not in the expected shape
     */
    public static PartCatalog read(Path taxonomyDir) throws IOException {
        JsonNode descriptions = readJson(taxonomyDir.resolve(DESCRIPTIONS), true);
        JsonNode crop = readJson(taxonomyDir.resolve(CROP), false);
        JsonNode edge = readJson(taxonomyDir.resolve(EDGE), false);
        Map<ObjectCategory, List<PartSpec>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = descriptions.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> category = it.next();
            List<PartSpec> specs = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> p = category.getValue().fields(); p.hasNext();) {
                Map.Entry<String, JsonNode> part = p.next();
                if (!part.getValue().isTextual()) {
                    throw new IOException(taxonomyDir.resolve(DESCRIPTIONS) + ": description of " + category.getKey()
                            + " / " + part.getKey() + " is not a string");
                }
                PartDescription d = new PartDescription(PartName.of(part.getKey()), part.getValue().asText());
                specs.add(spec(d, category.getKey(), crop, edge));
            }
            out.put(ObjectCategory.of(category.getKey()), List.copyOf(specs));
        }
        return new PartCatalog(out);
    }

    /**
     * The parts a {@link PartNamer} names for each function of each category of the object→actions file, in function
     * order, each part once (the first description wins); switches from the crop and edge files.
     *
     * @throws IOException naming the file when a file is missing or not in the expected shape
     * @throws ai.dfc.api.DfcException when the namer cannot answer
     */
    public static PartCatalog read(Path taxonomyDir, PartNamer namer) throws IOException {
        Path actionsFile = objectActionsFile(taxonomyDir);
        JsonNode actions = readJson(actionsFile, true);
        JsonNode crop = readJson(taxonomyDir.resolve(CROP), false);
        JsonNode edge = readJson(taxonomyDir.resolve(EDGE), false);
        Map<ObjectCategory, List<PartSpec>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = actions.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> category = it.next();
            ObjectCategory c = ObjectCategory.of(category.getKey());
            Map<PartName, PartSpec> specs = new LinkedHashMap<>();
            for (JsonNode f : category.getValue()) {
                for (PartDescription d : namer.parts(c, FunctionName.of(f.asText()))) {
                    specs.putIfAbsent(d.part(), spec(d, category.getKey(), crop, edge));
                }
            }
            out.put(c, List.copyOf(specs.values()));
        }
        return new PartCatalog(out);
    }

    /** A catalog of exactly these parts (tests, programmatic use). */
    public static PartCatalog of(Map<ObjectCategory, List<PartSpec>> parts) {
        Map<ObjectCategory, List<PartSpec>> copy = new LinkedHashMap<>();
        parts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new PartCatalog(copy);
    }

    /** The parts of {@code category} in catalog order; empty for an unknown category. */
    public List<PartSpec> parts(ObjectCategory category) {
        return parts.getOrDefault(category, List.of());
    }

    /** The categories, in file order. */
    public List<ObjectCategory> categories() {
        return List.copyOf(parts.keySet());
    }

    private static PartSpec spec(PartDescription d, String category, JsonNode crop, JsonNode edge) {
        return new PartSpec(d, flag(crop, category, d.part()), flag(edge, category, d.part()));
    }

    private static boolean flag(JsonNode file, String category, PartName part) {
        JsonNode c = file.path(category);
        JsonNode v = c.path(part.value());
        if (v.isMissingNode()) {
            v = c.path(part.fileName());
        }
        return v.asBoolean(false);
    }

    private static Path objectActionsFile(Path dir) throws IOException {
        Path plain = dir.resolve(OBJECT_ACTIONS);
        if (Files.exists(plain)) {
            return plain;
        }
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith("_" + OBJECT_ACTIONS)).sorted().findFirst()
                    .orElseThrow(() -> new IOException(dir + ": no " + OBJECT_ACTIONS + " (or *_" + OBJECT_ACTIONS
                            + ") to list the functions of each category"));
        }
    }

    private static JsonNode readJson(Path file, boolean required) throws IOException {
        if (!Files.exists(file)) {
            if (required) {
                throw new IOException("missing taxonomy file " + file);
            }
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IOException(file + ": expected a JSON object keyed by category");
        }
        return node;
    }
}
