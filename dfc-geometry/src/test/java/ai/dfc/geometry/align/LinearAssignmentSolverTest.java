package ai.dfc.geometry.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.geometry.align.LinearAssignmentSolver.Initialisation;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinearAssignmentSolverTest {

    /**
     * Both initialisations; the candidate graph also with 1 and 2 candidates per row, which on small problems forces
     * failed sparse searches, component expansions, pricing repairs and dense paths for padding rows.
     */
    static Stream<Arguments> solvers() {
        return Stream.of(Arguments.of(Initialisation.CANDIDATE_GRAPH, 24),
                Arguments.of(Initialisation.CANDIDATE_GRAPH, 2),
                Arguments.of(Initialisation.CANDIDATE_GRAPH, 1),
                Arguments.of(Initialisation.REDUCTION, 24));
    }

    @ParameterizedTest(name = "{0}, {1} candidates per row")
    @MethodSource("solvers")
    void matchesBruteForceOnSmallProblemsWithManyTies(Initialisation initialisation, int candidates) {
        Random random = new Random(21);
        for (int trial = 0; trial < 1500; trial++) {
            int n = 1 + random.nextInt(8);
            int m = n + (trial % 3 == 0 ? 0 : random.nextInt(9 - n));
            // Few distinct integer values force ties; some problems have negative costs.
            int levels = trial % 4 == 0 ? 2 : trial % 4 == 1 ? 4 : 50;
            double offset = trial % 5 == 0 ? -levels / 2.0 : 0;
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(levels) + offset;
                }
            }
            DenseAssignmentCosts costs = DenseAssignmentCosts.of(c);

            Assignment result = LinearAssignmentSolver.solve(costs, initialisation, candidates);

            double optimum = bruteForce(c);
            assertThat(result.totalCost()).as("trial %d: %s", trial, Arrays.deepToString(c))
                    .isCloseTo(optimum, within(1e-9));
            assertValidAssignment(result, n, m);
            assertThat(sumOfChosen(c, result)).isCloseTo(optimum, within(1e-9));
            assertCertificate(costs, result, 1e-9);
        }
    }

    @ParameterizedTest(name = "{0}, {1} candidates per row")
    @MethodSource("solvers")
    void matchesAnIndependentHungarianOnEuclideanProblemsOf200Points(Initialisation initialisation, int candidates) {
        Random random = new Random(22);
        for (int trial = 0; trial < 8; trial++) {
            int n = 200;
            int m = trial % 2 == 0 ? 200 : 200 + 7 * trial;
            double[] rows = trial < 6 ? uniformPoints(random, n) : clusteredPoints(random, n);
            double[] columns = trial < 6 ? uniformPoints(random, m) : clusteredPoints(random, m);
            EuclideanAssignmentCosts costs = new EuclideanAssignmentCosts(rows, columns);

            Assignment result = LinearAssignmentSolver.solve(costs, initialisation, candidates);

            double[][] dense = toDense(costs);
            assertThat(result.totalCost()).as("trial %d", trial).isCloseTo(hungarian(dense), within(1e-9));
            assertValidAssignment(result, n, m);
            assertCertificate(costs, result, 1e-12);
        }
    }

    @ParameterizedTest(name = "{0}, {1} candidates per row")
    @MethodSource("solvers")
    void movesSurplusBetweenDistantClusters(Initialisation initialisation, int candidates) {
        // 100 row points and 50 column points around A, 50 rows and 100 columns around B, far apart: each row's
        // cheapest columns all lie in its own cluster, so 50 A rows can only be served by a long path to B.
        Random random = new Random(23);
        double[] rows = concat(cluster(random, 100, 0), cluster(random, 50, 10));
        double[] columns = concat(cluster(random, 50, 0), cluster(random, 100, 10));
        EuclideanAssignmentCosts costs = new EuclideanAssignmentCosts(rows, columns);

        Assignment result = LinearAssignmentSolver.solve(costs, initialisation, candidates);

        assertThat(result.totalCost()).isCloseTo(hungarian(toDense(costs)), within(1e-9));
        assertValidAssignment(result, 150, 150);
        assertCertificate(costs, result, 1e-12);
    }

    @Test
    void bothInitialisationsGiveTheSameUniqueOptimum() {
        Random random = new Random(24);
        EuclideanAssignmentCosts costs = new EuclideanAssignmentCosts(uniformPoints(random, 300),
                uniformPoints(random, 340));
        Assignment graph = LinearAssignmentSolver.solve(costs, Initialisation.CANDIDATE_GRAPH);
        Assignment reduction = LinearAssignmentSolver.solve(costs, Initialisation.REDUCTION);
        assertThat(graph.rowToColumn()).containsExactly(reduction.rowToColumn());
        assertThat(LinearAssignmentSolver.solve(costs).rowToColumn()).containsExactly(graph.rowToColumn());
    }

    @ParameterizedTest(name = "{0}, {1} candidates per row")
    @MethodSource("solvers")
    void handlesDegenerateProblems(Initialisation initialisation, int candidates) {
        Assignment single = LinearAssignmentSolver.solve(DenseAssignmentCosts.of(new double[][] {{-3.5}}),
                initialisation, candidates);
        assertThat(single.rowToColumn()).containsExactly(0);
        assertThat(single.totalCost()).isEqualTo(-3.5);

        double[][] equal = new double[6][9];
        for (double[] row : equal) {
            Arrays.fill(row, 2.0);
        }
        DenseAssignmentCosts flat = DenseAssignmentCosts.of(equal);
        Assignment allEqual = LinearAssignmentSolver.solve(flat, initialisation, candidates);
        assertValidAssignment(allEqual, 6, 9);
        assertThat(allEqual.totalCost()).isEqualTo(12.0);
        assertCertificate(flat, allEqual, 0);

        Assignment none = LinearAssignmentSolver.solve(DenseAssignmentCosts.ofRowMajor(new double[0], 0, 4),
                initialisation, candidates);
        assertThat(none.rowToColumn()).isEmpty();
        assertThat(none.totalCost()).isZero();
        assertThat(none.columnToRow()).containsExactly(-1, -1, -1, -1);
        assertThat(LinearAssignmentSolver.solve(DenseAssignmentCosts.of(new double[0][]), initialisation, candidates)
                .columns()).isZero();

        // One row against many equal columns and one cheaper one.
        Assignment oneRow = LinearAssignmentSolver.solve(
                DenseAssignmentCosts.of(new double[][] {{5, 5, 5, 1, 5}}), initialisation, candidates);
        assertThat(oneRow.rowToColumn()).containsExactly(3);
    }

    @Test
    void rejectsMoreRowsThanColumnsNonFiniteCostsAndNulls() {
        assertThatThrownBy(() -> LinearAssignmentSolver.solve(DenseAssignmentCosts.of(new double[][] {{1}, {2}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more rows than columns (2 x 1)");
        for (Initialisation initialisation : Initialisation.values()) {
            for (int size : new int[] {3, 4}) {
                AssignmentCosts poisoned = new FunctionCosts(3, size, (i, j) -> i == 1 && j == 2 ? Double.NaN : i + j);
                assertThatThrownBy(() -> LinearAssignmentSolver.solve(poisoned, initialisation))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("cost (1, 2) is not finite");
                AssignmentCosts infinite = new FunctionCosts(3, size,
                        (i, j) -> i == 2 && j == 0 ? Double.NEGATIVE_INFINITY : 1);
                assertThatThrownBy(() -> LinearAssignmentSolver.solve(infinite, initialisation))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("cost (2, 0) is not finite");
            }
        }
        assertThatThrownBy(() -> LinearAssignmentSolver.solve(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> LinearAssignmentSolver.solve(new FunctionCosts(1, 1, (i, j) -> 0), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
    }

    @Test
    void certificateExposesANonOptimalDualOrAssignment() {
        double[][] c = {{1, 2}, {2, 1}};
        DenseAssignmentCosts costs = DenseAssignmentCosts.of(c);
        Assignment optimal = LinearAssignmentSolver.solve(costs);
        assertThat(optimal.rowToColumn()).containsExactly(0, 1);
        assertThat(optimal.isOptimal(costs, 1e-12)).isTrue();
        // The same duals do not certify the crossed assignment, which costs 2 more.
        Assignment crossed = new Assignment(new int[] {1, 0}, 2, 4, optimal.rowDuals(), optimal.columnDuals());
        assertThat(crossed.optimalityViolation(costs)).isGreaterThan(0.5);
        assertThat(crossed.isOptimal(costs, 1e-12)).isFalse();
        assertThatThrownBy(() -> optimal.optimalityViolation(DenseAssignmentCosts.of(new double[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x 2");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void assertValidAssignment(Assignment result, int n, int m) {
        assertThat(result.rows()).isEqualTo(n);
        assertThat(result.columns()).isEqualTo(m);
        int[] assignment = result.rowToColumn();
        assertThat(assignment).hasSize(n);
        assertThat(Arrays.stream(assignment).distinct().count()).isEqualTo(n);
        assertThat(Arrays.stream(assignment).allMatch(j -> j >= 0 && j < m)).isTrue();
        int[] inverse = result.columnToRow();
        for (int i = 0; i < n; i++) {
            assertThat(inverse[assignment[i]]).isEqualTo(i);
        }
        assertThat(Arrays.stream(inverse).filter(i -> i < 0).count()).isEqualTo(m - n);
    }

    /**
     * Checks the duals by hand (not through the class under test): reduced costs non-negative, zero on assigned
     * pairs, column duals ≤ 0 and 0 on unassigned columns, and Σu + Σv equal to the total cost.
     */
    private static void assertCertificate(AssignmentCosts costs, Assignment result, double tolerance) {
        double[] u = result.rowDuals();
        double[] v = result.columnDuals();
        int[] assignment = result.rowToColumn();
        int[] inverse = result.columnToRow();
        double dualObjective = 0;
        for (int i = 0; i < costs.rows(); i++) {
            for (int j = 0; j < costs.columns(); j++) {
                double reduced = costs.cost(i, j) - u[i] - v[j];
                assertThat(reduced).as("reduced cost (%d, %d)", i, j).isGreaterThanOrEqualTo(-tolerance);
                if (assignment[i] == j) {
                    assertThat(reduced).as("assigned reduced cost (%d, %d)", i, j).isCloseTo(0, within(tolerance));
                }
            }
            dualObjective += u[i];
        }
        for (int j = 0; j < costs.columns(); j++) {
            assertThat(v[j]).isLessThanOrEqualTo(tolerance);
            if (inverse[j] < 0) {
                assertThat(v[j]).isCloseTo(0, within(tolerance));
            }
            dualObjective += v[j];
        }
        double scale = Math.max(1, Math.abs(result.totalCost()));
        assertThat(dualObjective).isCloseTo(result.totalCost(), within(1e-9 * scale));
        assertThat(result.optimalityViolation(costs)).isLessThanOrEqualTo(tolerance);
    }

    private static double sumOfChosen(double[][] c, Assignment result) {
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += c[i][result.columnOf(i)];
        }
        return sum;
    }

    /** Minimum over all injective maps rows → columns, by enumerating them. */
    private static double bruteForce(double[][] c) {
        return bruteForce(c, 0, new boolean[c[0].length]);
    }

    private static double bruteForce(double[][] c, int row, boolean[] used) {
        if (row == c.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + bruteForce(c, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    /**
     * An independent O(n²·m) Hungarian method (row-by-row insertion with potentials, 1-based with a virtual
     * column 0), written only for this test. Returns the minimum total cost for n ≤ m.
     */
    static double hungarian(double[][] a) {
        int n = a.length;
        int m = a[0].length;
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] owner = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            owner[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = owner[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[owner[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (owner[j0] != 0);
            do {
                int j1 = way[j0];
                owner[j0] = owner[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= m; j++) {
            if (owner[j] != 0) {
                total += a[owner[j] - 1][j - 1];
            }
        }
        return total;
    }

    static double[][] toDense(AssignmentCosts costs) {
        double[][] dense = new double[costs.rows()][costs.columns()];
        for (int i = 0; i < dense.length; i++) {
            for (int j = 0; j < dense[i].length; j++) {
                dense[i][j] = costs.cost(i, j);
            }
        }
        return dense;
    }

    static double[] uniformPoints(Random random, int n) {
        double[] p = new double[3 * n];
        for (int k = 0; k < p.length; k++) {
            p[k] = random.nextDouble();
        }
        return p;
    }

    /** Points around 5 fixed centres in the unit cube (the same centres for every call), each picked at random. */
    static double[] clusteredPoints(Random random, int n) {
        double[][] centres = {{0.2, 0.2, 0.2}, {0.8, 0.3, 0.5}, {0.4, 0.9, 0.1}, {0.6, 0.6, 0.9}, {0.1, 0.7, 0.6}};
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double[] c = centres[random.nextInt(centres.length)];
            for (int a = 0; a < 3; a++) {
                p[3 * i + a] = c[a] + 0.05 * random.nextGaussian();
            }
        }
        return p;
    }

    private static double[] cluster(Random random, int n, double centre) {
        double[] p = new double[3 * n];
        for (int k = 0; k < p.length; k++) {
            p[k] = centre + random.nextGaussian();
        }
        return p;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Costs from a lambda, using the interface's default row access. */
    private static final class FunctionCosts implements AssignmentCosts {
        private final int rows;
        private final int columns;
        private final CostFunction function;

        FunctionCosts(int rows, int columns, CostFunction function) {
            this.rows = rows;
            this.columns = columns;
            this.function = function;
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
            return function.cost(row, column);
        }
    }

    @FunctionalInterface
    private interface CostFunction {
        double cost(int row, int column);
    }
}
