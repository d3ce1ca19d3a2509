package ai.dfc.model.descriptor;

/**
 * The geometry block: where each token lies relative to the object's silhouette ({@link ObjectMask}), independent
 * of colour and texture. Four measurements per token, each encoded with {@link SoftBins}:
 * <ol>
 *   <li><b>position</b> {@code (u, v)}: the token centre minus the mask's centroid, divided per axis by twice the
 *       mask's standard deviation along that axis (so a disc spans [−1, 1] on both axes, and objects of different
 *       size or aspect ratio are put on one scale); soft bins at −1.5, −1, …, 1.5 per axis, combined as their
 *       outer product (v major), 7×7 = 49 channels — the cosine of two positions is then the product of the
 *       per-axis similarities;</li>
 *   <li><b>signed distance</b> to the silhouette's boundary, positive inside, by an exact Euclidean distance
 *       transform (the boundary lies half a pixel beyond the last object pixel; outside the image counts as
 *       background), interpolated bilinearly at the token centre and divided by the object's size
 *       {@code R = √(area / π)} (the radius of a disc of the mask's area), clamped to [−1, 1]: 0 on the outline,
 *       1 only at the centre of a disc-shaped object (no inside point of any shape can be deeper), small all
 *       over thin parts such as blades and handles; soft bins at −1, −0.75, …, 1, 9 channels;</li>
 *   <li><b>coverage</b> of a {@code 2·stride} box centred on the token: the fraction of object pixels (outside the
 *       image counts as background), 0.5 along a straight outline, less at a convex tip, more in a concavity;
 *       soft bins at 0, 0.25, …, 1, 5 channels;</li>
 *   <li><b>coverage</b> of a {@code 4·stride} box, likewise, 5 channels.</li>
 * </ol>
 * Each encoding has unit norm; the block, 68 channels, is divided by 2 (√4) so it has unit norm. An image with
 * no object pixel gets an all-zero block. Everything assumes a plain background (see {@link ObjectMask}).
 */
final class SilhouetteGeometry {
    static final SoftBins POSITION = new SoftBins(-1.5, 0.5, 7);
    static final SoftBins DISTANCE = new SoftBins(-1, 0.25, 9);
    static final SoftBins COVERAGE = new SoftBins(0, 0.25, 5);
    static final int CHANNELS = POSITION.count() * POSITION.count() + DISTANCE.count() + 2 * COVERAGE.count();
    private static final int[] COVERAGE_SCALES = {2, 4};

    private SilhouetteGeometry() {
    }

    /**
     * The raw per-token measurements, each an array over tokens in row-major order.
     *
     * @param u                  position along x, relative to the centroid in units of 2 standard deviations
     * @param v                  likewise along y
     * @param distance           signed distance to the outline divided by {@code √(area / π)}, in [−1, 1]
     * @param distancePixels     the signed distance in pixels
     * @param coverageNear       object fraction of the {@code 2·stride} box
     * @param coverageFar        object fraction of the {@code 4·stride} box
     */
    record Measurements(double[] u, double[] v, double[] distance, double[] distancePixels, double[] coverageNear,
                        double[] coverageFar) {
    }

