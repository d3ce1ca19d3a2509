package ai.dfc.geometry.image;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * An immutable 8-bit single-channel image (grey levels 0–255): heat maps, pseudo labels and masks stored as
 * 0/255, the {@code uint8} arrays the reference handles with OpenCV and PIL mode {@code "L"}.
 *
 * <p>Layout: one byte per pixel, row-major, index {@code row·width + col} ({@code x = col}, {@code y = row}).
 * Bytes are read as unsigned. Instances are immutable and therefore thread-safe; every method that returns
 * pixels returns a copy.
 */
public final class GrayImage {
    private final ImageSize size;
    private final byte[] pixels;

    /**
     * @param size   the image size
     * @param pixels {@code width·height} bytes, row-major, read as unsigned 0–255; copied
     * @throws IllegalArgumentException if an argument is null or the length does not match the size
     */
    public GrayImage(ImageSize size, byte[] pixels) {
        this(checked(size, pixels).clone(), size);
    }

    /** Takes ownership of {@code pixels} without copying; for this package's operations only. */
    private GrayImage(byte[] pixels, ImageSize size) {
        this.size = size;
        this.pixels = pixels;
    }

    private static byte[] checked(ImageSize size, byte[] pixels) {
        if (size == null || pixels == null) {
            throw new IllegalArgumentException("size and pixels must not be null");
        }
        if (pixels.length != size.area()) {
            throw new IllegalArgumentException("expected " + size.area() + " bytes for a " + size
                    + " grey image, got " + pixels.length);
        }
        return pixels;
    }

    /** Wraps an array this package has just filled and will not touch again (no copy). */
    static GrayImage wrap(ImageSize size, byte[] pixels) {
        return new GrayImage(checked(size, pixels), size);
    }

    /**
     * An image of one grey level.
     *
     * @throws IllegalArgumentException if {@code value} is outside 0–255
     */
    public static GrayImage filled(ImageSize size, int value) {
        byte[] data = new byte[size.area()];
        Arrays.fill(data, toByte(value));
        return wrap(size, data);
    }

    /** A mask as a 0/255 image (foreground 255), the form the reference writes masks to PNG in. */
    public static GrayImage fromMask(Mask mask) {
        return fromMask(mask, 255);
    }

    /**
     * A mask as an image with {@code foreground} on foreground pixels and 0 elsewhere.
     *
     * @throws IllegalArgumentException if {@code foreground} is outside 0–255
     */
    public static GrayImage fromMask(Mask mask, int foreground) {
        byte fg = toByte(foreground);
        byte[] data = new byte[mask.size().area()];
        for (int i : mask.flatIndices()) {
            data[i] = fg;
        }
        return wrap(mask.size(), data);
    }

    /** The image size. */
    public ImageSize size() {
        return size;
    }

    /** Number of columns. */
    public int width() {
        return size.width();
    }

    /** Number of rows. */
    public int height() {
        return size.height();
    }

    /**
     * The grey level at {@code (row, col)}, 0–255.
     *
     * @throws IndexOutOfBoundsException if the pixel lies outside the image
     */
    public int get(int row, int col) {
        if (!size.contains(row, col)) {
            throw new IndexOutOfBoundsException("pixel (row " + row + ", col " + col + ") outside " + size);
        }
        return pixels[row * size.width() + col] & 0xFF;
    }

    /** A copy of the bytes, row-major (read them as unsigned). */
    public byte[] toBytes() {
        return pixels.clone();
    }

    /** The pixels as ints 0–255, row-major. */
    public int[] toInts() {
        int[] out = new int[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pixels[i] & 0xFF;
        }
        return out;
    }

    /** The non-zero pixels as a mask (so 0/1 and 0/255 images both convert). */
    public Mask toMask() {
        return Mask.fromBytes(size, pixels);
    }

    /**
     * OpenCV {@code THRESH_BINARY} with {@code maxval = 255}: pixels {@code > threshold} become 255, the others 0.
     * The reference's "binarize at 128 ({@code ≥ 128 → 255})" is {@code thresholded(127)}.
     *
     * @param threshold any int; below 0 everything becomes 255, from 255 on everything becomes 0
     */
    public GrayImage thresholded(int threshold) {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[i] & 0xFF) > threshold ? (byte) 255 : 0;
        }
        return wrap(size, out);
    }

    /**
     * This image multiplied by a 0/1 mask: pixels outside the mask become 0 (the reference's
     * {@code label · mask}).
     *
     * @throws IllegalArgumentException if the sizes differ
     */
    public GrayImage masked(Mask mask) {
        if (!size.equals(mask.size())) {
            throw new IllegalArgumentException("mask size " + mask.size() + " differs from image size " + size);
        }
        byte[] out = new byte[pixels.length];
        for (int i : mask.flatIndices()) {
            out[i] = pixels[i];
        }
        return wrap(size, out);
    }

    /**
     * Applies {@code f} to every grey level (e.g. the reference's floor {@code a[a < 64] = 64} is
     * {@code map(v -> Math.max(v, 64))}).
     *
     * @throws IllegalArgumentException if {@code f} returns a value outside 0–255 (no silent wrap-around)
     */
    public GrayImage map(IntUnaryOperator f) {
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = f.applyAsInt(v);
            if (lut[v] < 0 || lut[v] > 255) {
                throw new IllegalArgumentException("mapped grey level " + v + " to " + lut[v] + ", outside 0-255");
            }
        }
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) lut[pixels[i] & 0xFF];
        }
        return wrap(size, out);
    }

    /** The backing array, not copied; callers in this package must not modify it. */
    byte[] pixels() {
        return pixels;
    }

    static byte toByte(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("grey level must be 0-255, was " + value);
        }
        return (byte) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage other && size.equals(other.size) && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * size.hashCode() + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + size + "]";
    }
}
