package ai.dfc.model.dinov2;

/**
 * DINOv2's positional-embedding resize for an input grid other than the pretraining grid: the {@code M×M} patch
 * embeddings are resized to {@code h×w} with PyTorch's {@code F.interpolate(mode="bicubic", align_corners=False)}
 * called with {@code scale_factor = ((h + 0.1) / M, (w + 0.1) / M)} (no antialias). PyTorch maps output index
 * {@code i} to source coordinate {@code (i + 0.5) / s − 0.5} with the <em>given</em> scale {@code s}, not
 * {@code h / M}, so the +0.1 shifts every sample slightly; reproducing it is what makes the features match
 * (SPEC §5.1). Cubic convolution with {@code A = −0.75}, source indices clamped at the border, weights in float32 as
 * PyTorch computes them. Rows are scaled by the height factor and columns by the width factor (the orientation of
 * Hugging Face's port; torch-hub's code swaps the two for non-square inputs, which the reference never feeds).
 * Written by hand: ND4J's resize ops do not take a separate coordinate scale.
 */
public final class PositionEmbedding {
    private static final float A = -0.75f;

    private PositionEmbedding() {
    }

    /**
     * @param grid     patch embeddings, row-major {@code [M·M][C]} flattened as {@code grid[(r·M + c)·C + ch]}
     * @param m        side of the source grid
     * @param channels C
     * @param h        output rows
     * @param w        output columns
     * @param squareInput whether the input image is square in pixels
     * @return row-major {@code [h·w][C]}; {@code grid} itself (copied) when {@code h == w == M} and the input is
     *         square — DINOv2 skips the resize only then, so e.g. an 84×90 input (6×6 patches of an M = 6 grid) is
     *         still resampled with scale 6.1 / 6
     */
    public static float[] resize(float[] grid, int m, int channels, int h, int w, boolean squareInput) {
        if (grid.length != m * m * channels) {
            throw new IllegalArgumentException("grid has " + grid.length + " values, expected " + m + "x" + m + "x" + channels);
        }
        if (h == m && w == m && squareInput) {
            return grid.clone();
        }
        Axis rows = new Axis(m, h);
        Axis cols = new Axis(m, w);
        float[] out = new float[h * w * channels];
        float[] rowMix = new float[m * channels];
        for (int i = 0; i < h; i++) {
            // vertical pass for output row i: one interpolated source row of M columns
            java.util.Arrays.fill(rowMix, 0f);
            for (int k = 0; k < 4; k++) {
                int src = rows.index[i * 4 + k];
                float wt = rows.weight[i * 4 + k];
                for (int c = 0; c < m; c++) {
                    int from = (src * m + c) * channels;
                    int to = c * channels;
                    for (int ch = 0; ch < channels; ch++) {
                        rowMix[to + ch] += wt * grid[from + ch];
                    }
                }
            }
            for (int j = 0; j < w; j++) {
                int to = (i * w + j) * channels;
                for (int k = 0; k < 4; k++) {
                    int from = cols.index[j * 4 + k] * channels;
                    float wt = cols.weight[j * 4 + k];
                    for (int ch = 0; ch < channels; ch++) {
                        out[to + ch] += wt * rowMix[from + ch];
                    }
                }
            }
        }
        return out;
    }

    /** The four source indices (clamped) and weights of every output index along one axis. */
    private static final class Axis {
        final int[] index;
        final float[] weight;

        Axis(int in, int out) {
            double scaleFactor = (out + 0.1) / in;
            if ((int) Math.floor(in * scaleFactor) != out) {
                throw new IllegalStateException("scale " + scaleFactor + " does not give " + out + " outputs");
            }
            float scale = (float) (1.0 / scaleFactor); // PyTorch: area_pixel_compute_scale with a given scale
            index = new int[out * 4];
            weight = new float[out * 4];
            for (int i = 0; i < out; i++) {
                float real = scale * (i + 0.5f) - 0.5f;
                int base = (int) Math.floor(real);
                float t = real - base;
                float[] wts = {
                    cubic2(t + 1f), cubic1(t), cubic1(1f - t), cubic2(2f - t)
                };
                for (int k = 0; k < 4; k++) {
                    index[i * 4 + k] = Math.min(Math.max(base - 1 + k, 0), in - 1);
                    weight[i * 4 + k] = wts[k];
                }
            }
        }

        /** Cubic convolution kernel for |x| ≤ 1. */
        private static float cubic1(float x) {
            return ((A + 2) * x - (A + 3)) * x * x + 1;
        }

        /** Cubic convolution kernel for 1 < |x| < 2. */
        private static float cubic2(float x) {
            return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
        }
    }
}
