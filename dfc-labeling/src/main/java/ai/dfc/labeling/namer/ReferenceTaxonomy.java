package ai.dfc.labeling.namer;

import static ai.dfc.labeling.namer.TaxonomyJson.index;
import static ai.dfc.labeling.namer.TaxonomyJson.key;

import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functional parts of every (category, function) pair of a reference-format taxonomy (SPEC §1.2, §3.2),
 * read once and immutable: the part lines of {@code obj2obj_fewshot_manually_processed.json}, their part names
 * mapped to canonical parts through {@code duplicated_parts.json}, each part described by its line in
 * {@code obj2part_descriptions.json} or, failing that, by the first line naming it.
 */
final class ReferenceTaxonomy {
    /** category → function → parts, in file order. */
    private final Map<String, Map<String, List<PartDescription>>> parts;

    private ReferenceTaxonomy(Map<String, Map<String, List<PartDescription>>> parts) {
        this.parts = parts;
    }

    /**
     * Reads and checks the files.
     *
     * @param fewshot      the per-function part lines; required
     * @param descriptions the one-line description per canonical part, or null to describe parts by their
     *                     first line
     * @param duplicates   the alias → canonical part map, or null for no aliases
     * @throws TaxonomyFormatException naming the file and key of the first problem
     */
    static ReferenceTaxonomy read(Path fewshot, Path descriptions, Path duplicates) {
        Map<String, Map<PartName, PartName>> aliases = duplicates == null ? Map.of() : readAliases(duplicates);
        Map<String, Map<PartName, String>> lines = descriptions == null ? Map.of() : readDescriptions(descriptions);
        Map<String, Map<String, List<PartDescription>>> out = new LinkedHashMap<>();
        JsonNode root = TaxonomyJson.read(fewshot);
        for (Map.Entry<String, JsonNode> category : TaxonomyJson.entries(fewshot, List.of(), root)) {
            out.put(category.getKey(), readCategory(fewshot, category.getKey(), category.getValue(),
                    aliases.getOrDefault(category.getKey(), Map.of()),
                    lines.getOrDefault(category.getKey(), Map.of())));
        }
        return new ReferenceTaxonomy(Map.copyOf(out));
    }

    /** The parts of {@code category} for {@code function}; empty when either is unknown. */
    List<PartDescription> parts(String category, String function) {
        return parts.getOrDefault(category, Map.of()).getOrDefault(function, List.of());
    }

    private static Map<String, List<PartDescription>> readCategory(Path file, String category, JsonNode functions,
            Map<PartName, PartName> aliases, Map<PartName, String> described) {
        Map<PartName, String> ownLine = new LinkedHashMap<>();
        Map<PartName, String> aliasLine = new LinkedHashMap<>();
        Map<String, Set<PartName>> byFunction = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> function : TaxonomyJson.entries(file, List.of(key(category)), functions)) {
            List<String> path = List.of(key(category), key(function.getKey()));
            Set<PartName> names = new LinkedHashSet<>();
            List<JsonNode> elements = TaxonomyJson.elements(file, path, function.getValue());
            for (int i = 0; i < elements.size(); i++) {
                List<String> at = List.of(key(category), key(function.getKey()), index(i));
                String line = PartLines.normalizeQuotes(TaxonomyJson.text(file, at, elements.get(i)));
                PartName name = partOfLine(file, at, line);
                PartName canonical = aliases.getOrDefault(name, name);
                (canonical.equals(name) ? ownLine : aliasLine).putIfAbsent(canonical, line);
                names.add(canonical);
            }
            byFunction.put(function.getKey(), names);
        }
        Map<String, List<PartDescription>> out = new LinkedHashMap<>();
        byFunction.forEach((function, names) -> {
            List<PartDescription> list = new ArrayList<>();
            for (PartName name : names) {
                String line = described.getOrDefault(name, ownLine.getOrDefault(name, aliasLine.get(name)));
                list.add(new PartDescription(name, line));
            }
            out.put(function, List.copyOf(list));
        });
        return Map.copyOf(out);
    }

    private static PartName partOfLine(Path file, List<String> path, String line) {
        if (line.contains("\n") || line.contains("\r")) {
            throw new TaxonomyFormatException(file, TaxonomyJson.where(path), "a part line must be a single line, was '"
                    + line + "'");
        }
        try {
            return PartLines.partName(line);
        } catch (IllegalArgumentException e) {
            throw new TaxonomyFormatException(file, TaxonomyJson.where(path), e.getMessage(), e);
        }
    }

    private static PartName partKey(Path file, List<String> path, String name) {
        try {
            return PartLines.partKey(name);
        } catch (IllegalArgumentException e) {
            throw new TaxonomyFormatException(file, TaxonomyJson.where(path), e.getMessage(), e);
        }
    }

    /** {@code duplicated_parts.json}: category → alias → canonical part. */
    private static Map<String, Map<PartName, PartName>> readAliases(Path file) {
        Map<String, Map<PartName, PartName>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> category : TaxonomyJson.entries(file, List.of(), TaxonomyJson.read(file))) {
            Map<PartName, PartName> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> alias
                    : TaxonomyJson.entries(file, List.of(key(category.getKey())), category.getValue())) {
                List<String> at = List.of(key(category.getKey()), key(alias.getKey()));
                PartName from = partKey(file, at, alias.getKey());
                PartName to = partKey(file, at, TaxonomyJson.text(file, at, alias.getValue()));
                if (map.putIfAbsent(from, to) != null) {
                    throw new TaxonomyFormatException(file, TaxonomyJson.where(at), "alias '" + from
                            + "' is listed twice (after normalizing case, spaces and underscores)");
                }
            }
            out.put(category.getKey(), map);
        }
        return out;
    }

    /** {@code obj2part_descriptions.json}: category → canonical part → description line. */
    private static Map<String, Map<PartName, String>> readDescriptions(Path file) {
        Map<String, Map<PartName, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> category : TaxonomyJson.entries(file, List.of(), TaxonomyJson.read(file))) {
            Map<PartName, String> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> part
                    : TaxonomyJson.entries(file, List.of(key(category.getKey())), category.getValue())) {
                List<String> at = List.of(key(category.getKey()), key(part.getKey()));
                PartName name = partKey(file, at, part.getKey());
                String line = TaxonomyJson.text(file, at, part.getValue());
                if (!line.startsWith("-") || line.contains("\n") || line.contains("\r")) {
                    throw new TaxonomyFormatException(file, TaxonomyJson.where(at),
                            "a description must be one line starting with '-' (\"- Part - sentence\"), was '" + line + "'");
                }
                if (map.putIfAbsent(name, line) != null) {
                    throw new TaxonomyFormatException(file, TaxonomyJson.where(at), "part '" + name
                            + "' is described twice (after normalizing case, spaces and underscores)");
                }
            }
            out.put(category.getKey(), map);
        }
        return out;
    }
}
