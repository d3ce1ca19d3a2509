package ai.dfc.geometry.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KdTreeTest {

    private static float[] randomCloud(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] xyz = new float[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) r.nextDouble();
        }
        return xyz;
    }

    private static double distance2(float[] xyz, int i, double x, double y, double z) {
        double dx = x - xyz[3 * i];
        double dy = y - xyz[3 * i + 1];
        double dz = z - xyz[3 * i + 2];
        return dx * dx + dy * dy + dz * dz;
    }

    /** Brute force: indices with distance < maxDistance, sorted by (distance, index), first k. */
    private static int[] bruteNearest(float[] xyz, double x, double y, double z, int k, double maxDistance) {
        double limit2 = maxDistance * maxDistance;
        double[] d2 = new double[xyz.length / 3];
        for (int i = 0; i < d2.length; i++) {
            d2[i] = distance2(xyz, i, x, y, z);
        }
        return IntStream.range(0, d2.length).filter(i -> d2[i] < limit2).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> d2[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Brute force: indices with distance <= radius, ascending. */
    private static int[] bruteRadius(float[] xyz, double x, double y, double z, double radius) {
        return IntStream.range(0, xyz.length / 3).filter(i -> distance2(xyz, i, x, y, z) <= radius * radius)
                .toArray();
    }

    private static int[] knn(KdTree tree, double x, double y, double z, int k, double maxDistance) {
        int[] idx = new int[k];
        double[] dist = new double[k];
        int m = tree.nearestWithin(x, y, z, k, maxDistance, idx, dist);
        for (int i = 1; i < m; i++) {
            assertThat(dist[i]).isGreaterThanOrEqualTo(dist[i - 1]);
        }
        return Arrays.copyOf(idx, m);
    }

    /** Queries inside the unit cube and a margin around it. */
    private static List<double[]> queries(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> q = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            q.add(new double[] {r.nextDouble(-0.3, 1.3), r.nextDouble(-0.3, 1.3), r.nextDouble(-0.3, 1.3)});
        }
        return q;
    }

    @Test
    void nearestMatchesBruteForce() {
        float[] xyz = randomCloud(3_000, 1);
        KdTree tree = new KdTree(xyz);
        assertThat(tree.size()).isEqualTo(3_000);
        for (double[] q : queries(400, 2)) {
            int expected = 0;
            for (int i = 1; i < 3_000; i++) {
                if (distance2(xyz, i, q[0], q[1], q[2]) < distance2(xyz, expected, q[0], q[1], q[2])) {
                    expected = i;
                }
            }
            assertThat(tree.nearest(q[0], q[1], q[2])).isEqualTo(expected);
        }
        // a stored point is its own nearest neighbour
        assertThat(tree.nearest(xyz[300], xyz[301], xyz[302])).isEqualTo(100);
    }

    @Test
    void kNearestWithinADistanceMatchesBruteForceWithDistances() {
        float[] xyz = randomCloud(3_000, 3);
        KdTree tree = new KdTree(xyz);
        int[] idx = new int[40];
        double[] dist = new double[40];
        for (double[] q : queries(150, 4)) {
            int[] all = bruteNearest(xyz, q[0], q[1], q[2], 3_000, Double.POSITIVE_INFINITY);
            for (int k : new int[] {1, 3, 10, 40}) {
                for (double maxDistance : new double[] {0.02, 0.08, 0.3, Double.POSITIVE_INFINITY}) {
                    // the (distance, index) order's prefix below the bound, at most k long
                    int[] expected = Arrays.stream(all).filter(i -> distance2(xyz, i, q[0], q[1], q[2])
                            < maxDistance * maxDistance).limit(k).toArray();
                    int m = tree.nearestWithin(q[0], q[1], q[2], k, maxDistance, idx, dist);
                    assertThat(Arrays.copyOf(idx, m)).as("k=%d, max %s", k, maxDistance).containsExactly(expected);
                    for (int i = 0; i < m; i++) {
                        assertThat(dist[i]).isCloseTo(Math.sqrt(distance2(xyz, idx[i], q[0], q[1], q[2])),
                                within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void radiusSearchMatchesBruteForce() {
        float[] xyz = randomCloud(3_000, 5);
        KdTree tree = new KdTree(xyz);
        for (double[] q : queries(150, 6)) {
            for (double r : new double[] {0, 0.05, 0.2, 2}) {
                assertThat(tree.withinRadius(q[0], q[1], q[2], r)).containsExactly(bruteRadius(xyz, q[0], q[1], q[2], r));
            }
        }
        assertThat(tree.withinRadius(0.5, 0.5, 0.5, 2)).hasSize(3_000);
    }

    @Test
    void equidistantPointsAreOrderedByIndex() {
        // a 4×4×4 integer grid stored in shuffled order, so index order is unrelated to position
        int[] perm = IntStream.range(0, 64).toArray();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 63; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        float[] xyz = new float[3 * 64];
        for (int g = 0; g < 64; g++) {
            xyz[3 * perm[g]] = g % 4;
            xyz[3 * perm[g] + 1] = (g / 4) % 4;
            xyz[3 * perm[g] + 2] = g / 16;
        }
        KdTree tree = new KdTree(xyz);
        // the centre of a grid cell is equidistant from its 8 corners
        int[] corners = bruteRadius(xyz, 1.5, 1.5, 1.5, Math.sqrt(0.75) + 1e-9);
        assertThat(corners).hasSize(8);
        assertThat(knn(tree, 1.5, 1.5, 1.5, 3, 10)).containsExactly(Arrays.copyOf(corners, 3));
        assertThat(tree.nearest(1.5, 1.5, 1.5)).isEqualTo(corners[0]);
        // at a grid point: itself, then its 6 face neighbours by index
        int self = perm[1 + 4 + 16];
        int[] ring = bruteRadius(xyz, 1, 1, 1, 1.0);
        int[] expected = IntStream.concat(IntStream.of(self), Arrays.stream(ring).filter(i -> i != self)).toArray();
        assertThat(knn(tree, 1, 1, 1, 7, 10)).containsExactly(expected);
        for (double[] q : queries(200, 8)) {
            double x = Math.round(q[0] * 6) / 2.0;
            double y = Math.round(q[1] * 6) / 2.0;
            double z = Math.round(q[2] * 6) / 2.0;
            assertThat(knn(tree, x, y, z, 5, 1.6)).containsExactly(bruteNearest(xyz, x, y, z, 5, 1.6));
        }
    }

    @Test
    void duplicatePointsAreAllFoundAndTiesGoToLowerIndices() {
        float[] xyz = randomCloud(5_000, 9);
        IntStream.Builder dupeIndices = IntStream.builder();
        for (int i = 0; i < 5_000; i += 3) {
            xyz[3 * i] = 0.25f;
            xyz[3 * i + 1] = 0.5f;
            xyz[3 * i + 2] = 0.75f;
            dupeIndices.add(i);
        }
        int[] dupes = dupeIndices.build().toArray();
        KdTree tree = new KdTree(xyz);
        assertThat(tree.withinRadius(0.25f, 0.5f, 0.75f, 0)).containsExactly(dupes);
        assertThat(knn(tree, 0.25f, 0.5f, 0.75f, 10, 1)).containsExactly(Arrays.copyOf(dupes, 10));
        assertThat(tree.nearest(0.25f, 0.5f, 0.75f)).isZero();
        for (double[] q : queries(100, 10)) {
            assertThat(knn(tree, q[0], q[1], q[2], 10, 0.2)).containsExactly(bruteNearest(xyz, q[0], q[1], q[2], 10, 0.2));
        }
    }

    @Test
    void buildsLargeDegenerateCloudsWithoutDeepRecursion() {
        int n = 200_000;
        float[] same = new float[3 * n];
        Arrays.fill(same, 0.5f);
        KdTree allSame = new KdTree(same);
        assertThat(knn(allSame, 0, 0, 0, 5, 1)).containsExactly(0, 1, 2, 3, 4);

        // sorted, collinear, with many repeated values: a classic bad case for naive median splits
        float[] line = new float[3 * n];
        for (int i = 0; i < n; i++) {
            line[3 * i] = (i / 7) * 1e-3f;
            line[3 * i + 1] = 2 * line[3 * i];
            line[3 * i + 2] = -line[3 * i];
        }
        KdTree tree = new KdTree(line);
        for (int i = 0; i < 50; i++) {
            double x = i * 0.57;
            double[] q = {x + 1e-4, 2 * x, -x};
            assertThat(knn(tree, q[0], q[1], q[2], 9, 0.01)).containsExactly(bruteNearest(line, q[0], q[1], q[2], 9, 0.01));
        }
    }

    @Test
    void emptyResultsAndEmptyTrees() {
        KdTree empty = new KdTree(new float[0]);
        assertThat(empty.size()).isZero();
        assertThat(empty.nearest(0, 0, 0)).isEqualTo(-1);
        assertThat(knn(empty, 0, 0, 0, 3, 1)).isEmpty();
        assertThat(empty.withinRadius(0, 0, 0, 5)).isEmpty();

        KdTree tree = new KdTree(randomCloud(500, 11));
        assertThat(knn(tree, 5, 5, 5, 10, 0.5)).isEmpty();
        assertThat(tree.withinRadius(5, 5, 5, 0.5)).isEmpty();
    }

    @Test
    void distanceBoundIsExclusiveAndRadiusInclusive() {
        KdTree tree = new KdTree(new float[] {0, 0, 0, 1, 0, 0});
        assertThat(knn(tree, 0.5, 0, 0, 2, 0.5)).isEmpty();
        assertThat(knn(tree, 0.5, 0, 0, 2, 0.5000001)).containsExactly(0, 1);
        assertThat(tree.withinRadius(0.5, 0, 0, 0.5)).containsExactly(0, 1);
        assertThat(tree.withinRadius(0.5, 0, 0, 0.4999999)).isEmpty();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new KdTree(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdTree(new float[4])).hasMessageContaining("3 floats per point");
        assertThatThrownBy(() -> new KdTree(new float[] {0, Float.NaN, 0})).hasMessageContaining("non-finite");
        KdTree tree = new KdTree(randomCloud(10, 12));
        int[] idx = new int[3];
        double[] dist = new double[3];
        assertThatThrownBy(() -> tree.nearest(Double.NaN, 0, 0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> tree.nearestWithin(0, 0, 0, 0, 1, idx, dist)).hasMessageContaining("k must");
        assertThatThrownBy(() -> tree.nearestWithin(0, 0, 0, 4, 1, idx, dist)).hasMessageContaining("buffers");
        assertThatThrownBy(() -> tree.nearestWithin(0, 0, 0, 3, 0, idx, dist)).hasMessageContaining("maxDistance");
        assertThatThrownBy(() -> tree.nearestWithin(0, 0, 0, 3, Double.NaN, idx, dist))
                .hasMessageContaining("maxDistance");
        assertThatThrownBy(() -> tree.withinRadius(0, 0, 0, -1)).hasMessageContaining("radius");
    }

    @Test
    void selectionPartitionsAroundTheKthValueIncludingTheHeapsortFallback() {
        SplittableRandom r = new SplittableRandom(13);
        int n = 301;
        List<float[]> inputs = new ArrayList<>();
        inputs.add(randomCloud(n, 14));
        float[] sorted = new float[3 * n];
        float[] reversed = new float[3 * n];
        float[] fewValues = new float[3 * n];
        float[] organPipe = new float[3 * n];
        for (int i = 0; i < n; i++) {
            sorted[3 * i + 1] = i;
            reversed[3 * i + 1] = -i;
            fewValues[3 * i + 1] = r.nextInt(3);
            organPipe[3 * i + 1] = Math.min(i, n - i);
        }
        inputs.addAll(List.of(sorted, reversed, fewValues, organPipe, new float[3 * n]));
        for (float[] xyz : inputs) {
            for (int budget : new int[] {-1, 0, 1}) {
                for (int k : new int[] {0, 5, n / 2, n - 1}) {
                    int[] order = IntStream.range(0, n).toArray();
                    if (budget < 0) {
                        Selection.select(xyz, 1, order, 0, n, k);
                    } else {
                        Selection.select(xyz, 1, order, 0, n, k, budget);
                    }
                    float[] keys = new float[n];
                    for (int i = 0; i < n; i++) {
                        keys[i] = xyz[3 * order[i] + 1];
                    }
                    float[] expected = keys.clone();
                    Arrays.sort(expected);
                    assertThat(keys[k]).isEqualTo(expected[k]);
                    for (int i = 0; i < n; i++) {
                        assertThat(i < k ? keys[i] <= keys[k] : keys[i] >= keys[k]).isTrue();
                    }
                    assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(IntStream.range(0, n).toArray());
                }
            }
        }
    }
}
