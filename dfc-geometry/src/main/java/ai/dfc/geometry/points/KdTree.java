package ai.dfc.geometry.points;

import java.util.Arrays;

/**
 * A static 3-D k-d tree over float points for exact nearest-neighbour, k-nearest-within-a-distance and radius
 * queries. Points are identified by their index in the array given to the constructor.
 *
 * <p>Build: median splits on the widest axis of each node's bounding box, done with an explicit work stack and
 * an in-place selection (introselect: quickselect falling back to heapsort), so it takes O(n log n) time, O(n)
 * extra memory and no recursion whatever the input (duplicates, collinear points). Queries recurse along the
 * tree, whose depth is at most about {@code log2(n)}.
 *
 * <p>Distances are Euclidean, evaluated in double precision from the float coordinates. Ordering is total:
 * by distance, then by lower point index, so results are deterministic even with ties and duplicate points.
 *
 * <p>Immutable after construction and safe to query from several threads at once, provided each thread passes
 * its own output buffers to {@link #nearestWithin}.
 */
public final class KdTree {
    /** Leaf capacity: large enough to amortize the node overhead, small enough for tight boxes. */
    private static final int LEAF_SIZE = 12;

    private final int size;
    /** Point coordinates in tree order, 3 floats per point. */
    private final float[] points;
    /** Original index of each point in tree order. */
    private final int[] ids;
    /** First point (tree order) of each node. */
    private final int[] nodeStart;
    /** One past the last point of each node. */
    private final int[] nodeEnd;
    /** Index of each node's left child (the right child follows it), or −1 for a leaf. */
    private final int[] nodeLeft;
    /** Smallest original point index below each node, used to prune ties. */
    private final int[] nodeMinId;
    /** Bounding box per node: minX, minY, minZ, maxX, maxY, maxZ. */
    private final float[] nodeBox;

    /**
     * Builds the tree. The array is only read during construction; later changes to it do not affect the tree.
     *
     * @param xyz {@code 3·n} floats {@code x0, y0, z0, x1, …}; may be empty
     * @throws IllegalArgumentException if {@code xyz} is null, its length is not a multiple of 3, or a coordinate
     *                                  is not finite
     */
    public KdTree(float[] xyz) {
        if (xyz == null || xyz.length % 3 != 0) {
            throw new IllegalArgumentException("xyz must hold 3 floats per point, had "
                    + (xyz == null ? "none" : xyz.length));
        }
        for (int i = 0; i < xyz.length; i++) {
            if (!Float.isFinite(xyz[i])) {
                throw new IllegalArgumentException("point " + i / 3 + " has a non-finite coordinate " + xyz[i]);
            }
        }
        size = xyz.length / 3;
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        NodeArrays nodes = new NodeArrays(Math.max(1, 4 * size / LEAF_SIZE));
        if (size > 0) {
            IntArrayBuilder work = new IntArrayBuilder(64);
            work.add(nodes.add(0, size));
            while (!work.isEmpty()) {
                int node = work.pop();
                int left = split(xyz, order, nodes, node);
                if (left >= 0) {
                    work.add(left + 1);
                    work.add(left);
                }
            }
        }
        points = new float[3 * size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(xyz, 3 * order[i], points, 3 * i, 3);
        }
        ids = order;
        int count = nodes.count;
        nodeStart = Arrays.copyOf(nodes.start, count);
        nodeEnd = Arrays.copyOf(nodes.end, count);
        nodeLeft = Arrays.copyOf(nodes.left, count);
        nodeMinId = Arrays.copyOf(nodes.minId, count);
        nodeBox = Arrays.copyOf(nodes.box, 6 * count);
    }

    /** Number of points. */
    public int size() {
        return size;
    }

    /**
     * The point closest to {@code (x, y, z)}; among equally close points the lowest index.
     *
     * @return the point index, or −1 if the tree is empty
     * @throws IllegalArgumentException if a query coordinate is not finite
     */
    public int nearest(double x, double y, double z) {
        int[] index = new int[1];
        double[] distance = new double[1];
        return nearestWithin(x, y, z, 1, Double.POSITIVE_INFINITY, index, distance) == 0 ? -1 : index[0];
    }

