package ai.dfc.geometry.image;

/**
 * Gaussian blur of 8-bit images with the semantics of OpenCV's {@code cv2.GaussianBlur(src, (k, k), sigma)} on
 * {@code uint8} (OpenCV 4.x's bit-exact fixed-point path; checked against OpenCV 4.6, the reference used 4.10), as
 * the reference's pseudo-label binarization uses it (SPEC §3.9: {@code k = 3} for edge parts, {@code k = 11}
 * otherwise, {@code sigma = 0}).
 *
 * <p><b>Kernel.</b> The 1-D kernel is quantized to 8 fractional bits and sums to exactly 256. With
 * {@code sigma ≤ 0} and {@code k ≤ 9}, OpenCV uses fixed binomial-like tables (so {@code k = 3} is
 * {@code [64, 128, 64]/256}, not a sampled Gaussian of σ = 0.8); otherwise the Gaussian is sampled with
 * {@code sigma}, or with {@code σ = 0.3·((k−1)/2 − 1) + 0.8 = 0.15·k + 0.35} when {@code sigma ≤ 0}
 * ({@code k = 11} → σ = 2.0), normalized in double precision, and quantized by OpenCV's error diffusion (outer taps
 * rounded half-to-even while carrying the rounding error inwards, centre tap = 256 minus the others).
 *
 * <p><b>Filtering.</b> Horizontal then vertical with the same kernel; both passes are exact integer sums, and the
 * result is {@code (Σ_i k_i Σ_j k_j p + 2^15) >> 16}, i.e. rounded half up. Borders are
 * {@code BORDER_REFLECT_101} ({@code … 2 1 | 0 1 2 … n−2 n−1 | n−2 n−3 …}, repeated for kernels wider than the
 * image; a 1-pixel dimension is constant). Stateless and thread-safe.
 */
public final class GaussianBlur {
    private static final int[][] SMALL_KERNELS = {
        {256},
        {64, 128, 64},
        {16, 64, 96, 64, 16},
        {8, 28, 56, 72, 56, 28, 8},
        {4, 13, 30, 51, 60, 51, 30, 13, 4},
    };

    private GaussianBlur() {
    }

    /**
     * Blurs with sigma derived from the kernel size, as {@code cv2.GaussianBlur(src, (k, k), 0)}.
     *
     * @param kernelSize odd, ≥ 1
     * @throws IllegalArgumentException if the image is null or the kernel size is not odd and positive
     */
    public static GrayImage blur(GrayImage image, int kernelSize) {
        return blur(image, kernelSize, 0.0);
    }

    /**
     * Blurs as {@code cv2.GaussianBlur(src, (k, k), sigma)}.
     *
     * @param kernelSize odd, ≥ 1
     * @param sigma      standard deviation in pixels; {@code ≤ 0} derives it from the kernel size (see class doc)
     * @throws IllegalArgumentException if the image is null, the kernel size is not odd and positive, or sigma is
     *                                  not finite
     */
    public static GrayImage blur(GrayImage image, int kernelSize, double sigma) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        int[] k = fixedPointKernel(kernelSize, sigma);
        int w = image.width();
        int h = image.height();
        int r = kernelSize / 2;
        byte[] src = image.pixels();
        // horizontal pass: exact sums in units of 1/256 (≤ 65280, as OpenCV's ufixedpoint16)
        int[] rows = new int[w * h];
        int[] colIndex = reflectedIndices(w, r);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int acc = 0;
                for (int t = 0; t < kernelSize; t++) {
                    acc += k[t] * (src[row + colIndex[x + t]] & 0xFF);
                }
                rows[row + x] = acc;
            }
        }
        // vertical pass: units of 1/65536, then round half up to 8 bits
        byte[] out = new byte[w * h];
        int[] rowIndex = reflectedIndices(h, r);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int acc = 0;
                for (int t = 0; t < kernelSize; t++) {
                    acc += k[t] * rows[rowIndex[y + t] * w + x];
                }
                out[y * w + x] = (byte) Math.min(255, (acc + (1 << 15)) >> 16);
            }
        }
        return GrayImage.wrap(image.size(), out);
    }

    /**
     * OpenCV's 8-bit fixed-point Gaussian kernel (taps in units of 1/256, summing to 256), see the class doc.
     *
     * @param kernelSize odd, ≥ 1
     * @param sigma      standard deviation; {@code ≤ 0} derives it from the kernel size
     * @throws IllegalArgumentException if the kernel size is not odd and positive or sigma is not finite
     */
    public static int[] fixedPointKernel(int kernelSize, double sigma) {
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            throw new IllegalArgumentException("Gaussian kernel size must be odd and positive, was " + kernelSize);
        }
        if (!Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite, was " + sigma);
        }
        if (sigma <= 0 && kernelSize <= 9) {
            return SMALL_KERNELS[kernelSize / 2].clone();
        }
        // fma: OpenCV computes n·0.15 + 0.35 with a fused multiply-add
        double s = sigma > 0 ? sigma : Math.fma(kernelSize, 0.15, 0.35);
        double scale2 = -0.5 * 0.25 / (s * s); // x runs over even numbers 2·(i − centre), hence the 1/4
        int half = kernelSize / 2;
        double[] values = new double[half];
        double sum = 0.0;
        for (int i = 0, x = 1 - kernelSize; i < half; i++, x += 2) {
            values[i] = StrictMath.exp((double) (x * x) * scale2);
            sum += values[i];
        }
        sum = sum * 2 + 1.0; // mirrored half plus the centre tap exp(0)
        double norm = 1.0 / sum;
        int[] kernel = new int[kernelSize];
        double error = 0.0;
        int outer = 0;
        for (int i = 0; i < half; i++) {
            double adjusted = values[i] * norm * 256 + error;
            int v = (int) Math.rint(adjusted);
            error = adjusted - v;
            kernel[i] = v;
            kernel[kernelSize - 1 - i] = v;
            outer += v;
        }
        kernel[half] = 256 - 2 * outer;
        return kernel;
    }

    /**
     * Source index for padded position {@code p} ({@code p − radius} in image coordinates), reflect-101, for
     * {@code p} in {@code [0, n + 2·radius)}.
     */
    private static int[] reflectedIndices(int n, int radius) {
        int[] index = new int[n + 2 * radius];
        for (int p = 0; p < index.length; p++) {
            index[p] = reflect101(p - radius, n);
        }
        return index;
    }

    /** OpenCV's {@code borderInterpolate(i, n, BORDER_REFLECT_101)}. */
    static int reflect101(int i, int n) {
        if (n == 1) {
            return 0;
        }
        while (i < 0 || i >= n) {
            i = i < 0 ? -i : 2 * (n - 1) - i;
        }
        return i;
    }
}
