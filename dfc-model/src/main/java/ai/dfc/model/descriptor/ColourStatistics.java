package ai.dfc.model.descriptor;

/**
 * The colour block: the mean colour around each token at three scales, in a centred opponent colour space.
 *
 * <p>Per pixel, from sRGB values in [0, 1] (no linearization): luminance {@code l = 2·(R + G + B)/3 − 1},
 * red–green {@code rg = R − G}, yellow–blue {@code yb = (R + G)/2 − B}, each in [−1, 1]; grey is {@code rg = yb = 0}.
 * Per token and scale, the means over a box of {@code stride}, {@code 2·stride} and {@code 4·stride} pixels centred
 * on the token (pixels outside the image left out of the mean) become {@code (l, rg, yb, 1) / ‖(l, rg, yb, 1)‖}.
 *
 * <p>Why the constant 1: it keeps the magnitude of the colour under cosine similarity (black and dark grey would
 * otherwise be the same direction) and never leaves a zero vector; the cosine of two such vectors is 1 for equal
 * colours and falls with the colour difference. Channel layout, 4 per scale: {@code [l, rg, yb, 1]} for the
 * token cell, then 2×, then 4×; the block, 12 channels, is divided by √3 so it has unit norm.
 */
final class ColourStatistics {
    /** Box sides in strides, innermost first. */
    private static final int[] SCALES = {1, 2, 4};
    static final int CHANNELS = 4 * SCALES.length;

    private ColourStatistics() {
    }

    /**
     * Writes {@code weight ×} the block of every token to {@code out[base + t·tokenStride + …]}.
     *
     * @param rgb channel-first planes, R at {@code offset}
     */
    static void describe(float[] rgb, int offset, int height, int width, TokenGrid grid, double weight, float[] out,
                         int base, int tokenStride) {
        int plane = height * width;
        IntegralImage integral = new IntegralImage(height, width, 3);
        float[] row = new float[3 * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = offset + y * width + x;
                float r = rgb[p];
                float g = rgb[p + plane];
                float b = rgb[p + 2 * plane];
                row[3 * x] = 2 * (r + g + b) / 3 - 1;
                row[3 * x + 1] = r - g;
                row[3 * x + 2] = (r + g) / 2 - b;
            }
            integral.addRow(y, row);
        }
        double[] mean = new double[3];
        double blockScale = weight / Math.sqrt(SCALES.length);
        for (int i = 0; i < grid.rows(); i++) {
            for (int j = 0; j < grid.cols(); j++) {
                int t = base + (i * grid.cols() + j) * tokenStride;
                for (int s = 0; s < SCALES.length; s++) {
                    int side = SCALES[s] * grid.stride();
                    int y0 = grid.boxStart(i, side);
                    int x0 = grid.boxStart(j, side);
                    java.util.Arrays.fill(mean, 0);
                    // the box always holds its token's own cell, so the clipped area is > 0
                    double area = integral.clippedArea(y0, x0, y0 + side, x0 + side);
                    integral.addBoxSum(y0, x0, y0 + side, x0 + side, 1 / area, mean, 0);
                    double scale = blockScale / Math.sqrt(mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2] + 1);
                    out[t + 4 * s] = (float) (mean[0] * scale);
                    out[t + 4 * s + 1] = (float) (mean[1] * scale);
                    out[t + 4 * s + 2] = (float) (mean[2] * scale);
                    out[t + 4 * s + 3] = (float) scale;
                }
            }
        }
    }
}
