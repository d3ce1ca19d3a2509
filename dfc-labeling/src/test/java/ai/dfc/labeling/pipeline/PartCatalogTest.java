package ai.dfc.labeling.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.world.TaxonomyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parts and their switches from taxonomy files in the reference's formats, directly or through a PartNamer. */
class PartCatalogTest {
    @TempDir
    Path dir;

    @Test
    void readsDescriptionsWithCropAndEdgeSwitches() throws IOException {
        TaxonomyFiles.write(dir, ProceduralWorld.builtIn());
        PartCatalog c = PartCatalog.read(dir);
        List<PartSpec> mug = c.parts(ObjectCategory.of("mug"));
        assertThat(mug).extracting(PartSpec::fileName).containsExactly("rim", "base", "body", "handle", "interior");
        PartSpec rim = mug.get(0);
        assertThat(rim.zoomIn()).isTrue();
        assertThat(rim.edge()).isTrue();
        assertThat(rim.description().line()).startsWith("- Rim - ");
        assertThat(mug.get(1).zoomIn()).isFalse();
        assertThat(c.parts(ObjectCategory.of("no such thing"))).isEmpty();
        assertThat(c.categories()).hasSize(ProceduralWorld.builtIn().categories().size());
    }

    @Test
    void aPartNamerNamesThePartsOfEachFunctionOnce() throws IOException {
        Files.writeString(dir.resolve("objaverse_object2actions.json"),
                "{\"knife\": [\"cut-with\", \"pierce-with\"]}");
        Files.writeString(dir.resolve("crop_requirement.json"), "{\"knife\": {\"tip\": true, \"blade edge\": false}}");
        Files.writeString(dir.resolve("edge_requirement.json"), "{\"knife\": {\"blade edge\": true}}");
        PartNamer namer = new PartNamer() {
            @Override
            public List<PartDescription> parts(ObjectCategory category, FunctionName function) {
                PartDescription edge = new PartDescription(PartName.of("blade edge"), "- Blade edge - The sharp side.");
                PartDescription tip = new PartDescription(PartName.of("tip"), "- Tip - The point.");
                return function.value().equals("cut-with") ? List.of(edge) : List.of(tip, edge);
            }

            @Override
            public void close() {
            }
        };
        List<PartSpec> knife = PartCatalog.read(dir, namer).parts(ObjectCategory.of("knife"));
        assertThat(knife).extracting(PartSpec::fileName).containsExactly("blade_edge", "tip");
        assertThat(knife.get(0).edge()).isTrue();
        assertThat(knife.get(0).zoomIn()).isFalse();
        assertThat(knife.get(1).zoomIn()).isTrue();
        assertThat(knife.get(1).edge()).isFalse();
    }

    @Test
    void missingOrMalformedFilesAreNamed() throws IOException {
        assertThatThrownBy(() -> PartCatalog.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("obj2part_descriptions.json");
        Files.writeString(dir.resolve("obj2part_descriptions.json"), "[1, 2]");
        assertThatThrownBy(() -> PartCatalog.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("keyed by category");
    }
}
