package ai.dfc.geometry.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FarthestPointSamplingTest {

    @Test
    void picksTheFarthestRemainingPointEachTime() {
        // On a line at x = 0, 1, 3, 10 from point 0: 10 is farthest (10); then 3 (min(3, 7) = 3 beats min(1, 9) = 1).
        double[] line = {0, 0, 1, 0, 3, 0, 10, 0};
        assertThat(FarthestPointSampling.sample(line, 2, 4, 0)).containsExactly(0, 3, 2, 1);
        // Started elsewhere: from 2 (x = 3) the farthest is 3 (x = 10, distance 7), then 0 (min(3, 10) = 3).
        assertThat(FarthestPointSampling.sample(line, 2, 3, 2)).containsExactly(2, 3, 0);
    }

    @Test
    void breaksTiesByTheLowestIndex() {
        // Unit square corners 0 (0,0), 1 (1,0), 2 (0,1), 3 (1,1). From 0: the diagonal 3 is farthest; then 1 and 2
        // are both at distance 1 from the chosen set, and the first index wins.
        double[] square = {0, 0, 1, 0, 0, 1, 1, 1};
        assertThat(FarthestPointSampling.sample(square, 2, 4, 0)).containsExactly(0, 3, 1, 2);
        // From 3: 0 is farthest, then the tie between 1 and 2 again goes to 1.
        assertThat(FarthestPointSampling.sample(square, 2, 4, 3)).containsExactly(3, 0, 1, 2);
        // Four points at equal distance from the start: the first of them.
        double[] cross = {0, 0, 0, 1, 1, 0, 0, -1, -1, 0};
        assertThat(FarthestPointSampling.sample(cross, 2, 2, 0)).containsExactly(0, 1);
    }

    @Test
    void worksInThreeDimensions() {
        // From the origin: (0,0,5) at 5, then (4,0,0): min(4, √41) = 4 beats (0,3,0): min(3, √34) = 3.
        double[] points = {0, 0, 0, 0, 0, 5, 0, 3, 0, 4, 0, 0};
        assertThat(FarthestPointSampling.sample(points, 3, 4, 0)).containsExactly(0, 1, 3, 2);
    }

    @Test
    void choosesDuplicatesLastAndNeverTheSameIndexTwice() {
        double[] points = {0, 0, 0, 0, 5, 5, 0, 0, 5, 5};
        int[] all = FarthestPointSampling.sample(points, 2, 5, 0);
        // 2 is at (5,5); then duplicates at distance 0, in index order.
        assertThat(all).containsExactly(0, 2, 1, 3, 4);
    }

    @Test
    void randomStartIsDrawnOnceFromTheGenerator() {
        double[] points = randomPoints(new Random(3), 100, 2, false);
        int[] first = FarthestPointSampling.sample(points, 2, 10, new SplittableRandom(42));
        int[] second = FarthestPointSampling.sample(points, 2, 10, new SplittableRandom(42));
        assertThat(first).containsExactly(second);
        int start = new SplittableRandom(42).nextInt(100);
        assertThat(first[0]).isEqualTo(start);
        assertThat(first).containsExactly(FarthestPointSampling.sample(points, 2, 10, start));
    }

    @Test
    void matchesABruteForceGreedyOnRandomPointSets() {
        Random random = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            int dimension = 1 + random.nextInt(4);
            int n = 1 + random.nextInt(60);
            // Small integer grids make many exact ties and duplicates; real coordinates make none.
            boolean grid = random.nextBoolean();
            double[] points = randomPoints(random, n, dimension, grid);
            int count = random.nextInt(n + 1);
            int start = random.nextInt(n);

            int[] expected = bruteForce(points, dimension, count, start);

            assertThat(FarthestPointSampling.sample(points, dimension, count, start))
                    .as("trial %d: %d points in %d-D, %d chosen", trial, n, dimension, count)
                    .containsExactly(expected);
        }
    }

    /**
     * The textbook definition, recomputed from scratch at every step with true (square-rooted) distances: the
     * unchosen point whose nearest chosen point is farthest, the lowest index on ties.
     */
    private static int[] bruteForce(double[] points, int dimension, int count, int start) {
        int n = points.length / dimension;
        int[] chosen = new int[count];
        boolean[] taken = new boolean[n];
        if (count == 0) {
            return chosen;
        }
        chosen[0] = start;
        taken[start] = true;
        for (int s = 1; s < count; s++) {
            int best = -1;
            double bestDistance = -1;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double nearest = Double.POSITIVE_INFINITY;
                for (int c = 0; c < s; c++) {
                    double sum = 0;
                    for (int a = 0; a < dimension; a++) {
                        double d = points[i * dimension + a] - points[chosen[c] * dimension + a];
                        sum += d * d;
                    }
                    nearest = Math.min(nearest, Math.sqrt(sum));
                }
                if (nearest > bestDistance) {
                    bestDistance = nearest;
                    best = i;
                }
            }
            chosen[s] = best;
            taken[best] = true;
        }
        return chosen;
    }

    private static double[] randomPoints(Random random, int n, int dimension, boolean grid) {
        double[] p = new double[n * dimension];
        for (int k = 0; k < p.length; k++) {
            p[k] = grid ? random.nextInt(5) : random.nextDouble() * 100;
        }
        return p;
    }

    @Test
    void handlesZeroCountAndRejectsBadArguments() {
        double[] points = {0, 0, 1, 1, 2, 2};
        assertThat(FarthestPointSampling.sample(points, 2, 0, 0)).isEmpty();
        assertThat(FarthestPointSampling.sample(new double[0], 3, 0, new SplittableRandom(1))).isEmpty();
        assertThatThrownBy(() -> FarthestPointSampling.sample(points, 2, 4, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot choose 4 of 3 points");
        assertThatThrownBy(() -> FarthestPointSampling.sample(points, 2, -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot choose -1");
        assertThatThrownBy(() -> FarthestPointSampling.sample(points, 2, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start index 3");
        assertThatThrownBy(() -> FarthestPointSampling.sample(points, 4, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole points of dimension 4");
        assertThatThrownBy(() -> FarthestPointSampling.sample(points, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension must be >= 1");
        assertThatThrownBy(() -> FarthestPointSampling.sample(new double[] {0, Double.NaN}, 2, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> FarthestPointSampling.sample(null, 2, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> FarthestPointSampling.sample(points, 2, 1, (SplittableRandom) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("random must not be null");
    }
}
