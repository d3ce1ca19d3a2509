package ai.dfc.labeling.namer;

import ai.dfc.api.DfcException;
import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.namer.PartNamerFactory;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Settings;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code taxonomy-file} part namer: names functional parts from taxonomy files in the reference's formats
 * (SPEC §1.2) — the authors' Objaverse or HANDAL metadata, or the files DFC's procedural world writes
 * ({@code ai.dfc.benchdata.world.TaxonomyFiles}).
 *
 * <p>For (category, function) it takes the lines of {@code obj2obj_fewshot_manually_processed.json}
 * ({@code {category: {function: ["- Part - sentence", …]}}}), names each line's part by the rule of SPEC §3.2
 * (see {@link PartLines#partName}), replaces aliases by their canonical part through {@code duplicated_parts.json}
 * ({@code {category: {alias: canonical}}}), and keeps each canonical part once, in order of first appearance. A
 * part is described by its line in {@code obj2part_descriptions.json} ({@code {category: {part: line}}}) when
 * there is one, else by the first few-shot line of the category naming it (a line naming the part itself before
 * one naming an alias), with curly quotes straightened. Pairs the files do not list yield no parts.
 *
 * <p>All files are read and checked when the namer is created; a missing file, invalid JSON, a value of the
 * wrong shape or a line that does not start with {@code -} fails with a {@link TaxonomyFormatException} naming
 * the file and the key. Immutable and thread-safe; {@link #close()} does nothing.
 */
public final class TaxonomyFilePartNamer implements PartNamer {

    /**
     * Settings of {@code taxonomy-file}.
     *
     * @param directory        the folder holding the files
     * @param fewshotFile      the per-function part lines, relative to {@code directory}
     * @param descriptionsFile the per-part description lines, relative to {@code directory}; empty for none
     * @param duplicatesFile   the part aliases, relative to {@code directory}; empty for none
     */
    public record Config(
            @JsonPropertyDescription("folder holding the taxonomy files (the reference's metadata/Objaverse, or "
                    + "the taxonomy folder of a procedural dataset); must exist") String directory,
            @JsonPropertyDescription("file of per-function part lines {category: {function: [\"- Part - "
                    + "sentence\", ...]}}, relative to directory") String fewshotFile,
            @JsonPropertyDescription("file of one description line per canonical part {category: {part: line}}, "
                    + "relative to directory; empty to describe parts by their first few-shot line")
            String descriptionsFile,
            @JsonPropertyDescription("file of part aliases {category: {alias: canonical part}}, relative to "
                    + "directory; empty for none (HANDAL ships none)") String duplicatesFile) {

        /** Checks that the directory and the few-shot file are named and the optional files are not null. */
        public Config {
            Settings.nonBlank("directory", directory);
            Settings.nonBlank("fewshot_file", fewshotFile);
            Settings.present("descriptions_file", descriptionsFile);
            Settings.present("duplicates_file", duplicatesFile);
        }

        /** The reference's file names in the folder {@code taxonomy}. */
        public static Config defaults() {
            return new Config("taxonomy", "obj2obj_fewshot_manually_processed.json", "obj2part_descriptions.json",
                    "duplicated_parts.json");
        }

        /**
         * The reference's file names in another folder.
         *
         * @param directory the folder holding the files
         * @return settings reading all three files from {@code directory}
         */
        public static Config in(Path directory) {
            Config d = defaults();
            return new Config(directory.toString(), d.fewshotFile(), d.descriptionsFile(), d.duplicatesFile());
        }
    }

    /** The factory of {@code taxonomy-file}, registered by {@link ai.dfc.labeling.LabelingPlugin}. */
    public static final class Factory extends AbstractPluginFactory<Config, PartNamer>
            implements PartNamerFactory<Config> {

        /** A factory whose defaults expect the reference's file names in {@code ./taxonomy}. */
        public Factory() {
            super("taxonomy-file", "functional parts from taxonomy files in the reference's formats "
                    + "(obj2obj_fewshot_manually_processed, obj2part_descriptions, duplicated_parts)", Config.defaults());
        }

        /**
         * Reads the files.
         *
         * @throws DfcException when the directory does not exist
         * @throws TaxonomyFormatException when a configured file is missing or malformed
         */
        @Override
        public PartNamer create(Config settings, PluginContext context) {
            return TaxonomyFilePartNamer.read(settings);
        }
    }

    private final ReferenceTaxonomy taxonomy;

    private TaxonomyFilePartNamer(ReferenceTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * Reads and checks the configured files.
     *
     * @param settings the folder and file names
     * @return a namer over the files' contents
     * @throws DfcException when the directory does not exist or is not a directory
     * @throws TaxonomyFormatException when a configured file is missing or malformed
     */
    public static TaxonomyFilePartNamer read(Config settings) {
        Path dir = resolve(settings.directory(), "directory", null);
        if (!Files.isDirectory(dir)) {
            throw new DfcException("part namer 'taxonomy-file': directory: " + dir.toAbsolutePath()
                    + (Files.exists(dir) ? " is not a directory" : " does not exist")
                    + "; set it to the folder holding " + settings.fewshotFile()
                    + " (e.g. the reference's metadata/Objaverse or a procedural dataset's taxonomy folder)");
        }
        Path fewshot = resolve(settings.fewshotFile(), "fewshot_file", dir);
        Path descriptions = optional(settings.descriptionsFile(), "descriptions_file", dir);
        Path duplicates = optional(settings.duplicatesFile(), "duplicates_file", dir);
        return new TaxonomyFilePartNamer(ReferenceTaxonomy.read(fewshot, descriptions, duplicates));
    }

    /** The parts listed for the pair; empty when the files do not list the category or the function for it. */
    @Override
    public List<PartDescription> parts(ObjectCategory category, FunctionName function) {
        if (category == null || function == null) {
            throw new IllegalArgumentException("category and function must not be null");
        }
        return taxonomy.parts(category.value(), function.value());
    }

    /** Nothing to release. */
    @Override
    public void close() {
        // immutable
    }

    private static Path optional(String name, String key, Path dir) {
        return name.isBlank() ? null : resolve(name, key, dir);
    }

    private static Path resolve(String name, String key, Path dir) {
        try {
            return dir == null ? Path.of(name) : dir.resolve(name);
        } catch (InvalidPathException e) {
            throw new DfcException("part namer 'taxonomy-file': " + key + ": '" + name + "' is not a valid path: "
                    + e.getReason(), e);
        }
    }
}
