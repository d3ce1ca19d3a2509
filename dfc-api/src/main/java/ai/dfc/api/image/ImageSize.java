package ai.dfc.api.image;

/**
 * The size of an image in pixels.
 *
 * @param width  number of columns, &gt; 0
 * @param height number of rows, &gt; 0
 */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("image too large: " + width + "x" + height);
        }
    }

    public static ImageSize square(int side) {
        return new ImageSize(side, side);
    }

    /** Number of pixels. */
    public int area() {
        return width * height;
    }

    /** Whether {@code (row, col)} lies inside the image. */
    public boolean contains(int row, int col) {
        return row >= 0 && row < height && col >= 0 && col < width;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
