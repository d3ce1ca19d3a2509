package ai.dfc.benchdata.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.EvalPair;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.annotation.AnnotationFiles;
import ai.dfc.benchdata.annotation.AnnotationTrial;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.ProcessedViews;
import ai.dfc.benchdata.world.AssetName;
import ai.dfc.testing.BenchmarkContractTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small fixture written in HANDAL's layout: category-first folders, real-image processed crops, annotations. */
class HandalBenchmarkTest extends BenchmarkContractTest<ReferenceLayoutBenchmarkFactory.Config> {
    @TempDir
    static Path root;

    private static final AssetName MUG = AssetName.parse("mug---scene3_obj1");
    private static final AssetName POT = AssetName.parse("pot---scene9_obj4");

    @BeforeAll
    static void writeFixture() throws IOException {
        ImageSize size = ImageSize.square(224);
        for (AssetName a : List.of(MUG, POT)) {
            Path dir = root.resolve("HANDAL_test").resolve(a.folder());
            boolean[] m = new boolean[224 * 224];
            for (int i = 60 * 224; i < 160 * 224; i++) {
                m[i] = true;
            }
            Pngs.writeRgb(dir.resolve(ProcessedViews.RGB).resolve("000120.png"), RgbImage.filled(size, 0x808080));
            Pngs.writeMask(dir.resolve(ProcessedViews.MASKS).resolve("000120.png"), Mask.fromBooleans(size, m));
        }
        AnnotationTrial t = new AnnotationTrial(FunctionName.of("pour-with"), MUG, "000120.png", new int[] {70, 10, 80, 20},
                POT, "000120.png", new int[] {100, 50, 110, 60}, 0);
        AnnotationFiles.write(root.resolve("2d_annotations/HANDAL"), t);
        AnnotationFiles.writeSelection(root.resolve("selected.json"), Map.of("pour-with", Map.of(t.pairKey(), List.of(0))));
    }

    @Override
    protected PluginFactory<ReferenceLayoutBenchmarkFactory.Config, Benchmark> factory() {
        return ReferenceLayoutBenchmarkFactory.handal();
    }

    @Override
    protected ReferenceLayoutBenchmarkFactory.Config nonDefaultSettings() {
        return new ReferenceLayoutBenchmarkFactory.Config("a", "b", "c");
    }

    @Override
    protected ReferenceLayoutBenchmarkFactory.Config workingSettings() {
        return new ReferenceLayoutBenchmarkFactory.Config(root.resolve("HANDAL_test").toString(),
                root.resolve("2d_annotations/HANDAL").toString(), root.resolve("selected.json").toString());
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("images", "", "selection", " ");
    }

    @Test
    void readsCategoryFirstFolderNames() {
        assertThat(MUG.category()).isEqualTo("mug");
        assertThat(MUG.folder()).isEqualTo("mug---scene3_obj1");
        try (Benchmark b = create()) {
            EvalPair p = b.pairs().get(0);
            assertThat(p.source().category().value()).isEqualTo("mug");
            assertThat(p.target().category().value()).isEqualTo("pot");
            assertThat(p.withinCategory()).isFalse();
            assertThat(p.groundTruth().target(1).row()).isEqualTo(110);
        }
    }
}
