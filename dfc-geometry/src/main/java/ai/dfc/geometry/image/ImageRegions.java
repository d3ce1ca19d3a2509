package ai.dfc.geometry.image;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;

/**
 * Padding, cropping and compositing with PIL semantics ({@code ImageOps.expand}, {@code Image.crop}), the steps
 * of the reference's 224 crop (SPEC §3.10) before resizing.
 *
 * <p>Boxes are {@code [x0, y0, x1, y1]} in pixels with {@code x = col}, {@code y = row}, half-open like PIL's
 * crop box: the crop holds columns {@code x0 … x1−1} and rows {@code y0 … y1−1}, and may reach outside the image,
 * whose missing pixels are 0 (black for RGB). RGB colours are packed {@code 0xRRGGBB}. Stateless and
 * thread-safe.
 */
public final class ImageRegions {
    /** {@code 0xRRGGBB} white, the reference's background and RGB padding colour. */
    public static final int WHITE = 0xFFFFFF;

    private ImageRegions() {
    }

    /**
     * Pads {@code border} pixels of {@code fill} on all four sides ({@code ImageOps.expand(img, border, fill)}).
     *
     * @throws IllegalArgumentException if the image is null, {@code border < 0} or {@code fill} is outside 0–255
     */
    public static GrayImage pad(GrayImage image, int border, int fill) {
        requireNonNull(image);
        byte fillByte = GrayImage.toByte(fill);
        ImageSize size = paddedSize(image.size(), border);
        byte[] out = crop(image.pixels(), image.width(), image.height(), 1, -border, -border, size,
                new byte[] {fillByte});
        return GrayImage.wrap(size, out);
    }

    /**
     * Pads {@code border} pixels of colour {@code fillRgb} ({@code 0xRRGGBB}) on all four sides.
     *
     * @throws IllegalArgumentException if the image is null or {@code border < 0}
     */
    public static RgbImage pad(RgbImage image, int border, int fillRgb) {
        requireNonNull(image);
        ImageSize size = paddedSize(image.size(), border);
        byte[] fill = {(byte) (fillRgb >> 16), (byte) (fillRgb >> 8), (byte) fillRgb};
        byte[] out = crop(image.toBytes(), image.width(), image.height(), 3, -border, -border, size, fill);
        return new RgbImage(size, out);
    }

    /**
     * Crops the box {@code [x0, y0, x1, y1)} ({@code Image.crop}); pixels outside the image are 0.
     *
     * @throws IllegalArgumentException if the image is null, {@code x1 <= x0} or {@code y1 <= y0}
     */
    public static GrayImage crop(GrayImage image, int x0, int y0, int x1, int y1) {
        requireNonNull(image);
        ImageSize size = boxSize(x0, y0, x1, y1);
        return GrayImage.wrap(size, crop(image.pixels(), image.width(), image.height(), 1, x0, y0, size, new byte[1]));
    }

    /**
     * Crops the box {@code [x0, y0, x1, y1)} ({@code Image.crop}); pixels outside the image are black.
     *
     * @throws IllegalArgumentException if the image is null, {@code x1 <= x0} or {@code y1 <= y0}
     */
    public static RgbImage crop(RgbImage image, int x0, int y0, int x1, int y1) {
        requireNonNull(image);
        ImageSize size = boxSize(x0, y0, x1, y1);
        return new RgbImage(size, crop(image.toBytes(), image.width(), image.height(), 3, x0, y0, size, new byte[3]));
    }

    /**
     * Composites an image onto a plain background through a mask: {@code rgb·m + background·(1 − m)} with
     * {@code m} the 0/1 mask, i.e. foreground pixels kept and the others replaced (SPEC §3.10 step 1 with white).
     *
     * @throws IllegalArgumentException if an argument is null or the sizes differ
     */
    public static RgbImage composite(RgbImage image, Mask mask, int backgroundRgb) {
        requireNonNull(image);
        requireNonNull(mask);
        if (!image.size().equals(mask.size())) {
            throw new IllegalArgumentException("mask size " + mask.size() + " differs from image size " + image.size());
        }
        byte[] out = RgbImage.filled(image.size(), backgroundRgb).toBytes();
        byte[] src = image.toBytes();
        for (int i : mask.flatIndices()) {
            System.arraycopy(src, 3 * i, out, 3 * i, 3);
        }
        return new RgbImage(image.size(), out);
    }

    private static void requireNonNull(Object imageOrMask) {
        if (imageOrMask == null) {
            throw new IllegalArgumentException("image and mask arguments must not be null");
        }
    }

    private static ImageSize paddedSize(ImageSize size, int border) {
        if (border < 0) {
            throw new IllegalArgumentException("border must be >= 0, was " + border);
        }
        return new ImageSize(size.width() + 2 * border, size.height() + 2 * border);
    }

    private static ImageSize boxSize(int x0, int y0, int x1, int y1) {
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("crop box [" + x0 + ", " + y0 + ", " + x1 + ", " + y1
                    + "] must have x0 < x1 and y0 < y1");
        }
        return new ImageSize(x1 - x0, y1 - y0);
    }

    /** The {@code size} window at {@code (x0, y0)} of interleaved pixels; {@code fill} (one pixel) outside. */
    private static byte[] crop(byte[] src, int width, int height, int channels, int x0, int y0, ImageSize size,
            byte[] fill) {
        int outWidth = size.width();
        byte[] out = new byte[size.area() * channels];
        for (int y = 0; y < size.height(); y++) {
            int sy = y + y0;
            for (int x = 0; x < outWidth; x++) {
                int sx = x + x0;
                int o = (y * outWidth + x) * channels;
                if (sy >= 0 && sy < height && sx >= 0 && sx < width) {
                    System.arraycopy(src, (sy * width + sx) * channels, out, o, channels);
                } else {
                    System.arraycopy(fill, 0, out, o, channels);
                }
            }
        }
        return out;
    }
}
