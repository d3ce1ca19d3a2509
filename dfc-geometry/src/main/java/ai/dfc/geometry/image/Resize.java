package ai.dfc.geometry.image;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;

/**
 * Image resizing with PIL's {@code Image.resize(size, filter)} semantics, so that DFC's 224-px images, masks and
 * labels match the reference's (SPEC §3.10).
 *
 * <p><b>Convolution filters</b> ({@link ResampleFilter#BICUBIC}, {@link ResampleFilter#LANCZOS}): separable, the
 * horizontal pass first, then the vertical pass on the 8-bit result of the first, a pass being skipped when its
 * dimension keeps its size. Output pixel {@code i} of a dimension scaled by {@code s = in/out} is centred at
 * input coordinate {@code (i + 0.5)·s} (pixel {@code j} covers {@code [j, j + 1)}); when shrinking, the filter
 * support is widened by {@code s} (antialiasing). As in PIL, the taps are normalized to sum 1, quantized to
 * 22-bit fixed point (round half away from zero), accumulated in {@code int} with a rounding offset of one half,
 * and the result is shifted down (floor) and clamped to 0–255. The taps use {@link StrictMath#sin}, so results
 * are the same on every JVM; against PIL they are observed to be identical (see the parity tests), and a tap
 * differing in its last bit could at worst move a pixel by one grey level.
 *
 * <p><b>Nearest</b> ({@link ResampleFilter#NEAREST}): PIL's scaling affine transform: output column {@code x}
 * reads input column {@code floor(x_pos)} where {@code x_pos} starts at {@code s/2} and is accumulated by adding
 * {@code s} in double precision (exactly as PIL, whose accumulated rounding decides ties).
 *
 * <p>Resizing to the same size returns an equal image (PIL copies). Channels of RGB images are resampled
 * independently with the same taps. Stateless and thread-safe.
 */
public final class Resize {
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private Resize() {
    }

    /**
     * Resizes a grey image.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static GrayImage resize(GrayImage image, ImageSize size, ResampleFilter filter) {
        checkArgs(image, size, filter);
        byte[] out = resize(image.pixels(), image.width(), image.height(), 1, size.width(), size.height(), filter);
        return GrayImage.wrap(size, out);
    }

    /**
     * Resizes an RGB image, each channel independently.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static RgbImage resize(RgbImage image, ImageSize size, ResampleFilter filter) {
        checkArgs(image, size, filter);
        byte[] out = resize(image.toBytes(), image.width(), image.height(), 3, size.width(), size.height(), filter);
        return new RgbImage(size, out);
    }

    /**
     * Resizes a mask with {@link ResampleFilter#NEAREST} (the only filter that keeps a mask binary).
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static Mask resizeNearest(Mask mask, ImageSize size) {
        checkArgs(mask, size, ResampleFilter.NEAREST);
        ImageSize in = mask.size();
        byte[] out = resize(mask.toBytes(), in.width(), in.height(), 1, size.width(), size.height(),
                ResampleFilter.NEAREST);
        return Mask.fromBytes(size, out);
    }

    private static void checkArgs(Object image, ImageSize size, ResampleFilter filter) {
        if (image == null || size == null || filter == null) {
            throw new IllegalArgumentException("image, size and filter must not be null");
        }
    }

    /** Resizes interleaved 8-bit pixels ({@code channels} per pixel, row-major). Never returns {@code src}. */
    static byte[] resize(byte[] src, int width, int height, int channels, int outWidth, int outHeight,
            ResampleFilter filter) {
        if (width == outWidth && height == outHeight) {
            return src.clone();
        }
        if (filter == ResampleFilter.NEAREST) {
            return nearest(src, width, height, channels, outWidth, outHeight);
        }
        byte[] current = src;
        int currentWidth = width;
        if (outWidth != width) {
            current = horizontalPass(current, width, height, channels, taps(width, outWidth, filter));
            currentWidth = outWidth;
        }
        if (outHeight != height) {
            current = verticalPass(current, currentWidth, height, channels, taps(height, outHeight, filter));
        }
        return current == src ? src.clone() : current;
    }

    /** For each output index: the first input index, the tap count and the fixed-point taps. */
    private record Taps(int[] first, int[] count, int[][] weights) {
    }

