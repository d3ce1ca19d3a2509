package ai.dfc.geometry.align;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Farthest-point sampling as SPEC §4.3 step 6 uses it to thin a point set to {@code count} points: start from one
 * point, then repeatedly choose the point whose smallest distance to the points chosen so far is largest, the
 * lowest index among equal distances.
 *
 * <p>Points are given flat: point {@code i} is {@code points[i·dimension .. i·dimension + dimension)} (2-D pixel
 * positions, 3-D positions, any dimension ≥ 1). Distances are compared as squared Euclidean distances in double
 * precision, which ranks exactly like the distances themselves and is exact for integer coordinates below 2²⁶, so
 * ties on integer pixel grids are real ties and go to the first index. Duplicate points are chosen like any
 * others (at distance 0, after all farther points); no index is returned twice.
 *
 * <p>O(N·count) time, O(N) memory for N points. Stateless and thread-safe.
 */
public final class FarthestPointSampling {

    private FarthestPointSampling() {
    }

    /**
     * Samples from a random start: the start index is {@code random.nextInt(N)}, drawn once when {@code count > 0}
     * (SPEC: "random start"); otherwise as {@link #sample(double[], int, int, int)}.
     *
     * @param random the source of the start index; a seeded generator makes the result reproducible
     * @throws IllegalArgumentException as {@link #sample(double[], int, int, int)}, or if {@code random} is null
     */
    public static int[] sample(double[] points, int dimension, int count, RandomGenerator random) {
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        int n = pointCount(points, dimension, count);
        return count == 0 ? new int[0] : run(points, dimension, n, count, random.nextInt(n));
    }

    /**
     * Samples from a given start.
     *
     * @param points     {@code N·dimension} finite coordinates, point after point
     * @param dimension  coordinates per point, ≥ 1
     * @param count      how many points to choose, in {@code [0, N]}
     * @param startIndex the first point chosen, in {@code [0, N)}
     * @return {@code count} distinct point indices in the order they were chosen, starting with {@code startIndex}
     * @throws IllegalArgumentException if {@code points} is null, its length is not a multiple of {@code dimension},
     *                                  a coordinate is not finite, {@code dimension < 1}, {@code count} is outside
     *                                  {@code [0, N]}, or {@code startIndex} outside {@code [0, N)} while
     *                                  {@code count > 0}
     */
    public static int[] sample(double[] points, int dimension, int count, int startIndex) {
        int n = pointCount(points, dimension, count);
        if (count == 0) {
            return new int[0];
        }
        if (startIndex < 0 || startIndex >= n) {
            throw new IllegalArgumentException("start index " + startIndex + " is outside [0, " + n + ")");
        }
        return run(points, dimension, n, count, startIndex);
    }

    private static int pointCount(double[] points, int dimension, int count) {
        if (points == null) {
            throw new IllegalArgumentException("points must not be null");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was " + dimension);
        }
        if (points.length % dimension != 0) {
            throw new IllegalArgumentException(points.length + " coordinates do not make whole points of dimension "
                    + dimension);
        }
        int n = points.length / dimension;
        if (count < 0 || count > n) {
            throw new IllegalArgumentException("cannot choose " + count + " of " + n + " points");
        }
        for (int k = 0; k < points.length; k++) {
            if (!Double.isFinite(points[k])) {
                throw new IllegalArgumentException("coordinate " + k % dimension + " of point " + k / dimension
                        + " is not finite: " + points[k]);
            }
        }
        return n;
    }

    private static int[] run(double[] points, int dimension, int n, int count, int start) {
        int[] chosen = new int[count];
        // Smallest squared distance of each point to the chosen set; -1 marks chosen points, which real
        // distances (>= 0) always beat.
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        chosen[0] = start;
        nearest[start] = -1;
        int last = start;
        for (int s = 1; s < count; s++) {
            last = switch (dimension) {
                case 2 -> updateAndPick2(points, nearest, last);
                case 3 -> updateAndPick3(points, nearest, last);
                default -> updateAndPick(points, dimension, nearest, last);
            };
            chosen[s] = last;
            nearest[last] = -1;
        }
        return chosen;
    }

    /** Lowers every unchosen point's distance by the newly chosen point {@code last}; returns the first farthest. */
    private static int updateAndPick2(double[] p, double[] nearest, int last) {
        double x = p[2 * last];
        double y = p[2 * last + 1];
        int best = -1;
        double bestDistance = -1;
        for (int i = 0; i < nearest.length; i++) {
            double current = nearest[i];
            if (current >= 0) {
                double dx = p[2 * i] - x;
                double dy = p[2 * i + 1] - y;
                double d = dx * dx + dy * dy;
                if (d < current) {
                    current = d;
                    nearest[i] = d;
                }
                if (current > bestDistance) {
                    bestDistance = current;
                    best = i;
                }
            }
        }
        return best;
    }

    private static int updateAndPick3(double[] p, double[] nearest, int last) {
        double x = p[3 * last];
        double y = p[3 * last + 1];
        double z = p[3 * last + 2];
        int best = -1;
        double bestDistance = -1;
        for (int i = 0; i < nearest.length; i++) {
            double current = nearest[i];
            if (current >= 0) {
                double dx = p[3 * i] - x;
                double dy = p[3 * i + 1] - y;
                double dz = p[3 * i + 2] - z;
                double d = dx * dx + dy * dy + dz * dz;
                if (d < current) {
                    current = d;
                    nearest[i] = d;
                }
                if (current > bestDistance) {
                    bestDistance = current;
                    best = i;
                }
            }
        }
        return best;
    }

    private static int updateAndPick(double[] p, int dimension, double[] nearest, int last) {
        int best = -1;
        double bestDistance = -1;
        int lastOffset = last * dimension;
        for (int i = 0; i < nearest.length; i++) {
            double current = nearest[i];
            if (current >= 0) {
                double d = 0;
                for (int a = 0, offset = i * dimension; a < dimension; a++) {
                    double diff = p[offset + a] - p[lastOffset + a];
                    d += diff * diff;
                }
                if (d < current) {
                    current = d;
                    nearest[i] = d;
                }
                if (current > bestDistance) {
                    bestDistance = current;
                    best = i;
                }
            }
        }
        return best;
    }
}