    /**
     * The up to {@code k} points nearest to {@code (x, y, z)} whose distance is strictly less than
     * {@code maxDistance}, like SciPy's {@code KDTree.query(q, k, distance_upper_bound=maxDistance)} without the
     * padding. Results go to the first {@code m} entries of the output arrays, sorted by distance, ties by lower
     * index; entries from {@code m} on are left undefined. No allocation.
     *
     * @param k           maximum number of neighbours, {@code >= 1}
     * @param maxDistance exclusive distance bound, {@code > 0}; {@link Double#POSITIVE_INFINITY} for none
     * @param indices     receives point indices; length {@code >= k}
     * @param distances   receives the Euclidean distances; length {@code >= k}
     * @return {@code m}, the number of neighbours found ({@code 0 <= m <= k})
     * @throws IllegalArgumentException if a query coordinate is not finite, {@code k < 1}, {@code maxDistance} is
     *                                  not positive, or a buffer is null or shorter than {@code k}
     */
    public int nearestWithin(double x, double y, double z, int k, double maxDistance, int[] indices,
            double[] distances) {
        requireFinite(x, y, z);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        if (!(maxDistance > 0)) {
            throw new IllegalArgumentException("maxDistance must be > 0, was " + maxDistance);
        }
        if (indices == null || distances == null || indices.length < k || distances.length < k) {
            throw new IllegalArgumentException("output buffers must hold k = " + k + " entries, had "
                    + (indices == null ? "none" : indices.length) + " and "
                    + (distances == null ? "none" : distances.length));
        }
        if (size == 0) {
            return 0;
        }
        double limit2 = maxDistance * maxDistance;
        int found = 0;
        if (boxDistance2(0, x, y, z) < limit2) {
            // distances[] holds squared distances during the search
            found = searchNearest(0, x, y, z, k, limit2, indices, distances, 0);
        }
        for (int i = 0; i < found; i++) {
            distances[i] = Math.sqrt(distances[i]);
        }
        return found;
    }

    /**
     * All points at distance at most {@code radius} from {@code (x, y, z)} (inclusive, like SciPy's
     * {@code query_ball_point}).
     *
     * @param radius {@code >= 0}; 0 finds points equal to the query
     * @return point indices in ascending index order (a new array, possibly empty)
     * @throws IllegalArgumentException if a query coordinate is not finite or {@code radius} is negative or NaN
     */
    public int[] withinRadius(double x, double y, double z, double radius) {
        requireFinite(x, y, z);
        if (!(radius >= 0)) {
            throw new IllegalArgumentException("radius must be >= 0, was " + radius);
        }
        if (size == 0) {
            return new int[0];
        }
        IntArrayBuilder out = new IntArrayBuilder(16);
        searchRadius(0, x, y, z, radius * radius, out);
        int[] result = out.toArray();
        Arrays.sort(result);
        return result;
    }

    private int searchNearest(int node, double x, double y, double z, int k, double limit2, int[] idx, double[] d2,
            int count) {
        int left = nodeLeft[node];
        if (left < 0) {
            for (int p = nodeStart[node], end = nodeEnd[node]; p < end; p++) {
                double dx = x - points[3 * p];
                double dy = y - points[3 * p + 1];
                double dz = z - points[3 * p + 2];
                double dd = dx * dx + dy * dy + dz * dz;
                if (!(dd < limit2)) {
                    continue;
                }
                int id = ids[p];
                if (count == k) {
                    if (dd > d2[k - 1] || (dd == d2[k - 1] && id > idx[k - 1])) {
                        continue;
                    }
                    count--; // the current worst drops out
                }
                int j = count;
                while (j > 0 && (d2[j - 1] > dd || (d2[j - 1] == dd && idx[j - 1] > id))) {
                    d2[j] = d2[j - 1];
                    idx[j] = idx[j - 1];
                    j--;
                }
                d2[j] = dd;
                idx[j] = id;
                count++;
            }
            return count;
        }
        int right = left + 1;
        double dl = boxDistance2(left, x, y, z);
        double dr = boxDistance2(right, x, y, z);
        int first = dr < dl ? right : left;
        int second = first == left ? right : left;
        double firstD = Math.min(dl, dr);
        double secondD = Math.max(dl, dr);
        if (mayImprove(first, firstD, k, limit2, idx, d2, count)) {
            count = searchNearest(first, x, y, z, k, limit2, idx, d2, count);
        }
        if (mayImprove(second, secondD, k, limit2, idx, d2, count)) {
            count = searchNearest(second, x, y, z, k, limit2, idx, d2, count);
        }
        return count;
    }

