package ai.dfc.model.descriptor;

/**
 * Gaussian smoothing of a float image, separable, truncated at {@code ⌈3σ⌉}, with the edge pixels repeated
 * beyond the border (so a uniform background stays exactly uniform up to the border). Stateless.
 */
final class SeparableGaussian {
    private SeparableGaussian() {
    }

    /** Normalized taps {@code k[0 … 2r]} for {@code σ > 0}, {@code r = ⌈3σ⌉}. */
    static float[] kernel(double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        double[] values = new double[k.length];
        for (int t = -r; t <= r; t++) {
            values[t + r] = Math.exp(-t * t / (2 * sigma * sigma));
            sum += values[t + r];
        }
        for (int t = 0; t < k.length; t++) {
            k[t] = (float) (values[t] / sum);
        }
        return k;
    }

    /**
     * Smooths {@code src} ({@code height × width}, row-major) into a new array; {@code σ} below 0.3 px copies
     * (such a kernel is a near-identity anyway).
     */
    static float[] smooth(float[] src, int height, int width, double sigma) {
        if (sigma < 0.3) {
            return src.clone();
        }
        float[] k = kernel(sigma);
        int r = k.length / 2;
        float[] horizontal = new float[height * width];
        float[] padded = new float[width + 2 * r];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            // the row with its edge pixels repeated r times on either side, so the taps need no bounds checks
            java.util.Arrays.fill(padded, 0, r, src[row]);
            System.arraycopy(src, row, padded, r, width);
            java.util.Arrays.fill(padded, r + width, width + 2 * r, src[row + width - 1]);
            for (int t = 0; t < k.length; t++) {
                float tap = k[t];
                // innermost loop over x: contiguous, vectorizable
                for (int x = 0; x < width; x++) {
                    horizontal[row + x] += tap * padded[x + t];
                }
            }
        }
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int t = 0; t < k.length; t++) {
                int source = Math.min(Math.max(y + t - r, 0), height - 1) * width;
                float tap = k[t];
                // innermost loop over x: contiguous, vectorizable
                for (int x = 0; x < width; x++) {
                    out[row + x] += tap * horizontal[source + x];
                }
            }
        }
        return out;
    }
}
