package ai.dfc.benchdata.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.image.Mask;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.render.AssetRenderer;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.ProcessedViews;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.raster.Rasterizer;
import ai.dfc.geometry.raster.RenderOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProceduralGroundTruthTest {
    private static final ProceduralWorld WORLD = ProceduralWorld.builtIn();

    @TempDir
    static Path dir;

    private static List<RenderedAsset> assets;
    private static List<AnnotationTrial> trials;

    @BeforeAll
    static void renderAndAnnotate() throws IOException {
        ProceduralRenders.Options options = new ProceduralRenders.Options(List.of("knife", "cleaver", "axe"), 1, 30, 128,
                8000, 5);
        new ProceduralRenders(WORLD, new AssetRenderer(new Rasterizer(RenderOptions.defaults()), 2))
                .render(dir, options, (s, a, r) -> { });
        assets = RenderedAsset.list(dir.resolve(ProceduralRenders.EVALUATION));
        ProceduralGroundTruth.Options gt = new ProceduralGroundTruth.Options(2, 2000, 0.08, 10, 3);
        trials = new ProceduralGroundTruth(WORLD, gt).annotate(assets, dir.resolve("2d_annotations/seen"),
                dir.resolve("selected_annotations_seen.json"));
    }

    @Test
    void annotatesEverySharedFunctionAndReadsBackIdentically() throws IOException {
        Set<String> functions = new HashSet<>();
        trials.forEach(t -> functions.add(t.function().value()));
        assertThat(functions).contains("cut-with");
        List<AnnotationTrial> back = AnnotationFiles.read(dir.resolve("2d_annotations/seen"),
                dir.resolve("selected_annotations_seen.json"));
        assertThat(back).hasSameSizeAs(trials);
        for (int i = 0; i < back.size(); i++) {
            assertThat(back.get(i).pointsA()).containsExactly(trials.get(i).pointsA());
            assertThat(back.get(i).pointsB()).containsExactly(trials.get(i).pointsB());
            assertThat(back.get(i).imageB()).isEqualTo(trials.get(i).imageB());
        }
    }

    @Test
    void correspondencesLieOnBothObjectsAndAreOneToOne() throws IOException {
        for (AnnotationTrial t : trials) {
            assertThat(t.size()).isGreaterThanOrEqualTo(16);
            Mask ma = mask(t.objectA().folder(), t.imageA());
            Mask mb = mask(t.objectB().folder(), t.imageB());
            Set<Long> pixelsA = new HashSet<>();
            Set<Long> pixelsB = new HashSet<>();
            for (int i = 0; i < t.size(); i++) {
                assertThat(ma.get(t.pointsA()[2 * i], t.pointsA()[2 * i + 1])).isTrue();
                assertThat(mb.get(t.pointsB()[2 * i], t.pointsB()[2 * i + 1])).isTrue();
                pixelsA.add((long) t.pointsA()[2 * i] << 32 | t.pointsA()[2 * i + 1]);
                pixelsB.add((long) t.pointsB()[2 * i] << 32 | t.pointsB()[2 * i + 1]);
            }
            assertThat(pixelsA).as("one pixel per correspondence on A").hasSize(t.size());
            assertThat(pixelsB).as("one pixel per correspondence on B").hasSize(t.size());
        }
    }

    @Test
    void isDeterministicForASeed() throws IOException {
        List<AnnotationTrial> again = new ProceduralGroundTruth(WORLD, new ProceduralGroundTruth.Options(2, 2000, 0.08, 10, 3))
                .annotate(assets, dir.resolve("again"), dir.resolve("again.json"));
        assertThat(again).hasSameSizeAs(trials);
        for (int i = 0; i < again.size(); i++) {
            assertThat(again.get(i).pointsA()).containsExactly(trials.get(i).pointsA());
        }
    }

    private static Mask mask(String folder, String image) throws IOException {
        return Pngs.readMask(dir.resolve(ProceduralRenders.EVALUATION).resolve(folder).resolve(ProcessedViews.MASKS)
                .resolve(image));
    }
}
