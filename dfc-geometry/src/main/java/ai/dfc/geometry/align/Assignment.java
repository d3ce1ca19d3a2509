package ai.dfc.geometry.align;

import java.util.Arrays;

/**
 * The result of {@link LinearAssignmentSolver#solve(AssignmentCosts)}: a one-to-one assignment of every row of an
 * {@code n × m} problem ({@code n ≤ m}) to a distinct column, its total cost, and the dual values that certify it
 * optimal.
 *
 * <p>The certificate (LP duality for the problem "every row once, every column at most once"): with row duals
 * {@code u} and column duals {@code v},
 * <ul>
 *   <li>every reduced cost {@code cost(i, j) − u[i] − v[j]} is ≥ 0,</li>
 *   <li>it is 0 on every assigned pair {@code (i, column(i))},</li>
 *   <li>every {@code v[j]} is ≤ 0, and it is 0 on every column left unassigned (vacuous when {@code n = m}).</li>
 * </ul>
 * Then every other assignment costs at least {@code Σu + Σv}, which this one attains. The solver meets these up to
 * floating-point rounding; {@link #optimalityViolation(AssignmentCosts)} measures by how much.
 *
 * <p>Immutable; accessors return copies. Thread-safe.
 */
public final class Assignment {
    private final int[] rowToColumn;
    private final int columns;
    private final double totalCost;
    private final double[] rowDuals;
    private final double[] columnDuals;

    Assignment(int[] rowToColumn, int columns, double totalCost, double[] rowDuals, double[] columnDuals) {
        this.rowToColumn = rowToColumn;
        this.columns = columns;
        this.totalCost = totalCost;
        this.rowDuals = rowDuals;
        this.columnDuals = columnDuals;
    }

    /** Number of rows {@code n} of the solved problem. */
    public int rows() {
        return rowToColumn.length;
    }

    /** Number of columns {@code m} of the solved problem. */
    public int columns() {
        return columns;
    }

    /** The column assigned to {@code row}, in {@code [0, columns())}. */
    public int columnOf(int row) {
        return rowToColumn[row];
    }

    /** A copy of the assignment: {@code n} distinct column indices, entry {@code i} is the column of row {@code i}. */
    public int[] rowToColumn() {
        return rowToColumn.clone();
    }

    /** The inverse map: {@code m} entries, the row assigned to each column, or {@code -1} for unassigned columns. */
    public int[] columnToRow() {
        int[] inverse = new int[columns];
        Arrays.fill(inverse, -1);
        for (int i = 0; i < rowToColumn.length; i++) {
            inverse[rowToColumn[i]] = i;
        }
        return inverse;
    }

    /** The sum of {@code cost(i, columnOf(i))} over all rows, summed in double precision in row order. */
    public double totalCost() {
        return totalCost;
    }

    /** A copy of the {@code n} row duals {@code u} (see the class comment). */
    public double[] rowDuals() {
        return rowDuals.clone();
    }

    /** A copy of the {@code m} column duals {@code v} (see the class comment). */
    public double[] columnDuals() {
        return columnDuals.clone();
    }

    /**
     * The largest violation of the optimality certificate over all {@code n·m} pairs: the maximum of
     * {@code −(cost − u − v)} over all pairs, {@code |cost − u − v|} over assigned pairs, {@code v[j]} over all
     * columns and {@code |v[j]|} over unassigned columns, or 0 if all hold exactly. An optimal result gives a value of
     * the order of the rounding error of the costs (about {@code 1e-15 · max|cost| · log n}); anything large means
     * the assignment may not be optimal. O(n·m) cost evaluations.
     *
     * @param costs the problem that was solved (same dimensions)
     * @throws IllegalArgumentException if the dimensions differ from the solved problem's
     */
    public double optimalityViolation(AssignmentCosts costs) {
        int n = rowToColumn.length;
        if (costs.rows() != n || costs.columns() != columns) {
            throw new IllegalArgumentException("costs are " + costs.rows() + " x " + costs.columns()
                    + " but the assignment solved a " + n + " x " + columns + " problem");
        }
        double worst = 0;
        boolean[] assigned = new boolean[columns];
        for (int i = 0; i < n; i++) {
            assigned[rowToColumn[i]] = true;
        }
        for (int j = 0; j < columns; j++) {
            worst = Math.max(worst, assigned[j] ? columnDuals[j] : Math.abs(columnDuals[j]));
        }
        double[] row = new double[columns];
        for (int i = 0; i < n; i++) {
            costs.costRow(i, row);
            double u = rowDuals[i];
            for (int j = 0; j < columns; j++) {
                worst = Math.max(worst, -(row[j] - u - columnDuals[j]));
            }
            int j = rowToColumn[i];
            worst = Math.max(worst, Math.abs(row[j] - u - columnDuals[j]));
        }
        return worst;
    }

    /**
     * Whether {@link #optimalityViolation(AssignmentCosts)} is at most {@code tolerance}.
     *
     * @param tolerance absolute tolerance in cost units, ≥ 0
     */
    public boolean isOptimal(AssignmentCosts costs, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        }
        return optimalityViolation(costs) <= tolerance;
    }
}
