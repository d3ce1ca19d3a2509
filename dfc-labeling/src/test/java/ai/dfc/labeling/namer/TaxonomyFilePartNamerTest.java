package ai.dfc.labeling.namer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.DfcException;
import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import ai.dfc.benchdata.procedural.FunctionalPart;
import ai.dfc.benchdata.procedural.ProceduralCategory;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.world.TaxonomyFiles;
import ai.dfc.testing.PartNamerContractTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxonomyFilePartNamerTest extends PartNamerContractTest<TaxonomyFilePartNamer.Config> {
    private static final String FEWSHOT = "obj2obj_fewshot_manually_processed.json";
    private static final String DESCRIPTIONS = "obj2part_descriptions.json";
    private static final String DUPLICATES = "duplicated_parts.json";
    private static final ObjectCategory KNIFE = ObjectCategory.of("knife");
    private static final ObjectCategory MUG = ObjectCategory.of("mug");

    @Override
    protected PluginFactory<TaxonomyFilePartNamer.Config, PartNamer> factory() {
        return new TaxonomyFilePartNamer.Factory();
    }

    @Override
    protected TaxonomyFilePartNamer.Config nonDefaultSettings() {
        return new TaxonomyFilePartNamer.Config("meta/Objaverse", "fewshot.json", "", "aliases.json");
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        Map<String, Object> invalid = new HashMap<>();
        invalid.put("directory", " ");
        invalid.put("fewshot_file", "");
        invalid.put("descriptions_file", null);
        invalid.put("duplicates_file", null);
        return invalid;
    }

    @Override
    protected TaxonomyFilePartNamer.Config workingSettings() {
        return TaxonomyFilePartNamer.Config.in(fixture());
    }

    @Override
    protected ObjectCategory knownCategory() {
        return KNIFE;
    }

    @Override
    protected FunctionName knownFunction() {
        return FunctionName.of("pry-with");
    }

    /** The small reference-format files in {@code src/test/resources/taxonomy-fixture}. */
    private static Path fixture() {
        try {
            return Path.of(TaxonomyFilePartNamerTest.class.getResource("/taxonomy-fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<PartDescription> parts(TaxonomyFilePartNamer.Config config, ObjectCategory c, String function) {
        try (PartNamer namer = TaxonomyFilePartNamer.read(config)) {
            return namer.parts(c, FunctionName.of(function));
        }
    }

    private static PartDescription part(String name, String line) {
        return new PartDescription(PartName.of(name), line);
    }

    private static final PartDescription TIP = part("tip",
            "- Tip - The pointed end of the knife blade, designed for piercing or prying into narrow spaces.");

    @Test
    void namesPartsWithTheirDescriptionLines() {
        TaxonomyFilePartNamer.Config config = workingSettings();
        assertThat(parts(config, KNIFE, "cut-with")).containsExactly(
                part("blade", "- Blade - The flat, sharp part of the knife used for cutting, digging, and prying."),
                part("edge", "- Edge - The sharpened side of the blade used for slicing, scraping, or spreading materials."));
        assertThat(parts(config, MUG, "hang-onto")).containsExactly(part("handle",
                "- Handle - The curved or looped part protruding from the side of the mug, designed for hanging onto hooks or pegs."));
    }

    @Test
    void mapsAliasesToTheirCanonicalPartAndMergesDuplicates() {
        TaxonomyFilePartNamer.Config config = workingSettings();
        // "Point" is an alias of "tip": described by tip's line
        assertThat(parts(config, KNIFE, "pierce-with")).containsExactly(TIP);
        // tip and its alias point in one list: tip once, in first-appearance order; "**Spine**" has no
        // description in obj2part_descriptions.json, so its few-shot line stands, verbatim
        assertThat(parts(config, KNIFE, "pry-with")).containsExactly(TIP, part("spine",
                "- **Spine** - The top, non-sharpened edge of the blade which provides strength for prying."));
        assertThat(parts(config, MUG, "pour-with")).containsExactly(part("rim",
                "- Rim - The upper circular edge of the mug from which contents are sipped or poured."));
    }

    @Test
    void describesUndescribedPartsByTheirFirstLineWithStraightQuotes() {
        assertThat(parts(workingSettings(), ObjectCategory.of("coconut shell"), "scoop-with")).containsExactly(
                part("shell's rim", "- Shell's  Rim - The 'lip' of the shell's opening, used to scoop water."));
    }

    @Test
    void worksWithoutTheOptionalFiles() {
        Path dir = fixture();
        TaxonomyFilePartNamer.Config noDescriptions = new TaxonomyFilePartNamer.Config(dir.toString(), FEWSHOT, "", DUPLICATES);
        // the first line naming "tip" itself wins over the earlier line naming its alias "point"
        assertThat(parts(noDescriptions, KNIFE, "pierce-with")).containsExactly(part("tip",
                "- Tip - The pointed end of the knife blade, which can be inserted into narrow spaces to pry."));
        assertThat(parts(noDescriptions, KNIFE, "scrape-with")).containsExactly(
                part("blade", "- Blade - The flat, sharp part used for cutting."),
                part("edge", "- Edge - The sharpened side of the blade that slices through materials."));
        TaxonomyFilePartNamer.Config noAliases = new TaxonomyFilePartNamer.Config(dir.toString(), FEWSHOT, DESCRIPTIONS, "");
        assertThat(parts(noAliases, KNIFE, "pry-with")).extracting(p -> p.part().value())
                .containsExactly("tip", "spine", "point");
        assertThat(parts(noAliases, KNIFE, "pierce-with"))
                .containsExactly(part("point", "- Point - The sharp tip of the blade used for piercing."));
    }

    @Test
    void answersUnknownPairsWithNoParts() {
        TaxonomyFilePartNamer.Config config = workingSettings();
        assertThat(parts(config, KNIFE, "pour-with")).isEmpty();
        assertThat(parts(config, ObjectCategory.of("teapot"), "pour-with")).isEmpty();
        assertThat(parts(config, ObjectCategory.of("coconut shell"), "pick up-with")).as("an empty list").isEmpty();
    }

    @Test
    void readsTheProceduralWorldsTaxonomy() throws IOException {
        ProceduralWorld world = ProceduralWorld.builtIn();
        Path dir = tempDir.resolve("world-taxonomy");
        TaxonomyFiles.write(dir, world);
        int pairs = 0;
        try (PartNamer namer = TaxonomyFilePartNamer.read(TaxonomyFilePartNamer.Config.in(dir))) {
            for (ProceduralCategory c : world.categories().values()) {
                Map<String, String> lines = new HashMap<>();
                for (FunctionalPart p : c.parts()) {
                    lines.put(p.name(), p.description());
                }
                for (Map.Entry<FunctionName, List<String>> f : c.functions().entrySet()) {
                    List<PartDescription> expected = f.getValue().stream()
                            .map(name -> new PartDescription(PartName.of(name), lines.get(name))).toList();
                    assertThat(namer.parts(ObjectCategory.of(c.name()), f.getKey())).as("%s / %s", c.name(), f.getKey())
                            .isEqualTo(expected);
                    pairs++;
                }
            }
        }
        assertThat(pairs).isGreaterThan(10);
    }

    // --- errors -------------------------------------------------------------------------------------------

    private Path copyOfFixture() throws IOException {
        Path dir = Files.createDirectories(tempDir.resolve("taxonomy"));
        for (String f : List.of(FEWSHOT, DESCRIPTIONS, DUPLICATES)) {
            Files.copy(fixture().resolve(f), dir.resolve(f));
        }
        return dir;
    }

    private static TaxonomyFilePartNamer readWith(Path dir, String file, String json) throws IOException {
        Files.writeString(dir.resolve(file), json);
        return TaxonomyFilePartNamer.read(TaxonomyFilePartNamer.Config.in(dir));
    }

    @Test
    void failsAtCreateWhenTheDirectoryDoesNotExist() {
        Path missing = tempDir.resolve("no-such-dir");
        assertThatThrownBy(() -> factory().create(TaxonomyFilePartNamer.Config.in(missing), context()))
                .isInstanceOf(DfcException.class)
                .hasMessageContaining("directory")
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
        // the default, ./taxonomy, does not exist in the build directory either
        assertThatThrownBy(() -> factory().create(factory().defaultSettings(), context()))
                .isInstanceOf(DfcException.class).hasMessageContaining("taxonomy").hasMessageContaining("does not exist");
    }

    @Test
    void namesAMissingConfiguredFile() throws IOException {
        Path dir = copyOfFixture();
        Files.delete(dir.resolve(DESCRIPTIONS));
        assertThatThrownBy(() -> TaxonomyFilePartNamer.read(TaxonomyFilePartNamer.Config.in(dir)))
                .isInstanceOf(TaxonomyFormatException.class)
                .hasMessageContaining(dir.resolve(DESCRIPTIONS).toString()).hasMessageContaining("file not found");
        Files.delete(dir.resolve(FEWSHOT));
        assertThatThrownBy(() -> TaxonomyFilePartNamer.read(new TaxonomyFilePartNamer.Config(dir.toString(), FEWSHOT, "", "")))
                .isInstanceOf(TaxonomyFormatException.class)
                .hasMessageContaining(dir.resolve(FEWSHOT).toString()).hasMessageContaining("file not found");
    }

    @Test
    void namesTheFileAndPositionOfInvalidJson() throws IOException {
        Path dir = copyOfFixture();
        assertThatThrownBy(() -> readWith(dir, DUPLICATES, "{\"knife\": {\"point\": \"tip\",}}"))
                .isInstanceOf(TaxonomyFormatException.class)
                .hasMessageContaining(DUPLICATES).hasMessageContaining("line 1").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> readWith(dir, DUPLICATES, "{\"knife\": {}, \"knife\": {}}"))
                .isInstanceOf(TaxonomyFormatException.class).hasMessageContaining("knife").hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> readWith(dir, DUPLICATES, ""))
                .isInstanceOf(TaxonomyFormatException.class).hasMessageContaining(DUPLICATES).hasMessageContaining("empty");
    }

    @Test
    void namesTheKeyOfAValueOfTheWrongShape() throws IOException {
        Path dir = copyOfFixture();
        assertThatThrownBy(() -> readWith(dir, FEWSHOT, "{\"knife\": {\"cut-with\": \"- Blade - x\"}}"))
                .isInstanceOf(TaxonomyFormatException.class).hasMessageContaining(FEWSHOT)
                .hasMessageContaining("\"knife\" > \"cut-with\"").hasMessageContaining("expected a JSON list");
        assertThatThrownBy(() -> readWith(dir, FEWSHOT, "{\"knife\": {\"cut-with\": [\"- Blade - x\", 3]}}"))
                .hasMessageContaining("\"knife\" > \"cut-with\" > [1]").hasMessageContaining("expected a string, was number 3");
        assertThatThrownBy(() -> readWith(dir, FEWSHOT, "[\"knife\"]"))
                .hasMessageContaining(FEWSHOT).hasMessageContaining("expected a JSON object, was array");
        assertThatThrownBy(() -> readWith(dir, DESCRIPTIONS, "{\"knife\": {\"blade\": 3}}"))
                .hasMessageContaining(DESCRIPTIONS).hasMessageContaining("\"knife\" > \"blade\"");
        assertThatThrownBy(() -> readWith(dir, DUPLICATES, "{\"knife\": [\"point\"]}"))
                .hasMessageContaining(DUPLICATES).hasMessageContaining("\"knife\"").hasMessageContaining("expected a JSON object");
    }

    @Test
    void namesTheKeyOfAMalformedLine() throws IOException {
        Path dir = copyOfFixture();
        assertThatThrownBy(() -> readWith(dir, FEWSHOT, "{\"mug\": {\"pour-with\": [\"- Rim - x\", \"Mouth - the opening\"]}}"))
                .isInstanceOf(TaxonomyFormatException.class).hasMessageContaining(FEWSHOT)
                .hasMessageContaining("\"mug\" > \"pour-with\" > [1]").hasMessageContaining("'Mouth - the opening'")
                .hasMessageContaining("must start with '-'");
        assertThatThrownBy(() -> readWith(dir, FEWSHOT, "{\"mug\": {\"pour-with\": [\"- - x\"]}}"))
                .hasMessageContaining("\"mug\" > \"pour-with\" > [0]").hasMessageContaining("no part name");
        assertThatThrownBy(() -> readWith(dir, FEWSHOT, "{\"mug\": {\"pour-with\": [\"- Rim - x\\n- Mouth - y\"]}}"))
                .hasMessageContaining("[0]").hasMessageContaining("single line");
        assertThatThrownBy(() -> readWith(dir, DESCRIPTIONS, "{\"mug\": {\"rim\": \"Rim - no dash\"}}"))
                .hasMessageContaining(DESCRIPTIONS).hasMessageContaining("\"mug\" > \"rim\"")
                .hasMessageContaining("starting with '-'");
        assertThatThrownBy(() -> readWith(dir, DESCRIPTIONS, "{\"mug\": {\"rim\": \"- Rim - a\", \"Rim\": \"- Rim - b\"}}"))
                .hasMessageContaining("\"mug\" > \"Rim\"").hasMessageContaining("described twice");
        assertThatThrownBy(() -> readWith(dir, DUPLICATES, "{\"mug\": {\"mouth\": \"\"}}"))
                .hasMessageContaining(DUPLICATES).hasMessageContaining("\"mug\" > \"mouth\"").hasMessageContaining("no part name");
    }
}
