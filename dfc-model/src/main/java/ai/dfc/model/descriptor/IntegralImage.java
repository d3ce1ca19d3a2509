package ai.dfc.model.descriptor;

/**
 * A summed-area table of a {@code height × width} image with {@code channels} interleaved channels, in double
 * precision so that box sums stay exact enough for large images. Any axis-aligned box sum then costs four
 * look-ups per channel whatever its size, which is what makes the multi-scale pooling O(pixels).
 */
final class IntegralImage {
    private final int height;
    private final int width;
    private final int channels;
    private final double[] table; // [(height + 1)][(width + 1)][channels], row 0 and column 0 zero
    private final double[] running;

    IntegralImage(int height, int width, int channels) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.table = new double[(height + 1) * (width + 1) * channels];
        this.running = new double[channels];
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    /** Adds image row {@code y}, given as {@code width × channels} interleaved values; rows must come in order. */
    void addRow(int y, float[] values) {
        int rowLength = (width + 1) * channels;
        int previous = y * rowLength + channels;
        int current = previous + rowLength;
        java.util.Arrays.fill(running, 0);
        for (int x = 0, v = 0; x < width; x++) {
            for (int c = 0; c < channels; c++, v++) {
                running[c] += values[v];
                table[current + v] = table[previous + v] + running[c];
            }
        }
    }

    /** As {@link #addRow(int, float[])}, the row read from {@code values[offset …]}. */
    void addRow(int y, double[] values, int offset) {
        int rowLength = (width + 1) * channels;
        int previous = y * rowLength + channels;
        int current = previous + rowLength;
        java.util.Arrays.fill(running, 0);
        for (int x = 0, v = 0; x < width; x++) {
            for (int c = 0; c < channels; c++, v++) {
                running[c] += values[offset + v];
                table[current + v] = table[previous + v] + running[c];
            }
        }
    }

    /**
     * Adds {@code weight ×} the per-channel sums over the pixels {@code [y0, y1) × [x0, x1)}, clipped to the image
     * (pixels outside count as zero), to {@code out[offset … offset + channels)}.
     */
    void addBoxSum(int y0, int x0, int y1, int x1, double weight, double[] out, int offset) {
        int ya = clamp(y0, height);
        int yb = clamp(y1, height);
        int xa = clamp(x0, width);
        int xb = clamp(x1, width);
        if (ya >= yb || xa >= xb) {
            return;
        }
        int rowLength = (width + 1) * channels;
        int a = ya * rowLength + xa * channels;
        int b = ya * rowLength + xb * channels;
        int c = yb * rowLength + xa * channels;
        int d = yb * rowLength + xb * channels;
        for (int k = 0; k < channels; k++) {
            out[offset + k] += weight * (table[d + k] - table[b + k] - table[c + k] + table[a + k]);
        }
    }

    /** Number of pixels of {@code [y0, y1) × [x0, x1)} inside the image. */
    int clippedArea(int y0, int x0, int y1, int x1) {
        return Math.max(0, clamp(y1, height) - clamp(y0, height)) * Math.max(0, clamp(x1, width) - clamp(x0, width));
    }

    private static int clamp(int v, int n) {
        return Math.min(Math.max(v, 0), n);
    }
}