    /** The measurements of every token, or null for a mask without object pixels. */
    static Measurements measure(ObjectMask mask, TokenGrid grid) {
        if (mask.count() == 0) {
            return null;
        }
        int height = mask.height();
        int width = mask.width();
        boolean[] object = mask.pixels();
        // centroid and per-axis spread
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (object[y * width + x]) {
                    sx += x;
                    sy += y;
                    sxx += (double) x * x;
                    syy += (double) y * y;
                }
            }
        }
        int n = mask.count();
        double cx = sx / n;
        double cy = sy / n;
        // at least half a pixel, so a one-pixel-wide object does not divide by zero
        double spreadX = Math.max(Math.sqrt(Math.max(sxx / n - cx * cx, 0)), 0.5);
        double spreadY = Math.max(Math.sqrt(Math.max(syy / n - cy * cy, 0)), 0.5);

        double size = Math.sqrt(n / Math.PI);

        // distance transforms on a one-pixel background frame, so that the image border counts as background; they
        // are read at token centres only, so only the (padded) rows around those are computed
        int ph = height + 2;
        int pw = width + 2;
        boolean[] background = new boolean[ph * pw];
        boolean[] objectPadded = new boolean[ph * pw];
        java.util.Arrays.fill(background, true);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean o = object[y * width + x];
                background[(y + 1) * pw + x + 1] = !o;
                objectPadded[(y + 1) * pw + x + 1] = o;
            }
        }
        boolean[] rows = new boolean[ph];
        for (int i = 0; i < grid.rows(); i++) {
            int y0 = (int) Math.floor(Math.min(Math.max(grid.centre(i), 0), height - 1));
            rows[y0 + 1] = true;
            rows[Math.min(y0 + 1, height - 1) + 1] = true;
        }
        double[] toBackground = DistanceTransform.squared(background, ph, pw, rows);
        double[] toObject = DistanceTransform.squared(objectPadded, ph, pw, rows);

        IntegralImage coverage = new IntegralImage(height, width, 1);
        float[] row = new float[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = object[y * width + x] ? 1 : 0;
            }
            coverage.addRow(y, row);
        }

        int tokens = grid.size();
        double[] u = new double[tokens];
        double[] v = new double[tokens];
        double[] distance = new double[tokens];
        double[] distancePixels = new double[tokens];
        double[][] covered = {new double[tokens], new double[tokens]};
        double[] sum = new double[1];
        for (int i = 0; i < grid.rows(); i++) {
            for (int j = 0; j < grid.cols(); j++) {
                int t = i * grid.cols() + j;
                double ty = grid.centre(i);
                double tx = grid.centre(j);
                u[t] = (tx - cx) / (2 * spreadX);
                v[t] = (ty - cy) / (2 * spreadY);
                double d = bilinearSignedDistance(toBackground, toObject, object, height, width, ty, tx);
                distancePixels[t] = d;
                distance[t] = Math.max(-1, Math.min(1, d / size));
                for (int s = 0; s < COVERAGE_SCALES.length; s++) {
                    int side = COVERAGE_SCALES[s] * grid.stride();
                    int y0 = grid.boxStart(i, side);
                    int x0 = grid.boxStart(j, side);
                    sum[0] = 0;
                    coverage.addBoxSum(y0, x0, y0 + side, x0 + side, 1, sum, 0);
                    covered[s][t] = sum[0] / ((double) side * side);
                }
            }
        }
        return new Measurements(u, v, distance, distancePixels, covered[0], covered[1]);
    }

    /**
     * Signed distance in pixels at a sub-pixel point: per pixel {@code √d_in − ½} inside and {@code −(√d_out − ½)}
     * outside, which puts the outline half-way between an object and a background pixel, then bilinear.
     */
    private static double bilinearSignedDistance(double[] toBackground, double[] toObject, boolean[] object,
                                                 int height, int width, double y, double x) {
        double cy = Math.min(Math.max(y, 0), height - 1);
        double cx = Math.min(Math.max(x, 0), width - 1);
        int y0 = (int) Math.floor(cy);
        int x0 = (int) Math.floor(cx);
        int y1 = Math.min(y0 + 1, height - 1);
        int x1 = Math.min(x0 + 1, width - 1);
        double fy = cy - y0;
        double fx = cx - x0;
        int pw = width + 2;
        double a = signed(toBackground, toObject, object, width, pw, y0, x0);
        double b = signed(toBackground, toObject, object, width, pw, y0, x1);
        double c = signed(toBackground, toObject, object, width, pw, y1, x0);
        double d = signed(toBackground, toObject, object, width, pw, y1, x1);
        return (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * c + fx * d);
    }

    private static double signed(double[] toBackground, double[] toObject, boolean[] object, int width, int pw,
                                 int y, int x) {
        int padded = (y + 1) * pw + x + 1;
        return object[y * width + x] ? Math.sqrt(toBackground[padded]) - 0.5 : -(Math.sqrt(toObject[padded]) - 0.5);
    }

    /** Writes {@code weight ×} the encoded block of every token to {@code out[base + t·tokenStride + …]}. */
    static void describe(ObjectMask mask, TokenGrid grid, double weight, float[] out, int base, int tokenStride) {
        Measurements m = measure(mask, grid);
        if (m == null) {
            return; // no object: the block stays zero
        }
        int axis = POSITION.count();
        double[] ex = new double[axis];
        double[] ey = new double[axis];
        double[] rest = new double[DISTANCE.count() + 2 * COVERAGE.count()];
        double scale = weight / 2; // four unit-norm parts
        for (int t = 0; t < grid.size(); t++) {
            POSITION.encode(m.u()[t], ex, 0);
            POSITION.encode(m.v()[t], ey, 0);
            int o = base + t * tokenStride;
            for (int a = 0; a < axis; a++) {
                for (int b = 0; b < axis; b++) {
                    out[o++] = (float) (ey[a] * ex[b] * scale);
                }
            }
            DISTANCE.encode(m.distance()[t], rest, 0);
            COVERAGE.encode(m.coverageNear()[t], rest, DISTANCE.count());
            COVERAGE.encode(m.coverageFar()[t], rest, DISTANCE.count() + COVERAGE.count());
            for (double r : rest) {
                out[o++] = (float) (r * scale);
            }
        }
    }
}
