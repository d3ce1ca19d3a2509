package ai.dfc.labeling.pipeline;

import ai.dfc.api.geometry.Box;
import ai.dfc.geometry.points.ViewVisibility;
import java.util.List;

/**
 * SPEC §3.8 steps 2–4: the votes of the boxes of every labeling view on the cloud's points.
 *
 * <p>{@code H} starts at 0 for every cloud point. For each view whose box list has more than
 * {@value #SKIP_AT_MOST} boxes, each visible point {@code p} at pixel {@code (row, col)} gains the number of boxes
 * that contain the pixel, inclusive on all sides ({@code x0 ≤ col ≤ x1} and {@code y0 ≤ row ≤ y1}, {@code x} =
 * column). Views with {@value #SKIP_AT_MOST} boxes or fewer add nothing. No normalization by how often a point is
 * visible (SPEC §3.8: up to 4·19 votes). Edge parts then multiply each point's votes by its edge probability
 * ({@link #weightByEdges}). The result is the raw, unnormalized heat map ({@code float64}, one value per point).
 *
 * <p>Stateless and thread-safe.
 */
public final class HeatmapVoting {
    /** Views with at most this many boxes are skipped (SPEC §3.8 step 3). */
    public static final int SKIP_AT_MOST = 2;

    private HeatmapVoting() {
    }

    /**
     * The boxes of one labeling view and its visible points.
     *
     * @param visibility the view's visible points and their pixels {@code (row, col)}
     * @param boxes      the boxes, in the view's pixels
     */
    public record ViewVotes(ViewVisibility visibility, List<Box> boxes) {
        /** Copies the boxes. */
        public ViewVotes {
            if (visibility == null || boxes == null) {
                throw new IllegalArgumentException("view votes need visibility and boxes");
            }
            boxes = List.copyOf(boxes);
        }
    }

    /**
     * The raw votes of {@code views} on a cloud of {@code pointCount} points.
     *
     * @throws IllegalArgumentException if a visible point index is {@code ≥ pointCount}
     */
    public static double[] vote(int pointCount, List<ViewVotes> views) {
        double[] h = new double[pointCount];
        for (ViewVotes view : views) {
            if (view.boxes().size() <= SKIP_AT_MOST) {
                continue;
            }
            ViewVisibility vis = view.visibility();
            for (int i = 0; i < vis.size(); i++) {
                int p = vis.pointIndex(i);
                if (p >= pointCount) {
                    throw new IllegalArgumentException("visible point " + p + " outside a cloud of " + pointCount);
                }
                int count = 0;
                for (Box b : view.boxes()) {
                    if (b.contains(vis.row(i), vis.col(i))) {
                        count++;
                    }
                }
                h[p] += count;
            }
        }
        return h;
    }

    /**
     * Multiplies each point's votes by its edge probability, in place (SPEC §3.8 step 4).
     *
     * @param edgeProbability one value per point (the probability of the nearest point the edge estimator saw)
     * @throws IllegalArgumentException if the lengths differ
     */
    public static void weightByEdges(double[] h, float[] edgeProbability) {
        if (h.length != edgeProbability.length) {
            throw new IllegalArgumentException("need one edge probability per point: " + h.length + " points, "
                    + edgeProbability.length + " probabilities");
        }
        for (int i = 0; i < h.length; i++) {
            h[i] *= edgeProbability[i];
        }
    }
}