    /** Whether a node at squared box distance {@code boxD2} can hold a point that enters the result. */
    private boolean mayImprove(int node, double boxD2, int k, double limit2, int[] idx, double[] d2, int count) {
        if (!(boxD2 < limit2)) {
            return false;
        }
        if (count < k) {
            return true;
        }
        double worst = d2[k - 1];
        return boxD2 < worst || (boxD2 == worst && nodeMinId[node] < idx[k - 1]);
    }

    private void searchRadius(int node, double x, double y, double z, double r2, IntArrayBuilder out) {
        if (boxDistance2(node, x, y, z) > r2) {
            return;
        }
        int left = nodeLeft[node];
        if (left >= 0) {
            searchRadius(left, x, y, z, r2, out);
            searchRadius(left + 1, x, y, z, r2, out);
            return;
        }
        for (int p = nodeStart[node], end = nodeEnd[node]; p < end; p++) {
            double dx = x - points[3 * p];
            double dy = y - points[3 * p + 1];
            double dz = z - points[3 * p + 2];
            if (dx * dx + dy * dy + dz * dz <= r2) {
                out.add(ids[p]);
            }
        }
    }

    /**
     * Squared distance from the query to a node's box, evaluated in the same order as point distances so that
     * it never exceeds the computed distance of any point inside (rounding is monotone).
     */
    private double boxDistance2(int node, double x, double y, double z) {
        int b = 6 * node;
        double dx = gap(x, nodeBox[b], nodeBox[b + 3]);
        double dy = gap(y, nodeBox[b + 1], nodeBox[b + 4]);
        double dz = gap(z, nodeBox[b + 2], nodeBox[b + 5]);
        return dx * dx + dy * dy + dz * dz;
    }

    private static double gap(double q, double min, double max) {
        return q < min ? min - q : q > max ? q - max : 0;
    }

    private static void requireFinite(double x, double y, double z) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("query point must be finite, was (" + x + ", " + y + ", " + z + ")");
        }
    }

    /**
     * Fills in a node's box and minimum id; if it holds more than a leaf's worth of distinct positions, splits
     * its points at the median of the widest axis and appends its two children.
     *
     * @return the index of the new left child, or −1 if the node stays a leaf
     */
    private static int split(float[] xyz, int[] order, NodeArrays nodes, int node) {
        int start = nodes.start[node];
        int end = nodes.end[node];
        float[] lo = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        float[] hi = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        int minId = Integer.MAX_VALUE;
        for (int i = start; i < end; i++) {
            int id = order[i];
            minId = Math.min(minId, id);
            for (int a = 0; a < 3; a++) {
                float v = xyz[3 * id + a];
                lo[a] = Math.min(lo[a], v);
                hi[a] = Math.max(hi[a], v);
            }
        }
        int b = 6 * node;
        for (int a = 0; a < 3; a++) {
            nodes.box[b + a] = lo[a];
            nodes.box[b + 3 + a] = hi[a];
        }
        nodes.minId[node] = minId;
        nodes.left[node] = -1;
        int axis = 0;
        for (int a = 1; a < 3; a++) {
            if ((double) hi[a] - lo[a] > (double) hi[axis] - lo[axis]) {
                axis = a;
            }
        }
        // identical points cannot be separated by a plane: keep them in one (possibly large) leaf
        if (end - start <= LEAF_SIZE || hi[axis] == lo[axis]) {
            return -1;
        }
        int mid = (start + end) >>> 1;
        Selection.select(xyz, axis, order, start, end, mid);
        int left = nodes.add(start, mid);
        nodes.add(mid, end);
        nodes.left[node] = left;
        return left;
    }

    /** Growable parallel node arrays used only while building. */
    private static final class NodeArrays {
        int[] start;
        int[] end;
        int[] left;
        int[] minId;
        float[] box;
        int count;

        NodeArrays(int capacity) {
            start = new int[capacity];
            end = new int[capacity];
            left = new int[capacity];
            minId = new int[capacity];
            box = new float[6 * capacity];
        }

        int add(int from, int to) {
            if (count == start.length) {
                int capacity = 2 * count;
                start = Arrays.copyOf(start, capacity);
                end = Arrays.copyOf(end, capacity);
                left = Arrays.copyOf(left, capacity);
                minId = Arrays.copyOf(minId, capacity);
                box = Arrays.copyOf(box, 6 * capacity);
            }
            start[count] = from;
            end[count] = to;
            left[count] = -1;
            return count++;
        }
    }
}
