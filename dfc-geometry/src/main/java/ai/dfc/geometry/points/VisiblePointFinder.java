package ai.dfc.geometry.points;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.image.ImageSize;
import java.util.BitSet;

/**
 * SPEC §2.5 for one view: which cloud points a rendered view sees, and at which pixel, by matching the
 * back-projected depth map against the cloud with a greedy one-to-one assignment.
 *
 * <p>Algorithm, as in the reference ({@code find_visible_points_objaverse.py}):
 * <ol>
 *   <li>Transform the world points into the view's OpenCV camera frame ({@code R·p + t}) and build a
 *       {@link KdTree} over them.</li>
 *   <li>Background pixels are those that are not finite, equal the map's maximum (computed like NumPy's
 *       {@code max}: NaN if any pixel is NaN, in which case no finite pixel counts as the maximum), or are 0.
 *       Every other pixel, in row-major order, is back-projected: {@code P = K⁻¹·[col, row, 1]ᵀ·depth}.</li>
 *   <li>For each such pixel, the {@link #neighbours()} nearest camera-space points at distance strictly less
 *       than {@link #maxDistance()} (SciPy's {@code distance_upper_bound}), sorted by distance, ties by lower
 *       index. No neighbour: the pixel is skipped.</li>
 *   <li>The first pixel that gets any point takes its nearest candidate. Every later pixel drops candidates
 *       already taken in this view (skipped if none remain); if {@code alreadyVisible} is non-empty and at
 *       least one remaining candidate is in it, only those are kept; it takes the nearest remaining one.</li>
 * </ol>
 *
 * <p>The result lists point indices in pixel raster order with their {@code (row, col)} pixels; each point and
 * each pixel occurs at most once. Depth must be planar camera Z (not ray length), in the same units as the
 * points. The reference stores depth as float16; round it before calling to reproduce that bit for bit.
 * Camera coordinates are computed in double and stored as float (≈1e-7 at distance 2), where the reference keeps
 * float64; SciPy leaves the order of equidistant candidates unspecified, here the lower index comes first.
 *
 * <p>Immutable and thread-safe; each call allocates its own working memory (a k-d tree over the cloud).
 */
public final class VisiblePointFinder {
    /** Candidates per pixel in the reference. */
    public static final int REFERENCE_NEIGHBOURS = 10;
    /** Exclusive matching distance in the reference, in scene units (the object spans at most 1). */
    public static final double REFERENCE_MAX_DISTANCE = 0.01;

    private final int neighbours;
    private final double maxDistance;

    /**
     * @param neighbours  candidates queried per pixel, {@code >= 1}
     * @param maxDistance exclusive pixel-to-point distance bound, finite and {@code > 0}
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public VisiblePointFinder(int neighbours, double maxDistance) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1, was " + neighbours);
        }
        if (!(maxDistance > 0) || !Double.isFinite(maxDistance)) {
            throw new IllegalArgumentException("maxDistance must be finite and > 0, was " + maxDistance);
        }
        this.neighbours = neighbours;
        this.maxDistance = maxDistance;
    }

    /** The reference's settings: 10 candidates within 0.01. */
    public static VisiblePointFinder reference() {
        return new VisiblePointFinder(REFERENCE_NEIGHBOURS, REFERENCE_MAX_DISTANCE);
    }

    /** Candidates queried per pixel. */
    public int neighbours() {
        return neighbours;
    }

    /** Exclusive pixel-to-point distance bound. */
    public double maxDistance() {
        return maxDistance;
    }

    /**
     * Computes the visible points of one view.
     *
     * @param worldPoints    the cloud in world coordinates (the caller has applied {@code R_init} and the object
     *                       pose); only positions are used
     * @param camera         the view's size, intrinsics and world → camera extrinsics
     * @param depth          planar depth, {@code height·width} floats, row-major ({@code depth[row·width + col]});
     *                       read only
     * @param alreadyVisible indices of points visible in earlier views of the asset; read only, not updated
     * @return the assignment in pixel raster order
     * @throws IllegalArgumentException if an argument is null or the depth map does not match the camera's size
     */
    public ViewVisibility find(PointCloud worldPoints, Camera camera, float[] depth, BitSet alreadyVisible) {
        if (worldPoints == null) {
            throw new IllegalArgumentException("world points must not be null");
        }
        return find(worldPoints.positions(), camera, depth, alreadyVisible);
    }

    /** {@link #find(PointCloud, Camera, float[], BitSet)} on raw positions ({@code 3·n} floats), not copied. */
    ViewVisibility find(float[] worldXyz, Camera camera, float[] depth, BitSet alreadyVisible) {
        if (camera == null || depth == null || alreadyVisible == null) {
            throw new IllegalArgumentException("camera, depth and the already-visible set must not be null");
        }
        ImageSize size = camera.size();
        if (depth.length != size.area()) {
            throw new IllegalArgumentException("depth map has " + depth.length + " values, camera image " + size
                    + " needs " + size.area());
        }
        int pointCount = worldXyz.length / 3;
        KdTree tree = new KdTree(CameraSpace.toCamera(worldXyz, camera.extrinsics()));
        Intrinsics k = camera.intrinsics();
        float background = referenceMaximum(depth);
        boolean preferEarlier = !alreadyVisible.isEmpty();

        int[] candidates = new int[neighbours];
        double[] distances = new double[neighbours];
        boolean[] taken = new boolean[pointCount];
        IntArrayBuilder points = new IntArrayBuilder(1024);
        IntArrayBuilder rows = new IntArrayBuilder(1024);
        IntArrayBuilder cols = new IntArrayBuilder(1024);
        int width = size.width();
        for (int row = 0; row < size.height(); row++) {
            for (int col = 0; col < width; col++) {
                float d = depth[row * width + col];
                if (!Float.isFinite(d) || d == background || d == 0) {
                    continue;
                }
                double x = CameraSpace.backProjectX(k, col, d);
                double y = CameraSpace.backProjectY(k, row, d);
                int found = tree.nearestWithin(x, y, d, neighbours, maxDistance, candidates, distances);
                int chosen = choose(candidates, found, taken, points.isEmpty(), preferEarlier, alreadyVisible);
                if (chosen >= 0) {
                    taken[chosen] = true;
                    points.add(chosen);
                    rows.add(row);
                    cols.add(col);
                }
            }
        }
        return new ViewVisibility(points.toArray(), rows.toArray(), cols.toArray());
    }

    /** The greedy rule of step 4 on distance-sorted candidates; −1 if the pixel gets no point. */
    private static int choose(int[] candidates, int found, boolean[] taken, boolean first, boolean preferEarlier,
            BitSet alreadyVisible) {
        if (found == 0) {
            return -1;
        }
        if (first) {
            // the reference takes the nearest point for its first match without consulting alreadyVisible
            return candidates[0];
        }
        int nearestFree = -1;
        for (int j = 0; j < found; j++) {
            int c = candidates[j];
            if (taken[c]) {
                continue;
            }
            if (nearestFree < 0) {
                nearestFree = c;
                if (!preferEarlier) {
                    return c;
                }
            }
            if (alreadyVisible.get(c)) {
                return c;
            }
        }
        return nearestFree;
    }

    /**
     * NumPy's {@code max} of a float array: NaN as soon as one value is NaN, otherwise the largest value
     * (possibly +∞, the float16 "no hit" depth).
     */
    static float referenceMaximum(float[] depth) {
        float max = Float.NEGATIVE_INFINITY;
        for (float d : depth) {
            if (Float.isNaN(d)) {
                return Float.NaN;
            }
            max = Math.max(max, d);
        }
        return max;
    }
}
