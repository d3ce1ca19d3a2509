package ai.dfc.geometry.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.PointCloud;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurfaceSamplerTest {
    private static final int N = 200_000;

    /**
     * Six spatially disjoint triangles: four of unequal area (0.5, 3, √6/2, 0.01) in different planes, plus a
     * collinear and a repeated-vertex degenerate triangle.
     */
    private static TriangleMesh unequalTriangles() {
        float[] v = {
            0, 0, 0, 1, 0, 0, 0, 1, 0, // t0: z = 0, area 0.5
            2, 0, 0, 5, 0, 0, 2, 0, 2, // t1: y = 0, area 3
            0, 0, 5, 1, 1, 5, 2, 2, 5, // t2: collinear, area 0
            0, 3, 0, 1, 3, 1, 0, 4, 2, // t3: tilted, area √6/2
            7, 7, 7, 8, 8, 8, // t4 uses vertex 12 twice: area 0
            10, 10, 10, 10.2f, 10, 10, 10, 10.1f, 10, // t5: area 0.01
        };
        int[] t = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16};
        return new TriangleMesh(v, t, new int[] {0, 1, 2, 2, 0, 1}, List.of("blade", "handle", "tip"));
    }

    /** Corner {@code c} of triangle {@code t} as doubles. */
    private static double[] corner(TriangleMesh m, int t, int c) {
        int v = m.corner(t, c);
        return new double[] {m.vertex(v, 0), m.vertex(v, 1), m.vertex(v, 2)};
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /**
     * Barycentric coordinates of {@code p} in triangle {@code t} and its distance from the triangle's plane:
     * {@code {λa, λb, λc, distance}}.
     */
    private static double[] barycentric(TriangleMesh m, int t, double[] p) {
        double[] a = corner(m, t, 0);
        double[] n = cross(sub(corner(m, t, 1), a), sub(corner(m, t, 2), a));
        double n2 = dot(n, n);
        double la = dot(cross(sub(corner(m, t, 2), corner(m, t, 1)), sub(p, corner(m, t, 1))), n) / n2;
        double lb = dot(cross(sub(a, corner(m, t, 2)), sub(p, corner(m, t, 2))), n) / n2;
        double lc = dot(cross(sub(corner(m, t, 1), a), sub(p, a)), n) / n2;
        return new double[] {la, lb, lc, Math.abs(dot(sub(p, a), n)) / Math.sqrt(n2)};
    }

    private static double[] point(PointCloud c, int i) {
        return new double[] {c.coordinate(i, 0), c.coordinate(i, 1), c.coordinate(i, 2)};
    }

    @Test
    void everyPointLiesOnTheTriangleItReportsWithThatTrianglesNormalAndPart() {
        TriangleMesh mesh = unequalTriangles();
        SurfaceSample sample = SurfaceSampler.sample(mesh, 20_000, 3);
        PointCloud cloud = sample.cloud();
        assertThat(cloud.size()).isEqualTo(20_000);
        assertThat(cloud.hasNormals()).isTrue();
        assertThat(cloud.hasPartIds()).isTrue();
        for (int i = 0; i < cloud.size(); i++) {
            int t = sample.triangle(i);
            double[] bary = barycentric(mesh, t, point(cloud, i));
            assertThat(bary[3]).as("distance of point %d to the plane of triangle %d", i, t).isLessThan(2e-6);
            for (int c = 0; c < 3; c++) {
                assertThat(bary[c]).as("barycentric %d of point %d", c, i).isBetween(-1e-5, 1 + 1e-5);
            }
            double[] a = corner(mesh, t, 0);
            double[] n = cross(sub(corner(mesh, t, 1), a), sub(corner(mesh, t, 2), a));
            double len = norm(n);
            for (int axis = 0; axis < 3; axis++) {
                assertThat((double) cloud.normal(i, axis)).isCloseTo(n[axis] / len, within(1e-6));
            }
            assertThat(cloud.partId(i)).isEqualTo(mesh.partId(t));
        }
    }

    @Test
    void reportedTriangleIsTheOneThatGeometricallyContainsThePoint() {
        TriangleMesh mesh = unequalTriangles();
        SurfaceSample sample = SurfaceSampler.sample(mesh, 5_000, 11);
        for (int i = 0; i < sample.size(); i++) {
            double[] p = point(sample.cloud(), i);
            int containing = -1;
            for (int t : new int[] {0, 1, 3, 5}) {
                double[] b = barycentric(mesh, t, p);
                if (b[3] < 1e-5 && b[0] > -1e-5 && b[1] > -1e-5 && b[2] > -1e-5) {
                    assertThat(containing).as("point %d inside two triangles", i).isEqualTo(-1);
                    containing = t;
                }
            }
            assertThat(containing).isEqualTo(sample.triangle(i));
        }
    }

    @Test
    void countsPerTriangleAreProportionalToAreaAndDegenerateTrianglesAreNeverSampled() {
        TriangleMesh mesh = unequalTriangles();
        double[] area = new double[mesh.triangleCount()];
        double total = 0;
        for (int t = 0; t < area.length; t++) {
            double[] a = corner(mesh, t, 0);
            area[t] = 0.5 * norm(cross(sub(corner(mesh, t, 1), a), sub(corner(mesh, t, 2), a)));
            total += area[t];
        }
        assertThat(area[2]).isZero();
        assertThat(area[4]).isZero();
        for (long seed : new long[] {1, 2, 3}) {
            SurfaceSample sample = SurfaceSampler.sample(mesh, N, seed);
            int[] counts = new int[area.length];
            for (int t : sample.triangles()) {
                counts[t]++;
            }
            assertThat(counts[2]).isZero();
            assertThat(counts[4]).isZero();
            double chi2 = 0;
            for (int t = 0; t < area.length; t++) {
                if (area[t] > 0) {
                    double expected = N * area[t] / total;
                    chi2 += (counts[t] - expected) * (counts[t] - expected) / expected;
                }
            }
            // 4 triangles → 3 degrees of freedom; 16.27 is the 99.9% quantile
            assertThat(chi2).as("chi-square of counts vs areas, seed %d", seed).isLessThan(16.27);
        }
    }

    @Test
    void pointsAreUniformInsideATriangle() {
        TriangleMesh mesh = unequalTriangles();
        SurfaceSample sample = SurfaceSampler.sample(mesh, N, 5);
        // the medial triangles (corner a, corner b, corner c, middle) each hold a quarter of the area
        int[] quarter = new int[4];
        int inT1 = 0;
        double[] mean = new double[3];
        for (int i = 0; i < sample.size(); i++) {
            if (sample.triangle(i) != 1) {
                continue;
            }
            inT1++;
            double[] p = point(sample.cloud(), i);
            double[] b = barycentric(mesh, 1, p);
            quarter[b[0] > 0.5 ? 0 : b[1] > 0.5 ? 1 : b[2] > 0.5 ? 2 : 3]++;
            for (int a = 0; a < 3; a++) {
                mean[a] += p[a];
            }
        }
        double chi2 = 0;
        for (int q : quarter) {
            chi2 += (q - inT1 / 4.0) * (q - inT1 / 4.0) / (inT1 / 4.0);
        }
        assertThat(chi2).as("chi-square over medial sub-triangles %s", java.util.Arrays.toString(quarter))
                .isLessThan(16.27);
        // centroid of (2,0,0), (5,0,0), (2,0,2) is (3, 0, 2/3); the spread per axis is < 1.5, so 5σ < 0.02
        assertThat(mean[0] / inT1).isCloseTo(3.0, within(0.02));
        assertThat(mean[1] / inT1).isCloseTo(0.0, within(1e-9));
        assertThat(mean[2] / inT1).isCloseTo(2.0 / 3, within(0.02));
    }

    @Test
    void isDeterministicPerSeed() {
        TriangleMesh mesh = unequalTriangles();
        SurfaceSample a = SurfaceSampler.sample(mesh, 1_000, 42);
        SurfaceSample b = SurfaceSampler.sample(mesh, 1_000, 42);
        SurfaceSample c = SurfaceSampler.sample(mesh, 1_000, 43);
        assertThat(a.cloud()).isEqualTo(b.cloud());
        assertThat(a.triangles()).isEqualTo(b.triangles());
        assertThat(a.cloud().positions()).isNotEqualTo(c.cloud().positions());
        assertThat(SurfaceSampler.samplePointCloud(mesh, 1_000, 42)).isEqualTo(a.cloud());
    }

    @Test
    void sampleOfZeroPointsIsEmptyAndBadInputsAreRejected() {
        assertThat(SurfaceSampler.samplePointCloud(unequalTriangles(), 0, 1).size()).isZero();
        assertThatThrownBy(() -> SurfaceSampler.sample(unequalTriangles(), -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point count");
        TriangleMesh flat = new TriangleMesh(new float[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, new int[] {0, 1, 2},
                new int[] {0}, List.of("blade"));
        assertThatThrownBy(() -> SurfaceSampler.sample(flat, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total area");
        assertThatThrownBy(() -> SurfaceSampler.sample(null, 10, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
