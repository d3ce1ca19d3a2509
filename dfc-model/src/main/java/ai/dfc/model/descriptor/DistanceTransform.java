package ai.dfc.model.descriptor;

/**
 * Exact Euclidean distance transform (Felzenszwalb &amp; Huttenlocher, "Distance Transforms of Sampled Functions",
 * 2012): for every pixel the squared distance to the nearest site pixel, between pixel centres. A vertical
 * pass of two linear scans, then per row the lower envelope of parabolas: O(pixels). Stateless.
 */
final class DistanceTransform {
    /** Stands in for "no site on this line" without producing ∞ − ∞ in the envelope. */
    static final double FAR = 1e20;

    private DistanceTransform() {
    }

    /**
     * @param sites  {@code height × width}, row-major; true where the distance is zero
     * @return squared distances, {@link #FAR} or more where the image holds no site at all
     */
    static double[] squared(boolean[] sites, int height, int width) {
        return squared(sites, height, width, null);
    }

    /**
     * As {@link #squared(boolean[], int, int)}, but only rows {@code y} with {@code rows[y]} are computed (the
     * others hold partial values): the second pass is most of the cost, and a caller may need a few rows only.
     *
     * @param rows the rows wanted, or null for all
     */
    static double[] squared(boolean[] sites, int height, int width, boolean[] rows) {
        double[] d = new double[height * width];
        // vertical pass: distance to the nearest site in the same column, by a downward and an upward scan, row by
        // row so that memory is read in order
        double[] run = new double[width];
        java.util.Arrays.fill(run, FAR);
        for (int y = 0, p = 0; y < height; y++) {
            for (int x = 0; x < width; x++, p++) {
                run[x] = sites[p] ? 0 : run[x] + 1;
                d[p] = run[x];
            }
        }
        java.util.Arrays.fill(run, FAR);
        for (int y = height - 1; y >= 0; y--) {
            for (int x = 0, p = y * width; x < width; x++, p++) {
                run[x] = sites[p] ? 0 : run[x] + 1;
                double v = Math.min(run[x], d[p]);
                d[p] = v >= FAR / 2 ? FAR : v * v;
            }
        }
        // horizontal pass: lower envelope of the parabolas (x − q)² + f(q) along each row
        double[] f = new double[width];
        double[] z = new double[width + 1];
        int[] v = new int[width];
        for (int y = 0; y < height; y++) {
            if (rows != null && !rows[y]) {
                continue;
            }
            int row = y * width;
            System.arraycopy(d, row, f, 0, width);
            int k = 0;
            v[0] = 0;
            z[0] = Double.NEGATIVE_INFINITY;
            z[1] = Double.POSITIVE_INFINITY;
            for (int q = 1; q < width; q++) {
                double s = intersection(f, q, v[k]);
                while (s <= z[k]) {
                    k--;
                    s = intersection(f, q, v[k]);
                }
                k++;
                v[k] = q;
                z[k] = s;
                z[k + 1] = Double.POSITIVE_INFINITY;
            }
            k = 0;
            for (int q = 0; q < width; q++) {
                while (z[k + 1] < q) {
                    k++;
                }
                double dq = q - v[k];
                d[row + q] = dq * dq + f[v[k]];
            }
        }
        return d;
    }

    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * (q - p));
    }
}
