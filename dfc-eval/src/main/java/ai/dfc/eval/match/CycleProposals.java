package ai.dfc.eval.match;

import java.util.Arrays;
import java.util.Comparator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reference's cycle-consistent match proposals {@code propose(img1, R1, img2, R2)} (SPEC §7.2): every pixel of
 * R1 (row-major) is matched into R2, the match back into R1; the proposal's score is {@code (1 − d̂)·ŝ} with
 * {@code ŝ} the min-max normalized forward similarity and {@code d̂} the min-max normalized cycle distance;
 * proposals are returned by descending score, ties in query order (a stable sort of the negated score).
 */
public final class CycleProposals {
    private CycleProposals() {
    }

    /**
     * Ranked proposals: {@code source} and {@code target} hold {@code (row, col)} pairs, {@code score} the scores.
     */
    public record Ranked(int[] source, int[] target, double[] score) {
        public int size() {
            return score.length;
        }
    }

    /**
     * @param features1 {@code [H·W, D]} dense features of image 1, row-major pixels
     * @param region1   allowed pixels of image 1 ({@code H·W})
     * @param features2 {@code [H·W, D]} of image 2
     * @param region2   allowed pixels of image 2
     * @param width     image width (both images share the size)
     */
    public static Ranked propose(INDArray features1, boolean[] region1, INDArray features2, boolean[] region2, int width) {
        int[] queries = indices(region1);
        if (queries.length == 0) {
            return new Ranked(new int[0], new int[0], new double[0]);
        }
        INDArray q = features1.getRows(queries);
        TopOneMatcher.Result forward = TopOneMatcher.match(q, features2, region2, TopOneMatcher.DEFAULT_BLOCK);
        INDArray back = features2.getRows(forward.index());
        TopOneMatcher.Result backward = TopOneMatcher.match(back, features1, region1, TopOneMatcher.DEFAULT_BLOCK);
        int n = queries.length;
        double[] s = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = forward.score()[i];
            int a = queries[i];
            int b = backward.index()[i];
            d[i] = Math.hypot(a / width - b / width, a % width - b % width);
        }
        normalize(s);
        normalize(d);
        Integer[] order = new Integer[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            score[i] = (1 - d[i]) * s[i];
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -score[i])); // stable: ties keep query order
        int[] src = new int[2 * n];
        int[] tgt = new int[2 * n];
        double[] sc = new double[n];
        for (int r = 0; r < n; r++) {
            int i = order[r];
            src[2 * r] = queries[i] / width;
            src[2 * r + 1] = queries[i] % width;
            tgt[2 * r] = forward.index()[i] / width;
            tgt[2 * r + 1] = forward.index()[i] % width;
            sc[r] = score[i];
        }
        return new Ranked(src, tgt, sc);
    }

    /** Min-max normalization in place; a constant array becomes NaN-free zeros (the reference would give NaN). */
    static void normalize(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double range = max - min;
        for (int i = 0; i < v.length; i++) {
            v[i] = range > 0 ? (v[i] - min) / range : 0;
        }
    }

    private static int[] indices(boolean[] region) {
        int n = 0;
        for (boolean b : region) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < region.length; i++) {
            if (region[i]) {
                out[k++] = i;
            }
        }
        return out;
    }
}
