package ai.dfc.benchdata.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.image.Mask;
import ai.dfc.benchdata.procedural.ProceduralCategory;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.world.AssetName;
import ai.dfc.geometry.camera.ObjectPose;
import ai.dfc.geometry.camera.ReferenceRig;
import ai.dfc.geometry.points.ViewVisibility;
import ai.dfc.geometry.raster.Rasterizer;
import ai.dfc.geometry.raster.RenderOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a small procedural dataset once and checks what was written, read back through the reader. */
class ProceduralRendersTest {
    private static final ProceduralWorld WORLD = ProceduralWorld.builtIn();
    private static final ProceduralRenders.Options OPTIONS =
            new ProceduralRenders.Options(List.of(), 1, 19, 96, 6000, 11);

    @TempDir
    static Path out;

    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void render() throws IOException {
        new ProceduralRenders(WORLD, new AssetRenderer(new Rasterizer(RenderOptions.defaults()), 2))
                .render(out, OPTIONS, (set, asset, rendered) -> progress.add(set + " " + asset + " " + rendered));
    }

    private static List<RenderedAsset> assets(String set) throws IOException {
        return RenderedAsset.list(out.resolve(set));
    }

    @Test
    void writesTheReferenceLayoutForEveryCategoryAndBothRenderSets() throws IOException {
        assertThat(progress).hasSize(2 * WORLD.categories().size()).allMatch(p -> p.endsWith(" true"));
        for (String set : List.of(ProceduralRenders.LABELING, ProceduralRenders.TRAINING)) {
            List<RenderedAsset> assets = assets(set);
            assertThat(assets).hasSize(WORLD.categories().size());
            for (RenderedAsset a : assets) {
                assertThat(a.viewCount()).isEqualTo(19);
                assertThat(Files.exists(a.layout().rgb(18))).isTrue();
                assertThat(Files.exists(a.layout().mesh())).isTrue();
                assertThat(Files.exists(a.layout().assetJson())).isTrue();
            }
        }
        assertThat(out.resolve("taxonomy/obj2part_descriptions.json")).exists();
        assertThat(out.resolve("splits/train_split.json")).exists();
        assertThat(out.resolve("manifest.json")).exists();
    }

    @Test
    void camerasDepthMasksAndVisibilityAreConsistent() throws IOException {
        RenderedAsset a = assets(ProceduralRenders.TRAINING).get(0);
        PointCloud cloud = a.pointCloud();
        assertThat(cloud.size()).isEqualTo(6000);
        double[] toWorld = ObjectPose.assetToWorld(a.objectPose());
        List<ViewVisibility> vis = a.visibility();
        assertThat(vis).hasSize(19);
        for (int v = 0; v < 19; v += 6) {
            Camera cam = a.camera(v);
            Camera rig = ReferenceRig.cameras(cam.size()).get(v);
            assertThat(cam.extrinsics().toMatrix()).containsExactly(rig.extrinsics().toMatrix(), within(1e-12));
            Mask mask = a.mask(v);
            float[] depth = a.depth(v);
            for (int i = 0; i < depth.length; i++) {
                assertThat(Float.isFinite(depth[i])).isEqualTo(mask.get(i / 96, i % 96));
            }
            ViewVisibility view = vis.get(v);
            assertThat(view.size()).isPositive();
            for (int i = 0; i < view.size(); i++) {
                int p = view.pointIndex(i);
                double x = cloud.coordinate(p, 0);
                double y = cloud.coordinate(p, 1);
                double z = cloud.coordinate(p, 2);
                double[] w = {toWorld[0] * x + toWorld[1] * y + toWorld[2] * z + toWorld[3],
                    toWorld[4] * x + toWorld[5] * y + toWorld[6] * z + toWorld[7],
                    toWorld[8] * x + toWorld[9] * y + toWorld[10] * z + toWorld[11]};
                double[] uvz = cam.project(w[0], w[1], w[2]);
                assertThat(Math.hypot(uvz[0] - view.col(i), uvz[1] - view.row(i))).as("point %d of view %d", p, v)
                        .isLessThan(2.5);
                assertThat(mask.get(view.row(i), view.col(i))).isTrue();
            }
        }
    }

