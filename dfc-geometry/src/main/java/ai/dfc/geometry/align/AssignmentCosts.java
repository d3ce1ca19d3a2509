package ai.dfc.geometry.align;

/**
 * The cost matrix of a linear assignment problem, read through a function {@code (row, column) → cost} so that
 * large problems need not be stored: a dense 10,000 × 10,000 matrix of doubles would take 800 MB, while
 * {@link EuclideanAssignmentCosts} computes each entry on demand from the two point sets.
 *
 * <p>Contract for implementations: {@link #rows()} and {@link #columns()} are fixed, non-negative and do not
 * change; {@link #cost(int, int)} is deterministic (the same pair always gives the same value) and finite. The
 * {@link LinearAssignmentSolver} reads whole rows through {@link #costRow(int, double[])}, which implementations
 * should override with a tight loop when the default per-entry calls would be slow.
 *
 * <p>Thread safety: the solver calls one instance from one thread. Implementations shipped here are immutable and
 * may be shared between threads.
 */
public interface AssignmentCosts {

    /** Number of rows {@code n} (the side that is fully assigned by the solver), {@code n ≥ 0}. */
    int rows();

    /** Number of columns {@code m}, {@code m ≥ 0}. */
    int columns();

    /**
     * The cost of assigning {@code row} to {@code column}.
     *
     * @param row    in {@code [0, rows())}
     * @param column in {@code [0, columns())}
     * @return a finite cost; negative values are allowed
     */
    double cost(int row, int column);

    /**
     * Writes the costs of one row, {@code out[j] = cost(row, j)} for {@code j} in {@code [0, columns())}.
     * The default calls {@link #cost(int, int)} per entry; O(m).
     *
     * @param row in {@code [0, rows())}
     * @param out array of length at least {@link #columns()}; entries past {@code columns()} are left untouched
     */
    default void costRow(int row, double[] out) {
        int m = columns();
        for (int j = 0; j < m; j++) {
            out[j] = cost(row, j);
        }
    }
}
