package ai.dfc.api.geometry;

/**
 * An integer pixel location in the on-disk convention {@code (row, col)}; {@code x = col}, {@code y = row}.
 *
 * @param row the row (y), &ge; 0
 * @param col the column (x), &ge; 0
 */
public record Pixel(int row, int col) {

    public Pixel {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("pixel coordinates must be >= 0, was (row " + row + ", col " + col + ")");
        }
    }

    /** Euclidean distance in pixels. */
    public double distanceTo(Pixel other) {
        return Math.hypot(row - other.row, col - other.col);
    }
}
