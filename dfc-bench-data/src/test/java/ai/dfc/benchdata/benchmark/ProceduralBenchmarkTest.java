package ai.dfc.benchdata.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.benchmark.EvalPair;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.benchdata.annotation.ProceduralGroundTruth;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.render.AssetRenderer;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.raster.Rasterizer;
import ai.dfc.geometry.raster.RenderOptions;
import ai.dfc.testing.BenchmarkContractTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProceduralBenchmarkTest extends BenchmarkContractTest<ProceduralBenchmarkFactory.Config> {
    @TempDir
    static Path data;

    @BeforeAll
    static void makeDataset() throws IOException {
        ProceduralWorld world = ProceduralWorld.builtIn();
        new ProceduralRenders(world, new AssetRenderer(new Rasterizer(RenderOptions.defaults()), 2)).render(data,
                new ProceduralRenders.Options(List.of("mug", "bottle"), 1, 30, 96, 4000, 9), (s, a, r) -> { });
        new ProceduralGroundTruth(world, new ProceduralGroundTruth.Options(2, 1000, 0.1, 5, 1)).annotate(
                RenderedAsset.list(data.resolve(ProceduralRenders.EVALUATION)), data.resolve("2d_annotations/seen"),
                data.resolve("selected_annotations_seen.json"));
    }

    @Override
    protected PluginFactory<ProceduralBenchmarkFactory.Config, Benchmark> factory() {
        return new ProceduralBenchmarkFactory();
    }

    @Override
    protected ProceduralBenchmarkFactory.Config nonDefaultSettings() {
        return new ProceduralBenchmarkFactory.Config("elsewhere", "unseen");
    }

    @Override
    protected ProceduralBenchmarkFactory.Config workingSettings() {
        return new ProceduralBenchmarkFactory.Config(data.toString(), "seen");
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("mode", "sometimes", "dataset", " ");
    }

    @Test
    void pairsShareAFunctionAndTheirGroundTruthLiesOnTheObjects() {
        try (Benchmark b = create()) {
            List<EvalPair> pairs = b.pairs();
            assertThat(pairs).isNotEmpty();
            for (EvalPair p : pairs) {
                assertThat(p.function().value()).isIn("pour-with", "press-with", "roll-onto");
                assertThat(p.withinCategory()).isFalse();
                EvalImage a = b.image(p.source());
                EvalImage t = b.image(p.target());
                for (int i = 0; i < p.groundTruth().size(); i++) {
                    assertThat(a.objectMask().get(p.groundTruth().source(i).row(), p.groundTruth().source(i).col())).isTrue();
                    assertThat(t.objectMask().get(p.groundTruth().target(i).row(), p.groundTruth().target(i).col())).isTrue();
                }
            }
        }
    }

    @Test
    void missingDataFailsNamingTheFolder() {
        Path nowhere = data.resolve("nowhere");
        assertThatThrownBy(() -> new ProceduralBenchmarkFactory().create(
                new ProceduralBenchmarkFactory.Config(nowhere.toString(), "seen"), context()))
                .hasMessageContaining(nowhere.resolve("2d_annotations").resolve("seen") + " does not exist");
    }
}
