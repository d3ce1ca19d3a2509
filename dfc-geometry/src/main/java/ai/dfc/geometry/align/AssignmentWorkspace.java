package ai.dfc.geometry.align;

import java.util.Arrays;

/**
 * The mutable state shared by the phases of {@link LinearAssignmentSolver}: a partial assignment and the column
 * prices (duals) of an {@code n × m} problem, padded to a square {@code m × m} one by {@code m − n} virtual rows
 * whose costs are all 0. Padding rows are assigned last; the columns they take are exactly the ones the real rows
 * leave unassigned, and their zero costs make those columns the most expensive ones, which is what the
 * rectangular optimality conditions ask of unassigned columns. Not thread-safe.
 */
final class AssignmentWorkspace {
    final AssignmentCosts costs;
    /** Real rows {@code n}. */
    final int rows;
    /** Columns {@code m}, also the number of rows including padding. */
    final int columns;
    /** Column of each row, {@code -1} if free; length {@code m} (padding rows {@code [n, m)} included). */
    final int[] rowToColumn;
    /** Row of each column, {@code -1} if free; length {@code m}. */
    final int[] columnToRow;
    /** Column prices {@code v}; length {@code m}. */
    final double[] price;

    AssignmentWorkspace(AssignmentCosts costs, int rows, int columns) {
        this.costs = costs;
        this.rows = rows;
        this.columns = columns;
        rowToColumn = new int[columns];
        columnToRow = new int[columns];
        price = new double[columns];
        Arrays.fill(rowToColumn, -1);
        Arrays.fill(columnToRow, -1);
    }

    /** Costs of row {@code i} (a padding row if {@code i ≥ rows}: all zero) into {@code out[0, columns)}. */
    void rowCosts(int i, double[] out) {
        if (i < rows) {
            costs.costRow(i, out);
        } else {
            Arrays.fill(out, 0, columns, 0.0);
        }
    }

    void assign(int i, int j) {
        rowToColumn[i] = j;
        columnToRow[j] = i;
    }

    /** Frees row {@code i} and its column; the row must be assigned. */
    void unassign(int i) {
        columnToRow[rowToColumn[i]] = -1;
        rowToColumn[i] = -1;
    }

    /**
     * Throws if a value in {@code values[0, columns)} is NaN or infinite. Cheap on the common all-finite path: four
     * independent sums of {@code x·0}, which is NaN exactly for non-finite {@code x}.
     */
    void checkFinite(int row, double[] values) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < columns; j += 4) {
            s0 += values[j] * 0.0;
            s1 += values[j + 1] * 0.0;
            s2 += values[j + 2] * 0.0;
            s3 += values[j + 3] * 0.0;
        }
        for (; j < columns; j++) {
            s0 += values[j] * 0.0;
        }
        if (s0 + s1 + s2 + s3 != 0) {
            for (int k = 0; k < columns; k++) {
                if (!Double.isFinite(values[k])) {
                    throw new IllegalArgumentException("cost (" + row + ", " + k + ") is not finite: " + values[k]);
                }
            }
        }
    }
}
