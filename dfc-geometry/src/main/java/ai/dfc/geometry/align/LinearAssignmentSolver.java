package ai.dfc.geometry.align;

import java.util.Arrays;

/**
 * Minimum-cost one-to-one assignment for rectangular problems with {@code n ≤ m}: every row gets a distinct column
 * and the sum of the chosen costs is minimal. This is the "Hungarian assignment" of SPEC §4.3 step 7.
 *
 * <p>Algorithm: Jonker–Volgenant shortest augmenting paths with dual potentials (column prices). An
 * {@link Initialisation} produces a partial assignment and prices under which every assigned row holds a column of
 * smallest reduced cost {@code cost − price}; every row still free is then assigned by a Dijkstra search over
 * reduced costs with a dense O(m) scan per visited row ({@code DenseAugmentingPath}), followed by a price update and
 * augmentation along the path. A rectangular problem is solved as a square one padded with {@code m − n} rows of
 * zero cost, which are assigned last; the columns they take are the ones left unassigned.
 *
 * <p>Cost: the worst case is O(n²·m) time; in practice it is far less and dominated by a few O(n·m) passes over the
 * costs. Measured on one core of a 2-core Xeon, 10,000 × 10,000 Euclidean problems (points uniform in a cube, or in
 * Gaussian blobs) take 2–3 s with {@link Initialisation#CANDIDATE_GRAPH} and 23–28 s with
 * {@link Initialisation#REDUCTION} (see {@code LargeAssignmentTimingTest}). Memory is O(m) for the dense phase plus,
 * for {@link Initialisation#CANDIDATE_GRAPH}, {@code 12·24·n} bytes of candidate edges and the edges it adds (5–15
 * MB allocated in all at n = 10,000). Costs are read one row at a time through {@link AssignmentCosts#costRow},
 * never stored, so a 10,000 × 10,000 Euclidean problem needs no 800 MB matrix.
 *
 * <p>Hard inputs: when the optimal matching must move most points far (for example two point sets drawn from
 * different sets of blobs) every augmenting path is long and the time grows towards the worst case: about 13 s
 * for 4,000 × 4,000 and 5 minutes for 10,000 × 10,000 such points ({@link Initialisation#REDUCTION}: about twice
 * that).
 *
 * <p>Exactness: comparisons are made in double precision on the costs as given. The result is optimal up to the
 * rounding of sums of a few costs; its dual certificate ({@link Assignment#optimalityViolation}) shows by how much.
 * Ties are broken deterministically: the same costs give the same assignment.
 *
 * <p>Thread safety: stateless; each call allocates its own working arrays, so concurrent calls are safe as long as
 * the cost objects they read are.
 */
public final class LinearAssignmentSolver {

    /** How the partial assignment and prices are found before the dense augmentation phase. */
    public enum Initialisation {
        /**
         * The default: solve sparse problems on each row's 24 cheapest columns, then repair with dense pricing
         * passes (see {@code CandidateGraphInitialisation}). Seven to twelve times faster than {@link #REDUCTION}
         * on Euclidean point sets of 10,000 points.
         */
        CANDIDATE_GRAPH,
        /**
         * Jonker–Volgenant's own: column reduction with reduction transfer (square problems only) and two passes of
         * augmenting row reduction.
         */
        REDUCTION
    }

    private LinearAssignmentSolver() {
    }

    /**
     * Solves the assignment problem with {@link Initialisation#CANDIDATE_GRAPH}.
     *
     * @see #solve(AssignmentCosts, Initialisation)
     */
    public static Assignment solve(AssignmentCosts costs) {
        return solve(costs, Initialisation.CANDIDATE_GRAPH);
    }

    /**
     * Solves the assignment problem.
     *
     * @param costs          an {@code n × m} problem with {@code 0 ≤ n ≤ m} and finite costs; a problem with no rows
     *                       gives an empty assignment of cost 0
     * @param initialisation how to start; both give an optimal assignment (the same one when the optimum is
     *                       unique), they differ in speed
     * @return the optimal assignment with its total cost and dual certificate
     * @throws IllegalArgumentException if an argument is null, a dimension is negative, {@code n > m} (transpose
     *                                  the problem: assign the columns to the rows instead), or a cost is not finite
     */
    public static Assignment solve(AssignmentCosts costs, Initialisation initialisation) {
        return solve(costs, initialisation, CandidateGraphInitialisation.CANDIDATES_PER_ROW);
    }

    /** As {@link #solve(AssignmentCosts, Initialisation)} with a chosen candidate count per row (tests only). */
    static Assignment solve(AssignmentCosts costs, Initialisation initialisation, int candidatesPerRow) {
        if (costs == null || initialisation == null) {
            throw new IllegalArgumentException("costs and initialisation must not be null");
        }
        int n = costs.rows();
        int m = costs.columns();
        if (n < 0 || m < 0) {
            throw new IllegalArgumentException("dimensions must be non-negative, were " + n + " x " + m);
        }
        if (n > m) {
            throw new IllegalArgumentException("more rows than columns (" + n + " x " + m
                    + "): every row must get its own column; transpose the problem");
        }
        if (n == 0) {
            return new Assignment(new int[0], m, 0, new double[0], new double[m]);
        }
        AssignmentWorkspace workspace = new AssignmentWorkspace(costs, n, m);
        int[] free = initialisation == Initialisation.CANDIDATE_GRAPH
                ? CandidateGraphInitialisation.run(workspace, candidatesPerRow)
                : ReductionInitialisation.run(workspace);
        DenseAugmentingPath paths = new DenseAugmentingPath(workspace);
        int k = 0;
        for (; k < free.length && free[k] < n; k++) {
            paths.augment(free[k]);
        }
        for (k = assignPaddingToTopPricedColumns(workspace, free, k); k < free.length; k++) {
            paths.augment(free[k]);
        }
        return result(workspace);
    }

    /**
     * Gives free padding rows {@code free[from..]} the free columns at the highest price, one each, in O(m): for a
     * row of zero costs such a column has the smallest reduced cost, which is all a path search would find, so this
     * keeps the invariant while sparing a search per padding row when {@code n ≪ m}.
     *
     * @return the position in {@code free} of the first padding row still unassigned
     */
    private static int assignPaddingToTopPricedColumns(AssignmentWorkspace w, int[] free, int from) {
        double top = Double.NEGATIVE_INFINITY;
        for (double p : w.price) {
            top = Math.max(top, p);
        }
        int next = from;
        for (int j = 0; j < w.columns && next < free.length; j++) {
            if (w.columnToRow[j] < 0 && w.price[j] == top) {
                w.assign(free[next++], j);
            }
        }
        return next;
    }

    private static Assignment result(AssignmentWorkspace w) {
        int n = w.rows;
        int m = w.columns;
        double[] v = w.price.clone();
        // Prices are free up to a constant; shift them to the certificate's form max v = 0, which also makes the
        // columns held by padding rows (the unassigned ones) the ones at 0, up to rounding.
        double top = Double.NEGATIVE_INFINITY;
        for (double p : v) {
            top = Math.max(top, p);
        }
        for (int j = 0; j < m; j++) {
            v[j] -= top;
        }
        int[] assignment = Arrays.copyOf(w.rowToColumn, n);
        double[] u = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int j = assignment[i];
            double cost = w.costs.cost(i, j);
            total += cost;
            u[i] = cost - v[j];
        }
        if (!Double.isFinite(total)) {
            throw new IllegalArgumentException("the total cost is not finite: " + total);
        }
        return new Assignment(assignment, m, total, u, v);
    }
}
