package ai.dfc.labeling.pipeline;

/**
 * A snapshot of a labeling run's progress, handed to a {@link Listener}.
 *
 * <p>{@code requests}, {@code cacheHits} and {@code failures} come from the grounder when it implements
 * {@link ai.dfc.labeling.http.CountsRequests}; otherwise {@code requests} is the number of questions this run asked, {@code cacheHits} is
 * 0 and {@code failures} the number of malformed answers.
 *
 * @param stage        what the run is doing
 * @param asset        the asset folder name being worked on
 * @param assetsDone   assets finished (labeled or found complete)
 * @param assetsTotal  assets in the run
 * @param viewsDone    (view, part) grounding tasks finished in this run, zoom crops included
 * @param viewsDropped of those, views that did not yield the required boxes (they contribute nothing)
 * @param questions    questions this run asked the grounder
 * @param noBox        answers without a box
 * @param malformed    answers that could not be parsed
 * @param requests     requests sent (see above)
 * @param cacheHits    answers from the grounder's cache (see above)
 * @param failures     failures (see above)
 * @param labels       pseudo labels written in this run (224 crops)
 */
public record LabelingProgress(Stage stage, String asset, int assetsDone, int assetsTotal, long viewsDone,
        long viewsDropped, long questions, long noBox, long malformed, long requests, long cacheHits, long failures,
        long labels) {

    /** The stages of one asset, in order. */
    public enum Stage {
        /** Asking the grounder for the boxes of every part in every labeling view (SPEC §3.4). */
        GROUNDING,
        /** Asking again on zoom crops of small parts (SPEC §3.6). */
        ZOOM,
        /** Voting on the point cloud (SPEC §3.8). */
        VOTING,
        /** Projecting and binarizing into the training views (SPEC §3.9–3.10). */
        PROJECTION,
        /** The asset is finished. */
        ASSET_DONE
    }

    /**
     * Receives snapshots. Calls come from the run's worker threads but never concurrently (they are serialized), so a
     * listener needs no locking of its own; it must return quickly and not throw.
     */
    @FunctionalInterface
    public interface Listener {
        /** One snapshot; see {@link LabelingProgress}. */
        void progress(LabelingProgress snapshot);

        /** A listener that ignores everything. */
        static Listener none() {
            return s -> {
            };
        }
    }
}
