package ai.dfc.labeling.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.edge.EdgeEstimator;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.render.AssetRenderer;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.raster.Rasterizer;
import ai.dfc.geometry.raster.RenderOptions;
import ai.dfc.labeling.report.QualityReport;
import ai.dfc.labeling.report.ViewScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a small procedural dataset rendered here (mug, knife, hammer: zoom-in, edge and plain parts),
 * with a grounder that answers the bounding box of the true part.
 */
class LabelingRunTest {
    private static final ProceduralRenders.Options RENDER =
            new ProceduralRenders.Options(List.of("mug", "knife", "hammer"), 1, 19, 128, 8000, 5);

    @TempDir
    static Path dataset;

    private static final TruthBoxGrounder GROUNDER = new TruthBoxGrounder();
    private static PartCatalog catalog;
    private static LabelingProgress first;
    private static final List<LabelingProgress> snapshots = new ArrayList<>();

    /** Edge probability 1 everywhere: edge parts keep their votes (the weighting itself is tested elsewhere). */
    private static final class FlatEdges implements EdgeEstimator {
        @Override
        public float[] edgeProbabilities(PointCloud cloud) {
            float[] p = new float[cloud.size()];
            Arrays.fill(p, 1f);
            return p;
        }

        @Override
        public void close() {
        }
    }

    @BeforeAll
    static void labelOnce() throws IOException {
        new ProceduralRenders(ProceduralWorld.builtIn(), new AssetRenderer(new Rasterizer(RenderOptions.defaults()), 2))
                .render(dataset, RENDER, (set, asset, rendered) -> { });
        catalog = PartCatalog.read(dataset.resolve("taxonomy"));
        first = new LabelingRun(dataset, catalog, GROUNDER, new FlatEdges(), new LabelingRun.Options(4))
                .run(snapshots::add);
    }

    private static RenderedAsset asset(String set, String category) throws IOException {
        return RenderedAsset.list(dataset.resolve(set)).stream().filter(a -> a.name().category().equals(category))
                .findFirst().orElseThrow();
    }

    @Test
    void writesEveryFileOfTheReferenceLayout() throws IOException {
        RenderedAsset mug = asset(ProceduralRenders.LABELING, "mug");
        LabelingLayout l = new LabelingLayout(mug.layout().dir());
        String name = mug.name().folder();
        for (PartSpec p : catalog.parts(ObjectCategory.of("mug"))) {
            assertThat(l.annotations(p.fileName())).exists();
            assertThat(l.aggregated(p.fileName())).exists();
            assertThat(l.heatmap(name, p.fileName(), p.zoomIn(), p.edge())).exists();
            assertThat(Files.exists(l.croppedAnnotations(p.fileName()))).isEqualTo(p.zoomIn());
        }
        // the rim is small and an edge: voted from its crops, weighted
        assertThat(l.heatmap(name, "rim", true, true).getFileName().toString())
                .isEqualTo(name + "|||rim|||3Dheatmap-cropped-with_edge.npy");
        Map<String, int[]> offsets = AnnotationFiles.readOffsets(l.cropOffsets("rim"));
        assertThat(offsets).isNotEmpty();
        assertThat(l.croppedImage("rim", LabelingLayout.viewOf(offsets.keySet().iterator().next()))).exists();
        // four boxes per kept view, inside the image
        Map<String, List<ai.dfc.api.geometry.Box>> boxes = AnnotationFiles.readBoxes(l.annotations("handle"));
        assertThat(boxes).isNotEmpty();
        boxes.values().forEach(b -> assertThat(b).hasSize(4)
                .allMatch(x -> x.within(ai.dfc.api.image.ImageSize.square(128))));

        RenderedAsset training = asset(ProceduralRenders.TRAINING, "mug");
        LabelingLayout t = new LabelingLayout(training.layout().dir());
        for (PartSpec p : catalog.parts(ObjectCategory.of("mug"))) {
            for (int v = 0; v < 19; v++) {
                assertThat(t.pseudoLabel(p.fileName(), v)).exists();
                assertThat(t.processedLabel(p.fileName(), v)).exists();
            }
        }
        for (int v = 0; v < 19; v++) {
            ai.dfc.api.image.Mask object = ai.dfc.benchdata.render.Pngs.readMask(training.layout().dir()
                    .resolve(ai.dfc.benchdata.render.ProcessedViews.MASKS).resolve(LabelingLayout.imageName(v)));
            ai.dfc.api.image.Mask full = training.mask(v);
            for (PartSpec p : catalog.parts(ObjectCategory.of("mug"))) {
                ai.dfc.api.image.Mask label = ai.dfc.benchdata.render.Pngs.readMask(t.processedLabel(p.fileName(), v));
                assertThat(label.size()).isEqualTo(ai.dfc.api.image.ImageSize.square(224));
                assertThat(label.andNot(object).count()).as("%s %d outside the object", p.name(), v).isZero();
                ai.dfc.api.image.Mask raw = ai.dfc.benchdata.render.Pngs.readMask(t.pseudoLabel(p.fileName(), v));
                assertThat(raw.andNot(full).count()).isZero();
            }
        }
    }

