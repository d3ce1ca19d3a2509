package ai.dfc.labeling.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.GrounderUnavailableException;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.render.AssetRenderer;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.raster.Rasterizer;
import ai.dfc.geometry.raster.RenderOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver with imperfect grounders on a one-asset dataset (a hammer at 96 px): noisy and malformed answers,
 * grounder-side counters, a grounder that goes away mid-run, and the resume after it.
 */
class LabelingRunFailuresTest {
    private static final ProceduralRenders.Options RENDER =
            new ProceduralRenders.Options(List.of("hammer"), 1, 19, 96, 4000, 9);

    @TempDir
    static Path rendered;
    private static PartCatalog catalog;

    @BeforeAll
    static void render() throws IOException {
        new ProceduralRenders(ProceduralWorld.builtIn(), new AssetRenderer(new Rasterizer(RenderOptions.defaults()), 2))
                .render(rendered, RENDER, (set, asset, r) -> { });
        catalog = PartCatalog.read(rendered.resolve("taxonomy"));
    }

    /** A fresh copy of the rendered dataset. */
    private static Path copy(Path into) throws IOException {
        try (Stream<Path> s = Files.walk(rendered)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = into.resolve(rendered.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return into;
    }

    /**
     * The truth's box with seeded jitter (up to ±3 px per side, from the query's sample index and the box), every
     * third sample malformed, and a trailing spurious box before the real one in every other answer (so "keep the
     * last box" matters). Exposes counters like a caching remote grounder.
     */
    private static final class NoisyGrounder implements Grounder, ai.dfc.labeling.http.CountsRequests {
        private final TruthBoxGrounder truth = new TruthBoxGrounder();
        final AtomicLong requests = new AtomicLong();

        @Override
        public Grounding ground(GroundingQuery query) {
            requests.incrementAndGet();
            if (query.sampleIndex() % 3 == 2) {
                return Grounding.malformed("[[12,x]]");
            }
            Grounding g = truth.ground(query);
            if (g.outcome() != Grounding.Outcome.BOXES) {
                return g;
            }
            Box b = g.boxes().get(0);
            SplittableRandom r = new SplittableRandom(31L * query.sampleIndex() + (long) b.x0() * 1009 + (long) b.y0());
            ImageSize size = query.image().size();
            double x0 = b.x0() + r.nextInt(-3, 4);
            double y0 = b.y0() + r.nextInt(-3, 4);
            double x1 = b.x1() + r.nextInt(-3, 4);
            double y1 = b.y1() + r.nextInt(-3, 4);
            Box real = new Box(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)).clampTo(size);
            List<Box> answer = query.sampleIndex() % 2 == 0 ? List.of(new Box(0, 0, 1, 1), real) : List.of(real);
            return Grounding.of(answer, "");
        }

        @Override
        public ai.dfc.labeling.http.RequestCounts requestCounts() {
            return new ai.dfc.labeling.http.RequestCounts(requests.get(), 7, 0, 3, 0);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void malformedAnswersAreCountedSpuriousBoxesDroppedAndRequestCountsReported(@TempDir Path tmp)
            throws IOException {
        Path dataset = copy(tmp);
        NoisyGrounder grounder = new NoisyGrounder();
        LabelingProgress p = new LabelingRun(dataset, catalog, grounder, null, LabelingRun.Options.defaults())
                .run(LabelingProgress.Listener.none());
        // every third sample is malformed: in a view that yields 4 boxes, samples 2 and 5 (6 questions in all)
        assertThat(p.malformed()).isPositive();
        assertThat(p.questions()).isEqualTo(grounder.requestCounts().requests());
        assertThat(p.requests()).isEqualTo(grounder.requestCounts().requests());
        assertThat(p.cacheHits()).isEqualTo(7);
        assertThat(p.failures()).isEqualTo(3);
        RenderedAsset labeling = RenderedAsset.list(dataset.resolve(ProceduralRenders.LABELING)).get(0);
        LabelingLayout l = new LabelingLayout(labeling.layout().dir());
        for (PartSpec part : catalog.parts(ObjectCategory.of("hammer"))) {
            Map<String, List<Box>> boxes = AnnotationFiles.readBoxes(l.annotations(part.fileName()));
            assertThat(boxes).isNotEmpty();
            // the spurious [0, 0, 1, 1] came first in its answers and was never kept
            boxes.values().forEach(b -> assertThat(b).hasSize(4).doesNotContain(new Box(0, 0, 1, 1)));
        }
        assertThat(p.labels()).isEqualTo(19L * catalog.parts(ObjectCategory.of("hammer")).size());
    }

    /**
     * Answers like the truth grounder but is unreachable for one part (the last one asked), so the failure hits at a
     * point that does not depend on thread timing: every earlier part completes, the dying part cannot.
     */
    private static final class DyingGrounder implements Grounder {
        private final TruthBoxGrounder truth = new TruthBoxGrounder();
        private final String dyingPart;

        DyingGrounder(String dyingPart) {
            this.dyingPart = dyingPart;
        }

        @Override
        public Grounding ground(GroundingQuery query) {
            if (query.part().part().value().equals(dyingPart)) {
                throw new GrounderUnavailableException("http://127.0.0.1:9/v1: connection refused", null);
            }
            return truth.ground(query);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anUnreachableGrounderStopsTheRunAndTheNextRunResumesWithoutRedoingFinishedParts(@TempDir Path tmp)
            throws IOException {
        Path dataset = copy(tmp);
        TruthBoxGrounder full = new TruthBoxGrounder();
        // what an uninterrupted run asks
        new LabelingRun(copy(tmp.resolve("reference")), catalog, full, null, LabelingRun.Options.defaults())
                .run(LabelingProgress.Listener.none());
        int all = full.calls.get();

        List<LabelingProgress> seen = new ArrayList<>();
        List<PartSpec> hammerParts = catalog.parts(ObjectCategory.of("hammer"));
        String lastPart = hammerParts.get(hammerParts.size() - 1).name().value();
        assertThatThrownBy(() -> new LabelingRun(dataset, catalog, new DyingGrounder(lastPart), null,
                new LabelingRun.Options(2)).run(seen::add))
                .isInstanceOf(GrounderUnavailableException.class).hasMessageContaining("connection refused");
        RenderedAsset labeling = RenderedAsset.list(dataset.resolve(ProceduralRenders.LABELING)).get(0);
        LabelingLayout l = new LabelingLayout(labeling.layout().dir());
        assertThat(l.dir().resolve(LabelingLayout.HEATMAPS)).doesNotExist();
        // parts are written in order as soon as all their views are done: the first ones survived, the last did not
        List<PartSpec> parts = catalog.parts(ObjectCategory.of("hammer"));
        assertThat(l.annotations(parts.get(0).fileName())).exists();
        assertThat(l.annotations(parts.get(parts.size() - 1).fileName())).doesNotExist();
        try (Stream<Path> s = Files.walk(l.dir())) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }

        TruthBoxGrounder resume = new TruthBoxGrounder();
        LabelingProgress p = new LabelingRun(dataset, catalog, resume, null, LabelingRun.Options.defaults())
                .run(LabelingProgress.Listener.none());
        assertThat(p.assetsDone()).isEqualTo(1);
        assertThat(p.labels()).isEqualTo(19L * catalog.parts(ObjectCategory.of("hammer")).size());
        // the rerun asks only about the parts that were not written
        assertThat(resume.calls.get()).isPositive().isLessThan(all);
        // same labels as the uninterrupted run
        RenderedAsset training = RenderedAsset.list(dataset.resolve(ProceduralRenders.TRAINING)).get(0);
        Path reference = tmp.resolve("reference").resolve(ProceduralRenders.TRAINING).resolve(training.name().folder());
        LabelingLayout t = new LabelingLayout(training.layout().dir());
        LabelingLayout r = new LabelingLayout(reference);
        for (PartSpec part : catalog.parts(ObjectCategory.of("hammer"))) {
            for (int v = 0; v < 19; v++) {
                assertThat(Files.readAllBytes(t.processedLabel(part.fileName(), v)))
                        .isEqualTo(Files.readAllBytes(r.processedLabel(part.fileName(), v)));
            }
        }
    }
}
