package ai.dfc.labeling.grounder;

import ai.dfc.api.image.Mask;

/**
 * The tight pixel box of a mask, inclusive on all sides: the mask's foreground lies in columns
 * {@code minCol..maxCol} and rows {@code minRow..maxRow}.
 */
record PixelExtent(int minCol, int minRow, int maxCol, int maxRow) {

    /** The extent of a non-empty mask. */
    static PixelExtent of(Mask mask) {
        if (mask.isEmpty()) {
            throw new IllegalArgumentException("an empty mask has no extent");
        }
        int width = mask.size().width();
        int minCol = Integer.MAX_VALUE;
        int minRow = Integer.MAX_VALUE;
        int maxCol = -1;
        int maxRow = -1;
        for (int i : mask.flatIndices()) {
            int row = i / width;
            int col = i % width;
            minCol = Math.min(minCol, col);
            maxCol = Math.max(maxCol, col);
            minRow = Math.min(minRow, row);
            maxRow = Math.max(maxRow, row);
        }
        return new PixelExtent(minCol, minRow, maxCol, maxRow);
    }

    /** Number of columns covered. */
    int width() {
        return maxCol - minCol + 1;
    }

    /** Number of rows covered. */
    int height() {
        return maxRow - minRow + 1;
    }

    /** Whether pixel {@code (row, col)} lies inside, borders included. */
    boolean contains(int row, int col) {
        return minCol <= col && col <= maxCol && minRow <= row && row <= maxRow;
    }
}