    private static Taps taps(int inSize, int outSize, ResampleFilter filter) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support() * filterScale;
        double inverseScale = 1.0 / filterScale;
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        int[][] weights = new int[outSize][];
        double[] w = new double[(int) Math.ceil(support) * 2 + 1];
        for (int i = 0; i < outSize; i++) {
            double centre = (i + 0.5) * scale;
            // (int) truncates toward zero like PIL's C cast; the clamps make the sign irrelevant
            int lo = Math.max(0, (int) (centre - support + 0.5));
            int hi = Math.min(inSize, (int) (centre + support + 0.5));
            int n = hi - lo;
            double sum = 0.0;
            for (int k = 0; k < n; k++) {
                w[k] = filter.weight((k + lo - centre + 0.5) * inverseScale);
                sum += w[k];
            }
            int[] fixed = new int[n];
            for (int k = 0; k < n; k++) {
                double normalized = sum != 0.0 ? w[k] / sum : w[k];
                double scaled = normalized * (1 << PRECISION_BITS);
                fixed[k] = (int) (normalized < 0 ? scaled - 0.5 : scaled + 0.5);
            }
            first[i] = lo;
            count[i] = n;
            weights[i] = fixed;
        }
        return new Taps(first, count, weights);
    }

    private static byte[] horizontalPass(byte[] src, int width, int height, int channels, Taps taps) {
        int outWidth = taps.first().length;
        byte[] out = new byte[outWidth * height * channels];
        for (int y = 0; y < height; y++) {
            int rowIn = y * width * channels;
            int rowOut = y * outWidth * channels;
            for (int x = 0; x < outWidth; x++) {
                int[] k = taps.weights()[x];
                int base = rowIn + taps.first()[x] * channels;
                for (int c = 0; c < channels; c++) {
                    int acc = 1 << (PRECISION_BITS - 1);
                    for (int t = 0; t < taps.count()[x]; t++) {
                        acc += (src[base + t * channels + c] & 0xFF) * k[t];
                    }
                    out[rowOut + x * channels + c] = clip8(acc);
                }
            }
        }
        return out;
    }

    private static byte[] verticalPass(byte[] src, int width, int height, int channels, Taps taps) {
        int outHeight = taps.first().length;
        int stride = width * channels;
        byte[] out = new byte[stride * outHeight];
        for (int y = 0; y < outHeight; y++) {
            int[] k = taps.weights()[y];
            int base = taps.first()[y] * stride;
            for (int i = 0; i < stride; i++) {
                int acc = 1 << (PRECISION_BITS - 1);
                for (int t = 0; t < taps.count()[y]; t++) {
                    acc += (src[base + t * stride + i] & 0xFF) * k[t];
                }
                out[y * stride + i] = clip8(acc);
            }
        }
        return out;
    }

    private static byte clip8(int acc) {
        // arithmetic shift = floor, as PIL's clip8 lookup
        int v = acc >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    private static byte[] nearest(byte[] src, int width, int height, int channels, int outWidth, int outHeight) {
        int[] columns = nearestIndices(width, outWidth);
        int[] rows = nearestIndices(height, outHeight);
        byte[] out = new byte[outWidth * outHeight * channels];
        for (int y = 0; y < outHeight; y++) {
            if (rows[y] < 0) {
                continue;
            }
            for (int x = 0; x < outWidth; x++) {
                if (columns[x] < 0) {
                    continue;
                }
                System.arraycopy(src, (rows[y] * width + columns[x]) * channels, out, (y * outWidth + x) * channels,
                        channels);
            }
        }
        return out;
    }

    /** PIL's pretabulated source positions; -1 where the position falls outside (PIL leaves those 0). */
    private static int[] nearestIndices(int inSize, int outSize) {
        double step = (double) inSize / outSize;
        double pos = step * 0.5;
        int[] index = new int[outSize];
        for (int i = 0; i < outSize; i++) {
            int in = pos < 0.0 ? -1 : (int) pos;
            index[i] = in < inSize ? in : -1;
            // accumulated, not (i + 0.5)·step: PIL's rounding, which decides exact ties
            pos += step;
        }
        return index;
    }
}
