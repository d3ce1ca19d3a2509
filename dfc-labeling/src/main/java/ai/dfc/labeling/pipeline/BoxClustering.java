package ai.dfc.labeling.pipeline;

import ai.dfc.api.geometry.Box;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * SPEC §3.5: the repeated boxes of one (view, part) reduced to one box, which only defines the zoom-in crop of small
 * parts (SPEC §3.6; the 3-D voting uses the raw boxes, SPEC §8 item 5).
 *
 * <ol>
 *   <li>Box centres {@code ((x0+x1)/2, (y0+y1)/2)} ({@code x} = column).</li>
 *   <li>For {@code k = 2 … min(n, 5) − 1} (so {@code k ∈ {2, 3}} for the usual {@code n = 4}): K-means on the centres
 *       and its silhouette score, −1 when it cannot be computed (fewer than 2 or more than {@code n − 1} distinct
 *       labels). The {@code k} with the highest score strictly above −1 is chosen, ties to the smaller {@code k};
 *       default {@code k = 1}.</li>
 *   <li>Of the clustering with the chosen {@code k}, the largest cluster (ties to the lowest label) gives the box: the
 *       element-wise mean of its boxes, each coordinate truncated toward zero to an integer (Python's {@code int}).</li>
 * </ol>
 *
 * <p><b>K-means</b> is scikit-learn's default: greedy k-means++ seeding ({@code 2 + ⌊ln k⌋} candidates per centre,
 * the one lowering the potential most is kept), one initialization ({@code n_init='auto'}), Lloyd iterations until
 * the labels stop changing (at most 300). Unlike the reference, the seed is fixed ({@link #SEED}), so the result is
 * reproducible. A centre that loses all its points keeps its place. Points are assigned to the nearest centre, ties to
 * the lower centre index. Labels are then renumbered by first occurrence in box order, so label 0 is the cluster of the
 * first box and "ties to the lowest label" means "to the cluster of the earliest box", whatever the seeding drew.
 *
 * <p><b>Silhouette</b> as scikit-learn's {@code silhouette_score} with Euclidean distances: per point
 * {@code s = (b − a) / max(a, b)} with {@code a} the mean distance to the other members of its cluster and {@code b}
 * the smallest mean distance to another cluster; {@code s = 0} for a point alone in its cluster and when
 * {@code max(a, b) = 0}; the score is the mean over points.
 *
 * <p>Stateless and thread-safe.
 */
public final class BoxClustering {
    /** Seed of the k-means++ seeding. */
    public static final long SEED = 0x5EED_B0C5L;
    private static final int MAX_ITERATIONS = 300;

    private BoxClustering() {
    }

    /**
     * The outcome of the aggregation.
     *
     * @param k        the chosen number of clusters (1 when no {@code k ≥ 2} scored above −1)
     * @param labels   cluster label per box, in box order, renumbered by first occurrence
     * @param cluster  the label of the largest cluster
     * @param box      the aggregated box, integer coordinates
     */
    public record Aggregate(int k, int[] labels, int cluster, Box box) {
        /** Copies the labels. */
        public Aggregate {
            labels = labels.clone();
        }

        /** A copy of the labels. */
        @Override
        public int[] labels() {
            return labels.clone();
        }
    }

    /**
     * The aggregated box of {@code boxes}, or empty when there are none (the reference writes an empty list).
     */
    public static Optional<Box> aggregateBox(List<Box> boxes) {
        return boxes.isEmpty() ? Optional.empty() : Optional.of(aggregate(boxes).box());
    }

    /**
     * Clusters the boxes and aggregates the largest cluster, see the class doc.
     *
     * @throws IllegalArgumentException if {@code boxes} is empty
     */
    public static Aggregate aggregate(List<Box> boxes) {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("no boxes to aggregate");
        }
        double[][] centres = new double[boxes.size()][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = new double[] {boxes.get(i).centreX(), boxes.get(i).centreY()};
        }
        int bestK = 1;
        int[] bestLabels = new int[boxes.size()];
        double bestScore = -1;
        for (int k = 2; k <= Math.min(boxes.size(), 5) - 1; k++) {
            int[] labels = kMeans(centres, k, SEED);
            double score = silhouette(centres, labels);
            if (score > bestScore) {
                bestScore = score;
                bestK = k;
                bestLabels = labels;
            }
        }
        int clusters = Arrays.stream(bestLabels).max().orElse(0) + 1;
        int[] sizes = new int[clusters];
        for (int l : bestLabels) {
            sizes[l]++;
        }
        int largest = 0;
        for (int l = 1; l < clusters; l++) {
            if (sizes[l] > sizes[largest]) {
                largest = l;
            }
        }
        double[] sum = new double[4];
        for (int i = 0; i < boxes.size(); i++) {
            if (bestLabels[i] == largest) {
                Box b = boxes.get(i);
                sum[0] += b.x0();
                sum[1] += b.y0();
                sum[2] += b.x1();
                sum[3] += b.y1();
            }
        }
        int n = sizes[largest];
        Box box = new Box(truncate(sum[0] / n), truncate(sum[1] / n), truncate(sum[2] / n), truncate(sum[3] / n));
        return new Aggregate(bestK, bestLabels, largest, box);
    }

    private static double truncate(double v) {
        return (long) v;
    }

    /**
     * K-means labels of {@code points} (each a {@code double[2]} or any dimension), renumbered by first occurrence.
     *
     * @param k    number of clusters, {@code 1 ≤ k ≤ points.length}
     * @param seed seed of the k-means++ seeding
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    public static int[] kMeans(double[][] points, int k, long seed) {
        int n = points.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], was " + k);
        }
        double[][] centres = seed(points, k, new SplittableRandom(seed));
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = squared(points[i], centres[0]);
                for (int c = 1; c < k; c++) {
                    double d = squared(points[i], centres[c]);
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
                if (labels[i] != best) {
                    labels[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            for (int c = 0; c < k; c++) {
                double[] mean = new double[points[0].length];
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (labels[i] == c) {
                        count++;
                        for (int d = 0; d < mean.length; d++) {
                            mean[d] += points[i][d];
                        }
                    }
                }
                if (count > 0) {
                    for (int d = 0; d < mean.length; d++) {
                        mean[d] /= count;
                    }
                    centres[c] = mean;
                }
            }
        }
        return renumber(labels);
    }

    /** Greedy k-means++ as scikit-learn's {@code _kmeans_plusplus}. */
    private static double[][] seed(double[][] points, int k, SplittableRandom random) {
        int n = points.length;
        int trials = 2 + (int) Math.log(k);
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(n)];
        double[] closest = new double[n];
        for (int i = 0; i < n; i++) {
            closest[i] = squared(points[i], centres[0]);
        }
        double potential = sum(closest);
        for (int c = 1; c < k; c++) {
            int bestCandidate = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            double[] bestClosest = null;
            for (int t = 0; t < trials; t++) {
                int candidate = sample(closest, potential, random);
                double[] next = new double[n];
                for (int i = 0; i < n; i++) {
                    next[i] = Math.min(closest[i], squared(points[i], points[candidate]));
                }
                double p = sum(next);
                if (p < bestPotential) {
                    bestPotential = p;
                    bestCandidate = candidate;
                    bestClosest = next;
                }
            }
            centres[c] = points[bestCandidate];
            closest = bestClosest;
            potential = bestPotential;
        }
        for (int c = 0; c < k; c++) {
            centres[c] = centres[c].clone();
        }
        return centres;
    }

    /** Index drawn with probability proportional to {@code weights}; the first index when all weights are 0. */
    private static int sample(double[] weights, double total, SplittableRandom random) {
        double r = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (r < cumulative) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    /**
     * The silhouette score of a labelling (see the class doc), or −1 when it is undefined: fewer than 2 distinct
     * labels or more than {@code n − 1}.
     *
     * @param labels non-negative labels, one per point
     */
    public static double silhouette(double[][] points, int[] labels) {
        int n = points.length;
        int clusters = Arrays.stream(labels).max().orElse(-1) + 1;
        int[] sizes = new int[Math.max(clusters, 0)];
        for (int l : labels) {
            sizes[l]++;
        }
        int distinct = (int) Arrays.stream(sizes).filter(s -> s > 0).count();
        if (distinct < 2 || distinct > n - 1) {
            return -1;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sums = new double[clusters];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sums[labels[j]] += Math.sqrt(squared(points[i], points[j]));
                }
            }
            int own = labels[i];
            if (sizes[own] == 1) {
                continue; // s = 0
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < clusters; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double m = Math.max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / n;
    }

    private static int[] renumber(int[] labels) {
        int[] map = new int[labels.length];
        Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) {
                map[labels[i]] = next++;
            }
            out[i] = map[labels[i]];
        }
        return out;
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double t = a[d] - b[d];
            s += t * t;
        }
        return s;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
