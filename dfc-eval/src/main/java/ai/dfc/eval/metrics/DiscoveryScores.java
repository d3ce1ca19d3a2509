package ai.dfc.eval.metrics;

import java.util.Arrays;

/**
 * Correspondence-discovery scores of one direction entry at one threshold τ (SPEC §7.2): precision, recall and F1 at
 * the 100 cutoffs {@code c = 0.01 … 1.00} of the ranked proposals, the best F1 and the average precision with
 * (recall 0, precision 1) prepended.
 *
 * <p><b>NaN policy.</b> With {@code n} proposals, cutoff {@code c} looks at the first {@code K = int(n·c)}; when
 * {@code n < 100} the first cutoffs have {@code K = 0}, where the reference divides by zero and NumPy gives NaN,
 * which then poisons the entry's best F1 and AP. DFC reports precision {@code NaN} at those cutoffs (as the
 * reference stores it), but F1 is 0 there and such cutoffs add nothing to AP — their recall is 0, so the reference's
 * sum {@code (r_c − r_{c−1})·p_c} would add {@code 0·NaN}. Whenever {@code n ≥ 100} this is exactly the reference's
 * value; otherwise it is the value the reference would give if it skipped empty cutoffs. An entry with no proposals
 * scores best F1 = 0 and AP = 0.
 *
 * @param precision 100 values (NaN where K = 0)
 * @param recall    100 values
 * @param f1        100 values
 * @param bestF1    max of {@code f1}
 * @param ap        average precision
 */
public record DiscoveryScores(double[] precision, double[] recall, double[] f1, double bestF1, double ap) {
    /** The reference's thresholds in pixels. */
    public static final int[] THRESHOLDS = {23, 15, 10, 5};
    public static final int CUTOFFS = 100;

    /**
     * @param p1  ranked proposals on image 1, {@code row0, col0, …} (best first)
     * @param p2  their partners on image 2
     * @param g1  ground-truth points on image 1
     * @param g2  their partners on image 2
     * @param tau threshold in pixels
     */
    public static DiscoveryScores of(int[] p1, int[] p2, int[] g1, int[] g2, double tau) {
        if (p1.length != p2.length || g1.length != g2.length || p1.length % 2 != 0 || g1.length % 2 != 0) {
            throw new IllegalArgumentException("proposals and ground truth need matching (row, col) arrays");
        }
        int n = p1.length / 2;
        int m = g1.length / 2;
        boolean[] correct = new boolean[n];
        int[] first = new int[m];
        Arrays.fill(first, Integer.MAX_VALUE);
        GroundTruthGrid grid = new GroundTruthGrid(g1, tau);
        double t2 = tau * tau;
        for (int i = 0; i < n; i++) {
            int r1 = p1[2 * i];
            int c1 = p1[2 * i + 1];
            int r2 = p2[2 * i];
            int c2 = p2[2 * i + 1];
            final int rank = i;
            grid.forEachNear(r1, c1, k -> {
                double dr = g1[2 * k] - r1;
                double dc = g1[2 * k + 1] - c1;
                if (dr * dr + dc * dc > t2) {
                    return;
                }
                double er = g2[2 * k] - r2;
                double ec = g2[2 * k + 1] - c2;
                if (er * er + ec * ec <= t2) {
                    correct[rank] = true;
                    if (rank < first[k]) {
                        first[k] = rank;
                    }
                }
            });
        }
        int[] correctPrefix = new int[n + 1];
        for (int i = 0; i < n; i++) {
            correctPrefix[i + 1] = correctPrefix[i] + (correct[i] ? 1 : 0);
        }
        int[] firstSorted = first.clone();
        Arrays.sort(firstSorted);
        double[] precision = new double[CUTOFFS];
        double[] recall = new double[CUTOFFS];
        double[] f1 = new double[CUTOFFS];
        double best = 0;
        double ap = 0;
        double previousRecall = 0;
        for (int c = 1; c <= CUTOFFS; c++) {
            int k = (int) (n * (c / 100.0)); // int(n·c) with c = 0.01·c as the reference computes it
            double r = m == 0 ? 0 : (double) countBelow(firstSorted, k) / m;
            double p = k == 0 ? Double.NaN : (double) correctPrefix[k] / k;
            precision[c - 1] = p;
            recall[c - 1] = r;
            double f = k == 0 || p + r == 0 ? 0 : 2 * p * r / (p + r);
            f1[c - 1] = f;
            best = Math.max(best, f);
            if (k > 0) {
                ap += (r - previousRecall) * p;
            }
            previousRecall = r;
        }
        return new DiscoveryScores(precision, recall, f1, best, ap);
    }

    /** Number of values in sorted {@code a} strictly below {@code k}. */
    private static int countBelow(int[] a, int k) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Ground-truth points bucketed on a grid of cell τ, so each proposal looks at nearby points only. */
    private static final class GroundTruthGrid {
        private final java.util.Map<Long, int[]> cells = new java.util.HashMap<>();
        private final int cell;

        GroundTruthGrid(int[] g, double tau) {
            cell = Math.max(1, (int) Math.ceil(tau));
            java.util.Map<Long, java.util.List<Integer>> lists = new java.util.HashMap<>();
            for (int k = 0; k < g.length / 2; k++) {
                lists.computeIfAbsent(key(Math.floorDiv(g[2 * k], cell), Math.floorDiv(g[2 * k + 1], cell)),
                        x -> new java.util.ArrayList<>()).add(k);
            }
            lists.forEach((key, list) -> cells.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        }

        private static long key(int r, int c) {
            return ((long) r << 32) ^ (c & 0xffffffffL);
        }

        void forEachNear(int row, int col, java.util.function.IntConsumer action) {
            int cr = Math.floorDiv(row, cell);
            int cc = Math.floorDiv(col, cell);
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int[] ks = cells.get(key(cr + dr, cc + dc));
                    if (ks != null) {
                        for (int k : ks) {
                            action.accept(k);
                        }
                    }
                }
            }
        }
    }
}