    @Test
    void everyFunctionalPartIsVisibleInSomeView() throws IOException {
        for (RenderedAsset a : assets(ProceduralRenders.TRAINING)) {
            ProceduralCategory c = WORLD.category(a.name().category());
            List<String> parts = new ArrayList<>();
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(a.layout().assetJson().toFile());
            json.get("parts").forEach(n -> parts.add(n.asText()));
            BitSet seen = new BitSet();
            for (int v = 0; v < a.viewCount(); v++) {
                for (int id : a.partIds(v)) {
                    if (id >= 0) {
                        seen.set(id);
                    }
                }
            }
            c.functions().values().stream().flatMap(List::stream).distinct().forEach(part ->
                    assertThat(seen.get(parts.indexOf(part))).as("%s: %s visible in some view", a.name(), part).isTrue());
        }
    }

    @Test
    void processedViewsAre224CropsWithTheirPointsOnTheMask() throws IOException {
        RenderedAsset a = assets(ProceduralRenders.TRAINING).get(0);
        assertThat(ProcessedViews.write(a)).isTrue();
        assertThat(ProcessedViews.write(a)).isFalse();
        for (int v = 0; v < 19; v += 9) {
            Path rgb = a.layout().dir().resolve(ProcessedViews.RGB).resolve(ProcessedViews.imageName(v));
            assertThat(Pngs.readRgb(rgb).size()).isEqualTo(ai.dfc.api.image.ImageSize.square(224));
            Mask m = Pngs.readMask(a.layout().dir().resolve(ProcessedViews.MASKS).resolve(ProcessedViews.imageName(v)));
            // the 1.2× square crop makes the object's longest side span about 224 / 1.2 ≈ 187 px; at this small source
            // size the floor in h = ⌊0.6·e⌋ and the inclusive extent (e + 1 pixels) push it up to ~195
            int[] idx = m.flatIndices();
            int minR = 224, maxR = -1, minC = 224, maxC = -1;
            for (int i : idx) {
                minR = Math.min(minR, i / 224);
                maxR = Math.max(maxR, i / 224);
                minC = Math.min(minC, i % 224);
                maxC = Math.max(maxC, i % 224);
            }
            assertThat(Math.max(maxR - minR, maxC - minC) + 1).isBetween(176, 200);
            ProjectedPoints pts = ProcessedViews.visibility(a, v);
            assertThat(pts.size()).isPositive();
            for (int i = 0; i < pts.size(); i++) {
                assertThat(m.get(pts.rows()[i], pts.cols()[i])).isTrue();
            }
            // background of the processed image is white
            assertThat(Pngs.readRgb(rgb).rgb(0, 0)).isEqualTo(0xFFFFFF);
        }
    }

    @Test
    void aSecondRunSkipsFinishedAssetsAndRemovesPartialOnes() throws IOException {
        Path root = out.resolve(ProceduralRenders.TRAINING);
        Path partial = root.resolve(".partial-crashed");
        Files.createDirectories(partial.resolve("rgb_images"));
        long before = Files.getLastModifiedTime(assets(ProceduralRenders.TRAINING).get(0).layout().rgb(0)).toMillis();
        List<Boolean> rendered = new ArrayList<>();
        new ProceduralRenders(WORLD, new AssetRenderer(new Rasterizer(RenderOptions.defaults()), 2))
                .render(out, OPTIONS, (set, asset, r) -> rendered.add(r));
        assertThat(rendered).isNotEmpty().containsOnly(false);
        assertThat(partial).doesNotExist();
        assertThat(Files.getLastModifiedTime(assets(ProceduralRenders.TRAINING).get(0).layout().rgb(0)).toMillis())
                .isEqualTo(before);
        AssetName first = assets(ProceduralRenders.TRAINING).get(0).name();
        assertThat(AssetRenderer.isDone(root, first)).isTrue();
    }
}
