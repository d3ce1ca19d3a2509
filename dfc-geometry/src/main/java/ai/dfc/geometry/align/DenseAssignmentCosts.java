package ai.dfc.geometry.align;

/**
 * Assignment costs held as a dense row-major matrix of doubles ({@code 8·n·m} bytes). Suited to small and medium
 * problems and to costs that cannot be computed on demand; for point-set distances prefer
 * {@link EuclideanAssignmentCosts}, which needs no matrix.
 *
 * <p>Immutable (the factories copy their input) and therefore thread-safe.
 */
public final class DenseAssignmentCosts implements AssignmentCosts {
    private final double[] values;
    private final int rows;
    private final int columns;

    private DenseAssignmentCosts(double[] values, int rows, int columns) {
        this.values = values;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Copies a matrix given as an array of rows.
     *
     * @param matrix {@code n} rows of equal length {@code m}; {@code matrix[i][j]} is the cost of row {@code i} to
     *               column {@code j}; every entry finite. An empty array gives a 0 × 0 problem.
     * @throws IllegalArgumentException if the matrix or a row is null, the rows are ragged, or an entry is not
     *                                  finite
     */
    public static DenseAssignmentCosts of(double[][] matrix) {
        if (matrix == null) {
            throw new IllegalArgumentException("cost matrix must not be null");
        }
        int n = matrix.length;
        int m = n == 0 ? 0 : lengthOf(matrix[0], 0);
        double[] flat = new double[Math.multiplyExact(n, m)];
        for (int i = 0; i < n; i++) {
            if (lengthOf(matrix[i], i) != m) {
                throw new IllegalArgumentException("cost matrix is ragged: row 0 has " + m + " entries, row " + i
                        + " has " + matrix[i].length);
            }
            System.arraycopy(matrix[i], 0, flat, i * m, m);
        }
        return checked(flat, n, m);
    }

    /**
     * Copies a matrix given as one row-major array.
     *
     * @param rowMajor {@code rows·columns} entries, entry {@code (i, j)} at index {@code i·columns + j}; every entry
     *                 finite
     * @param rows     {@code n ≥ 0}
     * @param columns  {@code m ≥ 0}
     * @throws IllegalArgumentException if the array is null, its length is not {@code rows·columns}, a dimension is
     *                                  negative, or an entry is not finite
     */
    public static DenseAssignmentCosts ofRowMajor(double[] rowMajor, int rows, int columns) {
        if (rowMajor == null) {
            throw new IllegalArgumentException("cost matrix must not be null");
        }
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("dimensions must be non-negative, were " + rows + " x " + columns);
        }
        if ((long) rows * columns != rowMajor.length) {
            throw new IllegalArgumentException("a " + rows + " x " + columns + " matrix needs " + (long) rows * columns
                    + " entries, had " + rowMajor.length);
        }
        return checked(rowMajor.clone(), rows, columns);
    }

    private static int lengthOf(double[] row, int index) {
        if (row == null) {
            throw new IllegalArgumentException("cost matrix row " + index + " is null");
        }
        return row.length;
    }

    private static DenseAssignmentCosts checked(double[] flat, int rows, int columns) {
        for (int k = 0; k < flat.length; k++) {
            if (!Double.isFinite(flat[k])) {
                throw new IllegalArgumentException("cost (" + k / columns + ", " + k % columns + ") is not finite: "
                        + flat[k]);
            }
        }
        return new DenseAssignmentCosts(flat, rows, columns);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public double cost(int row, int column) {
        return values[row * columns + column];
    }

    /** Copies row {@code row} into {@code out}; O(m). */
    @Override
    public void costRow(int row, double[] out) {
        System.arraycopy(values, row * columns, out, 0, columns);
    }
}
