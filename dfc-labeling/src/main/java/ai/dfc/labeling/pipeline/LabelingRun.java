package ai.dfc.labeling.pipeline;

import ai.dfc.api.edge.EdgeEstimator;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.RenderedAsset;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pseudo-labeling pipeline of SPEC §3.4–3.10 over a dataset folder in the reference's layout
 * ({@link ProceduralRenders}: {@code renders_for_labeling/} and {@code renders_for_training/} holding the same asset
 * folders). For every asset of the labeling render set whose category has parts in the {@link PartCatalog}, in name
 * order:
 * <ol>
 *   <li>boxes, aggregation and zoom crops on the labeling views ({@link BoxCollector}, {@link BoxClustering},
 *       {@link ZoomCrop});</li>
 *   <li>votes on the point cloud ({@link HeatmapVoting}, {@link EdgeWeights});</li>
 *   <li>pseudo labels in every view of the same asset in the training render set ({@link PseudoLabelBinarizer}) and
 *       their 224 crops.</li>
 * </ol>
 * File layout: {@link LabelingLayout}. An asset missing from the training set gets no labels (a warning is logged).
 *
 * <p><b>Resume.</b> Every output file is written atomically and only once it is complete, and every step skips the
 * outputs that exist, so an interrupted run continues where it stopped and a second run over finished assets asks no
 * question and writes nothing.
 *
 * <p><b>Threading.</b> {@link #run} works through assets one at a time on the calling thread; within an asset, up to
 * {@link Options#parallelism()} grounding tasks (one (view, part) each, its repeated questions in sequence) or
 * projection tasks run at once on a private pool (the grounder bounds its own request concurrency further). Output does
 * not depend on timing. One instance runs once at a time; different instances must not share a dataset concurrently.
 *
 * <p><b>Failures.</b> Malformed and empty answers are tallied and never become labels. A
 * {@link ai.dfc.api.grounder.GrounderUnavailableException} or an I/O error stops the run and propagates; finished
 * files stay, so a rerun resumes.
 */
public final class LabelingRun {
    private static final System.Logger LOG = System.getLogger(LabelingRun.class.getName());

    /**
     * Tuning of a run.
     *
     * @param parallelism tasks in flight at once, {@code ≥ 1}
     */
    public record Options(int parallelism) {
        /**
         * @throws IllegalArgumentException if {@code parallelism < 1}
         */
        public Options {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
            }
        }

        /** 8 tasks in flight. */
        public static Options defaults() {
            return new Options(8);
        }
    }

    private final Path dataset;
    private final PartCatalog catalog;
    private final Grounder grounder;
    private final EdgeEstimator edges;
    private final Options options;

    /**
     * @param dataset  the dataset folder holding {@code renders_for_labeling/} and {@code renders_for_training/}
     * @param catalog  the parts to label per category
     * @param grounder the grounder; not closed by the run
     * @param edges    the edge estimator for edge parts, or null to vote them unweighted; not closed by the run
     * @param options  tuning
     */
    public LabelingRun(Path dataset, PartCatalog catalog, Grounder grounder, EdgeEstimator edges, Options options) {
        if (dataset == null || catalog == null || grounder == null || options == null) {
            throw new IllegalArgumentException("a labeling run needs a dataset, a part catalog, a grounder and options");
        }
        this.dataset = dataset;
        this.catalog = catalog;
        this.grounder = grounder;
        this.edges = edges;
        this.options = options;
    }

    /**
     * Labels every asset not labeled yet.
     *
     * @param listener receives progress snapshots (serialized, from worker threads)
     * @return the final snapshot (stage {@link LabelingProgress.Stage#ASSET_DONE})
     * @throws IOException if the dataset cannot be read or an output cannot be written
     * @throws ai.dfc.api.grounder.GrounderUnavailableException when the grounder cannot answer at all
     */
    public LabelingProgress run(LabelingProgress.Listener listener) throws IOException {
        Path labelingRoot = dataset.resolve(ProceduralRenders.LABELING);
        Path trainingRoot = dataset.resolve(ProceduralRenders.TRAINING);
        if (!Files.isDirectory(labelingRoot)) {
            throw new IOException("no labeling render set " + labelingRoot);
        }
        List<RenderedAsset> assets = new ArrayList<>();
        for (RenderedAsset a : RenderedAsset.list(labelingRoot)) {
            if (!catalog.parts(ObjectCategory.of(a.name().category())).isEmpty()) {
                assets.add(a);
            }
        }
        RunCounters counters = new RunCounters(grounder, listener);
        counters.assets(assets.size());
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), threads());
        try {
            GroundingStage grounding = new GroundingStage(grounder, pool, counters);
            VotingStage voting = new VotingStage(edges, counters);
            ProjectionStage projection = new ProjectionStage(pool, counters);
            String last = "";
            for (RenderedAsset asset : assets) {
                List<PartSpec> parts = catalog.parts(ObjectCategory.of(asset.name().category()));
                grounding.run(asset, parts);
                voting.run(asset, parts);
                Path training = trainingRoot.resolve(asset.name().folder());
                if (Files.isDirectory(training)) {
                    projection.run(asset, RenderedAsset.open(training), parts);
                } else {
                    LOG.log(Level.WARNING, "{0}: not in the training render set {1}; no pseudo labels",
                            asset.name(), trainingRoot);
                }
                counters.assetDone();
                last = asset.name().folder();
                counters.report(LabelingProgress.Stage.ASSET_DONE, last);
            }
            return counters.snapshot(LabelingProgress.Stage.ASSET_DONE, last);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "dfc-label-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
