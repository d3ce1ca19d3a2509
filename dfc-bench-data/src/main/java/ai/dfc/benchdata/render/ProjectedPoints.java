package ai.dfc.benchdata.render;

/**
 * Cloud points seen in a processed (224×224) view with their pixels {@code (row, col)}; unlike raw visibility,
 * several points may share a pixel after downscaling (SPEC §3.10 step 5).
 *
 * @param pointIndices point index per entry
 * @param rows         pixel row per entry
 * @param cols         pixel column per entry
 */
public record ProjectedPoints(int[] pointIndices, int[] rows, int[] cols) {
    public ProjectedPoints {
        if (pointIndices.length != rows.length || rows.length != cols.length) {
            throw new IllegalArgumentException("need one row and one col per point");
        }
        pointIndices = pointIndices.clone();
        rows = rows.clone();
        cols = cols.clone();
    }

    public int size() {
        return pointIndices.length;
    }

    /** From the reference's {@code proj_2D_loc} layout (row0, col0, row1, col1, …). */
    public static ProjectedPoints ofRowColPairs(int[] pointIndices, int[] rowCol) {
        if (rowCol.length != 2 * pointIndices.length) {
            throw new IllegalArgumentException("need 2 ints (row, col) per point index");
        }
        int[] r = new int[pointIndices.length];
        int[] c = new int[pointIndices.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = rowCol[2 * i];
            c[i] = rowCol[2 * i + 1];
        }
        return new ProjectedPoints(pointIndices, r, c);
    }
}
