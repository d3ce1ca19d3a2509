package ai.dfc.benchdata.world;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.PartName;
import ai.dfc.benchdata.procedural.FunctionalPart;
import ai.dfc.benchdata.procedural.ProceduralCategory;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.geometry.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the procedural world's taxonomy in the reference's file formats (SPEC §1.2), so every tool that reads the
 * authors' taxonomy (part namers, labelers) reads ours unchanged:
 * {@value #DESCRIPTIONS}, {@value #PART_FUNCTIONS}, {@value #FEWSHOT}, {@value #OBJECT_ACTIONS},
 * {@value #ACTION_OBJECTS}, {@value #CROP}, {@value #EDGE}, {@value #DUPLICATES}. Key orders follow the reference:
 * functions in the reference's 24-function order, categories and parts in declaration order.
 */
public final class TaxonomyFiles {
    public static final String DESCRIPTIONS = "obj2part_descriptions.json";
    public static final String PART_FUNCTIONS = "obj2part2function.json";
    public static final String FEWSHOT = "obj2obj_fewshot_manually_processed.json";
    public static final String OBJECT_ACTIONS = "object2actions.json";
    public static final String ACTION_OBJECTS = "action2objects.json";
    public static final String CROP = "crop_requirement.json";
    public static final String EDGE = "edge_requirement.json";
    public static final String DUPLICATES = "duplicated_parts.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TaxonomyFiles() {
    }

    /** Writes all eight files into {@code dir} (created if needed), each atomically. */
    public static void write(Path dir, ProceduralWorld world) throws IOException {
        Files.createDirectories(dir);
        Map<String, Map<String, String>> descriptions = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> partFunctions = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> fewshot = new LinkedHashMap<>();
        Map<String, List<String>> objectActions = new LinkedHashMap<>();
        Map<String, List<String>> actionObjects = new LinkedHashMap<>();
        Map<String, Map<String, Boolean>> crop = new LinkedHashMap<>();
        Map<String, Map<String, Boolean>> edge = new LinkedHashMap<>();
        Map<String, Map<String, String>> duplicates = new LinkedHashMap<>();
        for (FunctionName f : orderedFunctions(world)) {
            actionObjects.put(f.value(), new ArrayList<>());
        }
        for (ProceduralCategory c : world.categories().values()) {
            Map<String, String> lines = new LinkedHashMap<>();
            Map<String, Boolean> small = new LinkedHashMap<>();
            Map<String, Boolean> thin = new LinkedHashMap<>();
            for (FunctionalPart p : c.parts()) {
                lines.put(p.name(), p.description());
                small.put(p.name(), p.small());
                thin.put(p.name(), p.thinEdge());
            }
            descriptions.put(c.name(), lines);
            crop.put(c.name(), small);
            edge.put(c.name(), thin);
            duplicates.put(c.name(), Map.of());
            Map<String, List<String>> byPart = new LinkedHashMap<>();
            Map<String, List<String>> byFunction = new LinkedHashMap<>();
            List<FunctionName> functions = new ArrayList<>(c.functions().keySet());
            functions.sort(Comparator.comparingInt(TaxonomyFiles::referenceRank).thenComparing(f -> f.value()));
            for (FunctionName f : functions) {
                List<String> partLines = new ArrayList<>();
                for (String part : c.functions().get(f)) {
                    String line = lines.get(part);
                    if (line == null) {
                        throw new IllegalStateException(c.name() + " uses undescribed part '" + part + "' for " + f);
                    }
                    partLines.add(line);
                    byPart.computeIfAbsent(PartName.of(part).fileName(), k -> new ArrayList<>()).add(f.value());
                }
                byFunction.put(f.value(), partLines);
                actionObjects.get(f.value()).add(c.name());
            }
            partFunctions.put(c.name(), byPart);
            fewshot.put(c.name(), byFunction);
            objectActions.put(c.name(), functions.stream().map(FunctionName::value).toList());
        }
        writeJson(dir.resolve(DESCRIPTIONS), descriptions);
        writeJson(dir.resolve(PART_FUNCTIONS), partFunctions);
        writeJson(dir.resolve(FEWSHOT), fewshot);
        writeJson(dir.resolve(OBJECT_ACTIONS), objectActions);
        writeJson(dir.resolve(ACTION_OBJECTS), actionObjects);
        writeJson(dir.resolve(CROP), crop);
        writeJson(dir.resolve(EDGE), edge);
        writeJson(dir.resolve(DUPLICATES), duplicates);
    }

    /** Writes {@code value} as indented JSON through a temporary file and an atomic rename. */
    public static void writeJson(Path file, Object value) throws IOException {
        AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), value));
    }

    private static List<FunctionName> orderedFunctions(ProceduralWorld world) {
        List<FunctionName> all = new ArrayList<>(world.categoriesByFunction().keySet());
        all.sort(Comparator.comparingInt(TaxonomyFiles::referenceRank).thenComparing(FunctionName::value));
        return all;
    }

    private static int referenceRank(FunctionName f) {
        int i = FunctionName.REFERENCE.indexOf(f);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
