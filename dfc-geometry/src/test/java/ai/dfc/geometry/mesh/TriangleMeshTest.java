package ai.dfc.geometry.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TriangleMeshTest {
    /** A right triangle with legs 4 (x) and 2 (y) at z = 1, offset from the origin. */
    private static TriangleMesh triangle() {
        return new TriangleMesh(new float[] {1, 1, 1, 5, 1, 1, 1, 3, 1}, new int[] {0, 1, 2}, new int[] {0},
                List.of("blade"));
    }

    @Test
    void computesAreaNormalAndBounds() {
        TriangleMesh m = triangle();
        assertThat(m.area(0)).isEqualTo(4.0);
        assertThat(m.faceNormal(0)).containsExactly(0, 0, 1);
        assertThat(m.bounds()).containsExactly(1, 1, 1, 5, 3, 1);
    }

    @Test
    void normalizesToTheReferenceFrame() {
        TriangleMesh n = triangle().normalized();
        // bbox centre (3, 2, 1) → origin; largest |coordinate| 2 → scaled by 0.25
        assertThat(n.bounds()).containsExactly(new double[] {-0.5, -0.25, 0, 0.5, 0.25, 0}, within(1e-7));
        assertThat(n.area(0)).isCloseTo(4.0 * 0.25 * 0.25, within(1e-7));
    }

    @Test
    void transformsWithAffineMatricesAndRejectsReflections() {
        double[] shift = {1, 0, 0, 10, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        assertThat(triangle().transformed(shift).vertex(1, 0)).isEqualTo(15f);
        double[] mirror = {-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        assertThatThrownBy(() -> triangle().transformed(mirror)).hasMessageContaining("orientation");
    }

    @Test
    void validatesIndicesAndParts() {
        assertThatThrownBy(() -> new TriangleMesh(new float[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {0}, List.of("a")))
                .hasMessageContaining("refers to vertex 1 of 1");
        assertThatThrownBy(() -> new TriangleMesh(new float[9], new int[] {0, 1, 2}, new int[] {1}, List.of("a")))
                .hasMessageContaining("part id 1 outside 1 parts");
        assertThatThrownBy(() -> new TriangleMesh(new float[9], new int[] {0, 1, 2}, new int[] {0}, List.of("a", "a")))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new TriangleMesh(new float[9], new int[] {0, 1, 2}, new int[] {0}, List.of("a")).normalized())
                .hasMessageContaining("coincide");
    }
}
