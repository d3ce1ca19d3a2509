package ai.dfc.geometry.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentCostsTest {

    @Test
    void euclideanCostsAreThreeDimensionalDistancesAndRowsMatchEntriesBitForBit() {
        EuclideanAssignmentCosts costs = new EuclideanAssignmentCosts(new double[] {0, 0, 0, 1, 1, 1},
                new double[] {3, 4, 0, 1, 1, 1, 1, 2, 3});
        assertThat(costs.rows()).isEqualTo(2);
        assertThat(costs.columns()).isEqualTo(3);
        assertThat(costs.cost(0, 0)).isEqualTo(5.0);
        assertThat(costs.cost(1, 1)).isEqualTo(0.0);
        assertThat(costs.cost(1, 2)).isEqualTo(Math.sqrt(5));

        Random random = new Random(31);
        double[] a = LinearAssignmentSolverTest.uniformPoints(random, 17);
        double[] b = LinearAssignmentSolverTest.uniformPoints(random, 29);
        EuclideanAssignmentCosts many = new EuclideanAssignmentCosts(a, b);
        double[] row = new double[29];
        for (int i = 0; i < 17; i++) {
            many.costRow(i, row);
            for (int j = 0; j < 29; j++) {
                double dx = a[3 * i] - b[3 * j];
                double dy = a[3 * i + 1] - b[3 * j + 1];
                double dz = a[3 * i + 2] - b[3 * j + 2];
                assertThat(row[j]).isEqualTo(many.cost(i, j)).isEqualTo(Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
    }

    @Test
    void euclideanCostsCopyTheirInputAndRejectMalformedPoints() {
        double[] rows = {0, 0, 0};
        EuclideanAssignmentCosts costs = new EuclideanAssignmentCosts(rows, new double[] {1, 0, 0});
        rows[0] = 100;
        assertThat(costs.cost(0, 0)).isEqualTo(1.0);
        assertThatThrownBy(() -> new EuclideanAssignmentCosts(new double[] {0, 0}, new double[] {0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row points must hold 3");
        assertThatThrownBy(() -> new EuclideanAssignmentCosts(new double[] {0, 0, 0}, new double[] {0, Double.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column points: coordinate 1 of point 0 is not finite");
        assertThatThrownBy(() -> new EuclideanAssignmentCosts(null, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void denseCostsFromRowsOrRowMajorAgree() {
        double[][] matrix = {{1, 2, 3}, {4, 5, 6}};
        DenseAssignmentCosts fromRows = DenseAssignmentCosts.of(matrix);
        DenseAssignmentCosts fromFlat = DenseAssignmentCosts.ofRowMajor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        matrix[1][2] = 60;
        double[] row = new double[3];
        for (int i = 0; i < 2; i++) {
            fromRows.costRow(i, row);
            for (int j = 0; j < 3; j++) {
                assertThat(fromRows.cost(i, j)).isEqualTo(fromFlat.cost(i, j)).isEqualTo(3 * i + j + 1.0)
                        .isEqualTo(row[j]);
            }
        }
    }

    @Test
    void denseCostsRejectRaggedMisSizedAndNonFiniteMatrices() {
        assertThatThrownBy(() -> DenseAssignmentCosts.of(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ragged");
        assertThatThrownBy(() -> DenseAssignmentCosts.of(new double[][] {{1, 2}, null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 is null");
        assertThatThrownBy(() -> DenseAssignmentCosts.ofRowMajor(new double[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 6 entries, had 5");
        assertThatThrownBy(() -> DenseAssignmentCosts.ofRowMajor(new double[0], -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> DenseAssignmentCosts.of(new double[][] {{1, Double.POSITIVE_INFINITY}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost (0, 1) is not finite");
        assertThatThrownBy(() -> DenseAssignmentCosts.of(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }
}
