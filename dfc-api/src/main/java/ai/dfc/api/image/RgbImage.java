package ai.dfc.api.image;

import java.util.Arrays;

/**
 * An immutable 8-bit RGB image, stored row-major with interleaved channels ({@code r, g, b} per pixel).
 * Transparency is not represented: callers composite onto a background first, as the reference does.
 */
public final class RgbImage {
    private final ImageSize size;
    private final byte[] rgb;

    /**
     * @param size the image size
     * @param rgb  {@code 3·width·height} bytes, row-major, interleaved RGB; copied
     */
    public RgbImage(ImageSize size, byte[] rgb) {
        if (size == null || rgb == null) {
            throw new IllegalArgumentException("size and pixels must not be null");
        }
        if (rgb.length != 3 * size.area()) {
            throw new IllegalArgumentException("expected " + 3 * size.area() + " bytes for a " + size
                    + " RGB image, got " + rgb.length);
        }
        this.size = size;
        this.rgb = rgb.clone();
    }

    /** An image of one colour, {@code 0xRRGGBB}. */
    public static RgbImage filled(ImageSize size, int rgb) {
        byte[] data = new byte[3 * size.area()];
        for (int i = 0; i < size.area(); i++) {
            data[3 * i] = (byte) (rgb >> 16);
            data[3 * i + 1] = (byte) (rgb >> 8);
            data[3 * i + 2] = (byte) rgb;
        }
        return new RgbImage(size, data);
    }

    public ImageSize size() {
        return size;
    }

    public int width() {
        return size.width();
    }

    public int height() {
        return size.height();
    }

    /** The pixel at {@code (row, col)} packed as {@code 0xRRGGBB}. */
    public int rgb(int row, int col) {
        checkBounds(row, col);
        int i = 3 * (row * size.width() + col);
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
    }

    /** Channel {@code c} (0 = red, 1 = green, 2 = blue) at {@code (row, col)}, 0–255. */
    public int channel(int row, int col, int c) {
        checkBounds(row, col);
        if (c < 0 || c > 2) {
            throw new IndexOutOfBoundsException("channel " + c);
        }
        return rgb[3 * (row * size.width() + col) + c] & 0xFF;
    }

    /** A copy of the interleaved bytes. */
    public byte[] toBytes() {
        return rgb.clone();
    }

    /**
     * The image as a channel-first float array {@code [3, H, W]} (flattened, C order) with values in [0, 1]
     * ({@code byte / 255}), the layout {@link ai.dfc.api.encoder.Encoder} expects per image.
     */
    public float[] toChwFloats() {
        int n = size.area();
        float[] out = new float[3 * n];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < 3; c++) {
                out[c * n + p] = (rgb[3 * p + c] & 0xFF) / 255f;
            }
        }
        return out;
    }

    private void checkBounds(int row, int col) {
        if (!size.contains(row, col)) {
            throw new IndexOutOfBoundsException("pixel (row " + row + ", col " + col + ") outside " + size);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && size.equals(other.size) && Arrays.equals(rgb, other.rgb);
    }

    @Override
    public int hashCode() {
        return 31 * size.hashCode() + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + size + "]";
    }
}
