package ai.dfc.geometry.points;

import ai.dfc.api.geometry.Pixel;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The visible points of one view and the pixel each was assigned to: the reference's {@code vis_pt_idx} and
 * {@code proj_2D_loc} (SPEC §2.5). Entry {@code i} pairs point {@code pointIndex(i)} with pixel
 * {@code (row(i), col(i))}; entries are in pixel raster (row-major) order of the view when produced by
 * {@link VisiblePointFinder}. Each point and each pixel occurs at most once. Immutable and thread-safe.
 */
public final class ViewVisibility {
    private final int[] pointIndices;
    private final int[] rows;
    private final int[] cols;

    /** Trusted constructor: takes ownership of already valid arrays. */
    ViewVisibility(int[] pointIndices, int[] rows, int[] cols) {
        this.pointIndices = pointIndices;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * A visibility record from parallel arrays (copied).
     *
     * @param pointIndices point index per entry, {@code >= 0}, distinct
     * @param rows         pixel row (y) per entry, {@code >= 0}
     * @param cols         pixel column (x) per entry, {@code >= 0}; {@code (row, col)} pairs distinct
     * @throws IllegalArgumentException if the arrays are null or differ in length, a value is negative, or a
     *                                  point or pixel repeats
     */
    public static ViewVisibility of(int[] pointIndices, int[] rows, int[] cols) {
        if (pointIndices == null || rows == null || cols == null) {
            throw new IllegalArgumentException("point indices, rows and cols must not be null");
        }
        if (rows.length != pointIndices.length || cols.length != pointIndices.length) {
            throw new IllegalArgumentException("need one row and one col per point: " + pointIndices.length
                    + " points, " + rows.length + " rows, " + cols.length + " cols");
        }
        BitSet seen = new BitSet();
        long[] pixels = new long[pointIndices.length];
        for (int i = 0; i < pointIndices.length; i++) {
            if (pointIndices[i] < 0 || rows[i] < 0 || cols[i] < 0) {
                throw new IllegalArgumentException("entry " + i + " has a negative value: point " + pointIndices[i]
                        + " at (row " + rows[i] + ", col " + cols[i] + ")");
            }
            if (seen.get(pointIndices[i])) {
                throw new IllegalArgumentException("point " + pointIndices[i] + " occurs more than once");
            }
            seen.set(pointIndices[i]);
            pixels[i] = ((long) rows[i] << 32) | cols[i];
        }
        Arrays.sort(pixels);
        for (int i = 1; i < pixels.length; i++) {
            if (pixels[i] == pixels[i - 1]) {
                throw new IllegalArgumentException("pixel (row " + (pixels[i] >>> 32) + ", col "
                        + (pixels[i] & 0xffffffffL) + ") occurs more than once");
            }
        }
        return new ViewVisibility(pointIndices.clone(), rows.clone(), cols.clone());
    }

    /**
     * A visibility record from the reference's layout: {@code rowCol} is the {@code (M, 2)} array
     * {@code proj_2D_loc} flattened row-major, i.e. {@code row0, col0, row1, col1, …}.
     *
     * @throws IllegalArgumentException as {@link #of}, or if {@code rowCol.length != 2·pointIndices.length}
     */
    public static ViewVisibility ofRowColPairs(int[] pointIndices, int[] rowCol) {
        if (pointIndices == null || rowCol == null || rowCol.length != 2 * pointIndices.length) {
            throw new IllegalArgumentException("need 2 ints (row, col) per point index");
        }
        int[] rows = new int[pointIndices.length];
        int[] cols = new int[pointIndices.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rowCol[2 * i];
            cols[i] = rowCol[2 * i + 1];
        }
        return of(pointIndices, rows, cols);
    }

    /** Number of visible points (= assigned pixels). */
    public int size() {
        return pointIndices.length;
    }

    /** Point index of entry {@code i}. */
    public int pointIndex(int i) {
        return pointIndices[i];
    }

    /** Pixel row (y) of entry {@code i}. */
    public int row(int i) {
        return rows[i];
    }

    /** Pixel column (x) of entry {@code i}. */
    public int col(int i) {
        return cols[i];
    }

    /** Pixel of entry {@code i}. */
    public Pixel pixel(int i) {
        return new Pixel(rows[i], cols[i]);
    }

    /** A copy of the point indices ({@code vis_pt_idx}). */
    public int[] pointIndices() {
        return pointIndices.clone();
    }

    /** A copy of the rows. */
    public int[] rows() {
        return rows.clone();
    }

    /** A copy of the columns. */
    public int[] cols() {
        return cols.clone();
    }

    /** {@code proj_2D_loc} flattened: {@code 2·M} ints {@code row0, col0, row1, col1, …}. */
    public int[] rowColPairs() {
        int[] out = new int[2 * rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[2 * i] = rows[i];
            out[2 * i + 1] = cols[i];
        }
        return out;
    }

    /**
     * The assigned pixels as a mask of the given size.
     *
     * @throws IllegalArgumentException if a pixel lies outside {@code size}
     */
    public Mask pixelMask(ImageSize size) {
        boolean[] on = new boolean[size.area()];
        for (int i = 0; i < rows.length; i++) {
            if (!size.contains(rows[i], cols[i])) {
                throw new IllegalArgumentException("pixel (row " + rows[i] + ", col " + cols[i] + ") outside " + size);
            }
            on[rows[i] * size.width() + cols[i]] = true;
        }
        return Mask.fromBooleans(size, on);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ViewVisibility other && Arrays.equals(pointIndices, other.pointIndices)
                && Arrays.equals(rows, other.rows) && Arrays.equals(cols, other.cols);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(pointIndices) * 31 + Arrays.hashCode(rows)) * 31 + Arrays.hashCode(cols);
    }

    @Override
    public String toString() {
        return "ViewVisibility[" + size() + " points]";
    }
}
