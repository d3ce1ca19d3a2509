package ai.dfc.benchdata.procedural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.geometry.mesh.TriangleMesh;
import org.junit.jupiter.api.Test;

/** The lathe with a non-circular cross-section. */
class MeshBuilderTest {
    /** A closed cylinder of radius 1 and height 2: axis, bottom, wall, top, axis. */
    private static final double[][] CYLINDER = {{0, 0}, {1, 0}, {1, 2}, {0, 2}};
    private static final String[] PARTS = {"bottom", "wall", "top"};

    @Test
    void circularSectionReproducesTheCircularLathe() {
        double[][] cup = {{0, 0}, {1, 0}, {1.2, 2}, {1.1, 2}, {0.9, 0.2}, {0, 0.2}};
        String[] parts = {"base", "wall", "rim", "inside", "inside"};
        TriangleMesh plain = new MeshBuilder().lathe(cup, parts, 24, 3, Transform.rotateX(0.3)).build();
        TriangleMesh sectioned = new MeshBuilder()
                .lathe(cup, parts, 24, 3, (s, th) -> new double[] {Math.cos(th), Math.sin(th)}, Transform.rotateX(0.3))
                .build();
        assertThat(sectioned).isEqualTo(plain);
    }

    @Test
    void lobedSectionStaysClosedAndOutwardFacing() {
        int angular = 96;
        MeshBuilder.Section star = (s, th) -> {
            double r = 1 + 0.6 * Math.cos(6 * th);
            return new double[] {r * Math.cos(th), r * Math.sin(th)};
        };
        TriangleMesh m = new MeshBuilder().lathe(CYLINDER, PARTS, angular, 2, star, Transform.identity()).build();
        // the exact volume of the prism over the sampled polygon
        double area = 0;
        for (int a = 0; a < angular; a++) {
            double[] p = star.point(0.5, 2 * Math.PI * a / angular);
            double[] q = star.point(0.5, 2 * Math.PI * (a + 1) / angular);
            area += (p[0] * q[1] - q[0] * p[1]) / 2;
        }
        assertThat(MeshChecks.signedVolume(m)).isCloseTo(2 * area, within(1e-4));
        // the wall's triangles face away from the axis even on the lobes' steep flanks
        int wall = m.partNames().indexOf("wall");
        for (int t = 0; t < m.triangleCount(); t++) {
            if (m.partId(t) != wall) {
                continue;
            }
            double[] n = m.faceNormal(t);
            double cx = 0;
            double cz = 0;
            for (int k = 0; k < 3; k++) {
                cx += m.vertex(m.corner(t, k), 0) / 3;
                cz += m.vertex(m.corner(t, k), 2) / 3;
            }
            assertThat(n[0] * cx + n[2] * cz).as("triangle %d faces outward", t).isPositive();
        }
    }

    @Test
    void squarishSectionUnderAMirroringPlacementKeepsAPositiveVolume() {
        // a superellipse of exponent 8, nearly a square of side 2, changing to a circle along the profile
        MeshBuilder.Section squarish = (s, th) -> {
            double e = 2 / (8 - 6 * s);
            return new double[] {Math.signum(Math.cos(th)) * Math.pow(Math.abs(Math.cos(th)), e),
                Math.signum(Math.sin(th)) * Math.pow(Math.abs(Math.sin(th)), e)};
        };
        TriangleMesh m = new MeshBuilder()
                .lathe(CYLINDER, PARTS, 64, 4, squarish, Transform.scale(-1, 1, 2)).build();
        assertThat(MeshChecks.signedVolume(m)).isPositive();
        assertThat(m.partNames()).containsExactly("bottom", "wall", "top");
    }
}