    @Test
    void reportsProgressAndCountsOutcomes() {
        assertThat(first.assetsDone()).isEqualTo(3);
        assertThat(first.assetsTotal()).isEqualTo(3);
        assertThat(first.questions()).isEqualTo(GROUNDER.calls.get());
        assertThat(first.requests()).isEqualTo(first.questions()); // the test grounder exposes no counters
        assertThat(first.malformed()).isZero();
        int parts = Stream.of("mug", "knife", "hammer").mapToInt(c -> catalog.parts(ObjectCategory.of(c)).size()).sum();
        assertThat(first.viewsDone()).isGreaterThan(19L * parts);
        assertThat(first.labels()).isEqualTo(19L * parts);
        assertThat(snapshots).extracting(LabelingProgress::stage).contains(LabelingProgress.Stage.GROUNDING,
                LabelingProgress.Stage.ZOOM, LabelingProgress.Stage.VOTING, LabelingProgress.Stage.PROJECTION,
                LabelingProgress.Stage.ASSET_DONE);
    }

    /**
     * The IoU of labeling the whole object as the part, in the same views: {@code |part| / |object|} (the part lies on
     * the object). A pipeline that localizes nothing scores at most this.
     */
    private static double wholeObjectBaseline(QualityReport report) throws IOException {
        double sum = 0;
        int n = 0;
        for (ViewScore s : report.scores()) {
            if (s.bothEmpty()) {
                continue;
            }
            Path mask = dataset.resolve(ProceduralRenders.TRAINING).resolve(s.asset())
                    .resolve(ai.dfc.benchdata.render.ProcessedViews.MASKS).resolve(LabelingLayout.imageName(s.view()));
            sum += (double) s.truePixels() / ai.dfc.benchdata.render.Pngs.readMask(mask).count();
            n++;
        }
        return sum / n;
    }

    @Test
    void pseudoLabelsOverlapTheTruePartsAndTheReportSaysSo() throws IOException {
        Path out = dataset.resolve("labeling_report");
        QualityReport report = QualityReport.write(dataset, catalog, out);
        double mean = report.meanIou().orElseThrow();
        double baseline = wholeObjectBaseline(report);
        Map<String, Double> perPart = new TreeMap<>();
        report.scores().stream().collect(Collectors.groupingBy(s -> s.category() + "/" + s.part()))
                .forEach((k, v) -> perPart.put(k, v.stream().filter(s -> !s.bothEmpty())
                        .mapToDouble(ViewScore::iou).average().orElse(Double.NaN)));
        System.out.println("mean IoU " + mean + " baseline " + baseline + " per part " + perPart);
        // Measured: 0.41 (whole-object baseline 0.22). The threshold is not the reference's quality: at 128 px the
        // SPEC's absolute-pixel kernels (11×11 blur, a 21-px closing window) span a sixth of the image and the thin
        // parts (knife edge, spine, tip: 1–3 px wide) end up below 0.15 even with perfect boxes, because a box around a
        // slanted thin part also covers its neighbours and votes favour points seen in many views. What the test
        // guards is that the chain localizes parts at all: clearly above labeling the whole object (+0.1), and above
        // 0.33, which leaves ~20 % of the measured value as margin for changes to the procedural shapes upstream (the
        // run itself is deterministic). Large parts must be good: mug body and hammer handle are near 0.7–0.85.
        assertThat(mean).isGreaterThan(0.33).isGreaterThan(baseline + 0.1);
        assertThat(perPart.get("mug/body")).isGreaterThan(0.7);
        assertThat(perPart.get("hammer/handle")).isGreaterThan(0.6);
        assertThat(out.resolve(QualityReport.JSON_FILE)).exists();
        try (Stream<Path> s = Files.walk(out.resolve(QualityReport.PICTURES))) {
            assertThat(s.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(
                    Stream.of("mug", "knife", "hammer").mapToInt(c -> catalog.parts(ObjectCategory.of(c)).size()).sum());
        }
    }

    @Test
    void aSecondRunAsksNothingAndWritesNothing() throws IOException {
        Map<Path, FileTime> before = times();
        int calls = GROUNDER.calls.get();
        LabelingProgress again = new LabelingRun(dataset, catalog, GROUNDER, new FlatEdges(), LabelingRun.Options.defaults())
                .run(LabelingProgress.Listener.none());
        assertThat(GROUNDER.calls.get()).isEqualTo(calls);
        assertThat(again.questions()).isZero();
        assertThat(again.viewsDone()).isZero();
        assertThat(again.labels()).isZero();
        assertThat(again.assetsDone()).isEqualTo(3);
        assertThat(times()).isEqualTo(before);
    }

    private static Map<Path, FileTime> times() throws IOException {
        Map<Path, FileTime> m = new TreeMap<>();
        for (String set : List.of(ProceduralRenders.LABELING, ProceduralRenders.TRAINING)) {
            try (Stream<Path> s = Files.walk(dataset.resolve(set))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    m.put(p, Files.getLastModifiedTime(p));
                }
            }
        }
        return m;
    }
}
