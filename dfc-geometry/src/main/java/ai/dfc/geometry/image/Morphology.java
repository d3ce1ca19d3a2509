package ai.dfc.geometry.image;

import ai.dfc.api.image.Mask;

/**
 * Dilation, erosion and closing with a {@code k×k} ones kernel and {@code n} iterations, with the semantics of
 * OpenCV's {@code cv2.dilate / cv2.erode / cv2.morphologyEx(MORPH_CLOSE)} (kernel {@code np.ones((k, k))},
 * default anchor, default border) on {@code uint8}; SPEC §3.9 step 4 and §4.3 step 5.
 *
 * <p><b>Anchor and window.</b> The anchor is {@code (k/2, k/2)} (integer division, so {@code (1, 1)} for
 * {@code k = 2}), and output {@code (row, col)} looks at input {@code (row + i − k/2, col + j − k/2)} for
 * {@code i, j ∈ [0, k)}: for even {@code k} the window reaches further up/left than down/right. Dilation does not
 * mirror the kernel (as OpenCV). {@code n} iterations equal one pass with a
 * {@code (k + (n−1)(k−1))}-square window anchored at {@code n·(k/2)}, which is how OpenCV runs them.
 *
 * <p><b>Borders.</b> Pixels outside the image are ignored (OpenCV's default constant border holds the neutral
 * value), so the border never adds foreground to a dilation nor removes it from an erosion.
 *
 * <p>Works on grey levels (max / min filter); for 0/255 or 0/1 images this is binary morphology. {@code k = 1} or
 * {@code n = 0} returns an equal image. Stateless and thread-safe.
 */
public final class Morphology {
    private Morphology() {
    }

    /**
     * Dilates ({@code max} over the window) {@code iterations} times.
     *
     * @param kernelSize side {@code k ≥ 1} of the square ones kernel
     * @param iterations {@code n ≥ 0}
     * @throws IllegalArgumentException if the image is null or {@code k < 1} or {@code n < 0}
     */
    public static GrayImage dilate(GrayImage image, int kernelSize, int iterations) {
        return apply(image, kernelSize, iterations, true);
    }

    /**
     * Erodes ({@code min} over the window) {@code iterations} times.
     *
     * @param kernelSize side {@code k ≥ 1} of the square ones kernel
     * @param iterations {@code n ≥ 0}
     * @throws IllegalArgumentException if the image is null or {@code k < 1} or {@code n < 0}
     */
    public static GrayImage erode(GrayImage image, int kernelSize, int iterations) {
        return apply(image, kernelSize, iterations, false);
    }

    /**
     * Closing: {@code n} dilations, then {@code n} erosions, with the same kernel and anchor
     * ({@code cv2.morphologyEx(img, MORPH_CLOSE, np.ones((k, k)), iterations=n)}).
     *
     * @throws IllegalArgumentException if the image is null or {@code k < 1} or {@code n < 0}
     */
    public static GrayImage close(GrayImage image, int kernelSize, int iterations) {
        return erode(dilate(image, kernelSize, iterations), kernelSize, iterations);
    }

    /** {@link #dilate(GrayImage, int, int)} of a binary mask. */
    public static Mask dilate(Mask mask, int kernelSize, int iterations) {
        return dilate(GrayImage.fromMask(mask), kernelSize, iterations).toMask();
    }

    /** {@link #erode(GrayImage, int, int)} of a binary mask. */
    public static Mask erode(Mask mask, int kernelSize, int iterations) {
        return erode(GrayImage.fromMask(mask), kernelSize, iterations).toMask();
    }

    /** {@link #close(GrayImage, int, int)} of a binary mask. */
    public static Mask close(Mask mask, int kernelSize, int iterations) {
        return close(GrayImage.fromMask(mask), kernelSize, iterations).toMask();
    }

    private static GrayImage apply(GrayImage image, int kernelSize, int iterations, boolean dilate) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        if (kernelSize < 1) {
            throw new IllegalArgumentException("kernel size must be >= 1, was " + kernelSize);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, was " + iterations);
        }
        if (kernelSize == 1 || iterations == 0) {
            return image;
        }
        int window = kernelSize + (iterations - 1) * (kernelSize - 1);
        int before = iterations * (kernelSize / 2); // window covers [p − before, p − before + window − 1]
        int w = image.width();
        int h = image.height();
        // erosion = inverted dilation of the inverted image, so only a max filter is needed
        int flip = dilate ? 0 : 255;
        int[] values = new int[w * h];
        byte[] src = image.pixels();
        for (int i = 0; i < values.length; i++) {
            values[i] = (src[i] & 0xFF) ^ flip;
        }
        RunningMax rows = new RunningMax(w, window, before);
        for (int y = 0; y < h; y++) {
            rows.apply(values, y * w, 1);
        }
        // a rectangle is separable: rows, then columns
        RunningMax cols = new RunningMax(h, window, before);
        for (int x = 0; x < w; x++) {
            cols.apply(values, x, w);
        }
        byte[] out = new byte[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (values[i] ^ flip);
        }
        return GrayImage.wrap(image.size(), out);
    }

    /**
     * Max over a sliding window along lines of one length (van Herk / Gil-Werman: block-wise prefix and suffix
     * maxima, three comparisons per element whatever the window). The line is padded with 0, the neutral value,
     * which is how pixels outside the image are ignored. Holds scratch buffers: one instance per thread.
     */
    private static final class RunningMax {
        private final int n;
        private final int window;
        private final int before;
        private final int[] padded;
        private final int[] prefix;
        private final int[] suffix;

        RunningMax(int n, int window, int before) {
            this.n = n;
            this.window = window;
            this.before = before;
            int length = n + window - 1;
            this.padded = new int[length];
            this.prefix = new int[length];
            this.suffix = new int[length];
        }

        /** Replaces the {@code n} elements at {@code start + i·step} by their window maxima. */
        void apply(int[] data, int start, int step) {
            int length = padded.length;
            for (int i = 0; i < n; i++) {
                padded[before + i] = data[start + i * step];
            }
            for (int j = 0; j < length; j++) {
                prefix[j] = j % window == 0 ? padded[j] : Math.max(prefix[j - 1], padded[j]);
            }
            for (int j = length - 1; j >= 0; j--) {
                suffix[j] = j == length - 1 || (j + 1) % window == 0 ? padded[j] : Math.max(suffix[j + 1], padded[j]);
            }
            // window [i, i + window − 1] of the padded line spans at most two blocks
            for (int i = 0; i < n; i++) {
                data[start + i * step] = Math.max(suffix[i], prefix[i + window - 1]);
            }
        }
    }
}
