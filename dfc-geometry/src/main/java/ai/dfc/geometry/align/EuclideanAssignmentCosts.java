package ai.dfc.geometry.align;

/**
 * Assignment costs equal to the Euclidean distance between two 3-D point sets, computed on demand: row {@code i}
 * is point {@code i} of the first set, column {@code j} point {@code j} of the second, and
 * {@code cost(i, j) = |p_i − q_j|}. This is the cost of SPEC §4.3 step 7 (3-D positions of the surviving pixels,
 * minimum total distance). Memory is {@code 24·(n + m)} bytes, so a 10,000 × 10,000 problem needs no 800 MB matrix;
 * a full row costs {@code m} square roots and vectorizes.
 *
 * <p>Immutable (the constructor copies its input) and therefore thread-safe.
 */
public final class EuclideanAssignmentCosts implements AssignmentCosts {
    private final double[] rowPoints;
    private final double[] columnX;
    private final double[] columnY;
    private final double[] columnZ;

    /**
     * @param rowPoints    {@code 3·n} coordinates {@code x, y, z} per point, one point per row; finite
     * @param columnPoints {@code 3·m} coordinates {@code x, y, z} per point, one point per column; finite
     * @throws IllegalArgumentException if an array is null, its length is not a multiple of 3, or a coordinate is not
     *                                  finite
     */
    public EuclideanAssignmentCosts(double[] rowPoints, double[] columnPoints) {
        checkPoints(rowPoints, "row points");
        checkPoints(columnPoints, "column points");
        this.rowPoints = rowPoints.clone();
        int m = columnPoints.length / 3;
        // Columns are stored one coordinate per array so that a row of distances is a simple vectorizable loop.
        columnX = new double[m];
        columnY = new double[m];
        columnZ = new double[m];
        for (int j = 0; j < m; j++) {
            columnX[j] = columnPoints[3 * j];
            columnY[j] = columnPoints[3 * j + 1];
            columnZ[j] = columnPoints[3 * j + 2];
        }
    }

    private static void checkPoints(double[] points, String what) {
        if (points == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (points.length % 3 != 0) {
            throw new IllegalArgumentException(what + " must hold 3 coordinates per point, had " + points.length
                    + " values");
        }
        for (int k = 0; k < points.length; k++) {
            if (!Double.isFinite(points[k])) {
                throw new IllegalArgumentException(what + ": coordinate " + k % 3 + " of point " + k / 3
                        + " is not finite: " + points[k]);
            }
        }
    }

    @Override
    public int rows() {
        return rowPoints.length / 3;
    }

    @Override
    public int columns() {
        return columnX.length;
    }

    @Override
    public double cost(int row, int column) {
        double dx = columnX[column] - rowPoints[3 * row];
        double dy = columnY[column] - rowPoints[3 * row + 1];
        double dz = columnZ[column] - rowPoints[3 * row + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Writes the distances from row point {@code row} to every column point; O(m), bit-identical to {@link #cost}. */
    @Override
    public void costRow(int row, double[] out) {
        double px = rowPoints[3 * row];
        double py = rowPoints[3 * row + 1];
        double pz = rowPoints[3 * row + 2];
        double[] xs = columnX;
        double[] ys = columnY;
        double[] zs = columnZ;
        int m = xs.length;
        for (int j = 0; j < m; j++) {
            double dx = xs[j] - px;
            double dy = ys[j] - py;
            double dz = zs[j] - pz;
            out[j] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
}
