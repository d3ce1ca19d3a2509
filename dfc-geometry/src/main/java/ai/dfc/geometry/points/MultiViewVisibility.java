package ai.dfc.geometry.points;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.PointCloud;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * SPEC §2.5 over all views of one asset: processes views in the order they are added, passes the points
 * visible in earlier views to {@link VisiblePointFinder} (which prefers them, for consistency across views), and
 * adds each view's points to that set afterwards.
 *
 * <p>Mutable and not thread-safe: one instance per asset and render set, fed from one thread.
 */
public final class MultiViewVisibility {
    private final VisiblePointFinder finder;
    private final BitSet visible = new BitSet();
    private final List<ViewVisibility> views = new ArrayList<>();
    private int pointCount = -1;

    /**
     * @param finder the per-view matcher ({@link VisiblePointFinder#reference()} for the reference settings)
     * @throws IllegalArgumentException if {@code finder} is null
     */
    public MultiViewVisibility(VisiblePointFinder finder) {
        if (finder == null) {
            throw new IllegalArgumentException("finder must not be null");
        }
        this.finder = finder;
    }

    /**
     * Computes the next view and adds its points to the already-visible set.
     *
     * @param worldPoints the asset's cloud in world coordinates for this view (object pose applied); the same
     *                    number of points, in the same order, for every view
     * @param camera      the view's camera
     * @param depth       the view's planar depth map, row-major, as in {@link VisiblePointFinder#find}
     * @return this view's assignment (also kept in {@link #views()})
     * @throws IllegalArgumentException if the cloud size differs from earlier views, or as
     *                                  {@link VisiblePointFinder#find}
     */
    public ViewVisibility addView(PointCloud worldPoints, Camera camera, float[] depth) {
        if (worldPoints == null) {
            throw new IllegalArgumentException("world points must not be null");
        }
        if (pointCount >= 0 && worldPoints.size() != pointCount) {
            throw new IllegalArgumentException("view " + views.size() + " has " + worldPoints.size()
                    + " points, earlier views had " + pointCount);
        }
        ViewVisibility view = finder.find(worldPoints.positions(), camera, depth, visible);
        pointCount = worldPoints.size();
        for (int i = 0; i < view.size(); i++) {
            visible.set(view.pointIndex(i));
        }
        views.add(view);
        return view;
    }

    /** Number of views processed. */
    public int viewCount() {
        return views.size();
    }

    /** The views processed so far, in order; an unmodifiable copy. */
    public List<ViewVisibility> views() {
        return List.copyOf(views);
    }

    /** Indices of the points visible in at least one view so far; a copy. */
    public BitSet visibleSoFar() {
        return (BitSet) visible.clone();
    }

    /**
     * All views of an asset whose cloud has the same world pose in every view (the reference's case: one
     * object pose per render run).
     *
     * @param cameras one per view, in processing order
     * @param depths  one planar depth map per view, same order
     * @return one assignment per view, in order
     * @throws IllegalArgumentException if the lists differ in length, or as {@link #addView}
     */
    public static List<ViewVisibility> computeAll(VisiblePointFinder finder, PointCloud worldPoints,
            List<Camera> cameras, List<float[]> depths) {
        if (cameras == null || depths == null || cameras.size() != depths.size()) {
            throw new IllegalArgumentException("need one depth map per camera, had "
                    + (cameras == null ? "no cameras" : cameras.size() + " cameras") + " and "
                    + (depths == null ? "no depth maps" : depths.size() + " depth maps"));
        }
        MultiViewVisibility tracker = new MultiViewVisibility(finder);
        for (int v = 0; v < cameras.size(); v++) {
            tracker.addView(worldPoints, cameras.get(v), depths.get(v));
        }
        return tracker.views();
    }
}
