package ai.dfc.benchdata.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldFilesTest {
    @TempDir
    Path dir;

    @Test
    void assetNamesFollowTheReferenceFolderFormatAndAreStable() {
        AssetName a = AssetName.procedural(42, "watering can", 3);
        assertThat(a.uid()).matches("[0-9a-f]{32}");
        assertThat(a.folder()).isEqualTo(a.uid() + "---watering can.glb");
        assertThat(AssetName.parse(a.folder())).isEqualTo(a);
        assertThat(AssetName.procedural(42, "watering can", 3)).isEqualTo(a);
        assertThat(AssetName.procedural(43, "watering can", 3)).isNotEqualTo(a);
        assertThat(AssetName.parse("5aa9b4be606f4ef98e7c50aa21838b3b---gavel.glb").category()).isEqualTo("gavel");
        assertThatThrownBy(() -> AssetName.parse("gavel.glb")).hasMessageContaining("'<uid>---<category>.glb'");
    }

    @Test
    void taxonomyFilesUseTheReferenceFormats() throws IOException {
        ProceduralWorld world = ProceduralWorld.builtIn();
        TaxonomyFiles.write(dir, world);
        ObjectMapper json = new ObjectMapper();
        JsonNode descriptions = json.readTree(dir.resolve(TaxonomyFiles.DESCRIPTIONS).toFile());
        assertThat(descriptions.get("mug").get("rim").asText()).startsWith("- Rim - ");
        JsonNode partFunctions = json.readTree(dir.resolve(TaxonomyFiles.PART_FUNCTIONS).toFile());
        assertThat(partFunctions.get("mug").get("rim").toString()).isEqualTo("[\"scoop-with\",\"pour-with\"]");
        JsonNode fewshot = json.readTree(dir.resolve(TaxonomyFiles.FEWSHOT).toFile());
        assertThat(fewshot.get("knife").get("cut-with").get(0).asText()).startsWith("- Edge - ");
        JsonNode actions = json.readTree(dir.resolve(TaxonomyFiles.ACTION_OBJECTS).toFile());
        List<String> keys = new ArrayList<>();
        actions.fieldNames().forEachRemaining(keys::add);
        List<String> referenceOrder = FunctionName.REFERENCE.stream().map(FunctionName::value).filter(keys::contains).toList();
        assertThat(keys).isEqualTo(referenceOrder);
        assertThat(actions.get("cut-with").toString()).contains("knife");
        assertThat(json.readTree(dir.resolve(TaxonomyFiles.CROP).toFile()).get("knife").get("tip").asBoolean()).isTrue();
        assertThat(json.readTree(dir.resolve(TaxonomyFiles.EDGE).toFile()).get("knife").get("edge").asBoolean()).isTrue();
        assertThat(json.readTree(dir.resolve(TaxonomyFiles.DUPLICATES).toFile()).get("mug").size()).isZero();
    }

    @Test
    void splitsAreDeterministicDisjointAndKeepUnseenFunctionsSeen() {
        ProceduralWorld world = ProceduralWorld.builtIn();
        WorldSplits s = WorldSplits.of(world, 10, 0.5, 0.2, 7);
        assertThat(WorldSplits.of(world, 10, 0.5, 0.2, 7)).isEqualTo(s);
        Set<AssetName> all = new HashSet<>(s.train());
        all.addAll(s.test());
        all.addAll(s.unseenTest());
        assertThat(all).hasSize(10 * world.categories().size());
        assertThat(s.train()).doesNotContainAnyElementsOf(s.test());
        for (AssetName a : s.unseenTest()) {
            assertThat(s.unseen()).contains(a.category());
        }
        for (AssetName a : s.train()) {
            assertThat(s.unseen()).doesNotContain(a.category());
        }
        world.categoriesByFunction().forEach((f, cats) -> {
            if (cats.stream().anyMatch(s.unseen()::contains)) {
                assertThat(cats).as("%s is also served by a seen category", f).anyMatch(c -> !s.unseen().contains(c));
            }
        });
        try {
            s.write(dir);
            JsonNode train = new ObjectMapper().readTree(dir.resolve("train_split.json").toFile());
            assertThat(train.size()).isEqualTo(s.train().size());
            assertThat(train.get(0).asText()).isEqualTo(s.train().get(0).folder());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long testMugs = s.test().stream().filter(a -> a.category().equals("mug")).count();
        if (!s.unseen().contains("mug")) {
            assertThat(testMugs).isEqualTo(2);
        }
    }
}
