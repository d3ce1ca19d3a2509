package ai.dfc.benchdata.procedural.categories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.procedural.MeshChecks;
import ai.dfc.benchdata.procedural.PartFrame;
import ai.dfc.benchdata.procedural.ProceduralAsset;
import ai.dfc.benchdata.procedural.ProceduralCategory;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.procedural.ShapeParameter;
import ai.dfc.benchdata.procedural.ShapeParameters;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vessel categories over many instances, including the corners of their parameter spaces: mesh size,
 * closedness, the ground contact, every functional part with triangles and its frame on it, spouts pouring
 * towards −x, and the inside/outside labelling of the thin-walled shells.
 */
class VesselCategoriesTest {
    private static final ProceduralWorld WORLD = ProceduralWorld.builtIn();

    static Stream<String> vessels() {
        return Stream.of("cup", "kettle", "teapot", "bottle", "jug", "watering can", "saucepan", "ladle");
    }

    /** Random instances and parameter-space corners (every parameter at its min or max). */
    private static List<ShapeParameters> samples(ProceduralCategory c) {
        List<ShapeParameters> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            out.add(WORLD.parameters(c.name(), i, 11));
        }
        SplittableRandom random = new SplittableRandom(c.name().hashCode());
        for (int i = 0; i < 6; i++) {
            Map<String, Double> v = new LinkedHashMap<>();
            for (ShapeParameter p : c.parameters()) {
                v.put(p.name(), i == 0 ? p.min() : i == 1 ? p.max() : random.nextBoolean() ? p.min() : p.max());
            }
            out.add(new ShapeParameters(v));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("vessels")
    void everyInstanceIsAReasonableClosedMeshWithItsFunctionalParts(String name) {
        ProceduralCategory c = WORLD.category(name);
        assertThat(c.parameters()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(c.parts()).allSatisfy(p -> assertThat(p.description())
                .matches("- [A-Z][a-z]*( [a-z]+)* - [A-Z].*\\.")
                .startsWith("- " + Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1) + " - "));
        for (ShapeParameters p : samples(c)) {
            ProceduralAsset raw = c.build(p);
            double[] b = raw.mesh().bounds();
            assertThat(b[1]).as("%s stands on y = 0: %s", name, p).isCloseTo(0, within(1e-4));
            ProceduralAsset a = raw.normalized();
            TriangleMesh m = a.mesh();
            assertThat(m.triangleCount()).as("%s triangles", name).isBetween(2_000, 40_000);
            assertThat(MeshChecks.signedVolume(m)).as("%s is closed and outward: %s", name, p).isPositive();
            for (Map.Entry<FunctionName, List<String>> f : c.functions().entrySet()) {
                for (String part : f.getValue()) {
                    int id = m.partNames().indexOf(part);
                    assertThat(id).as("%s has %s", name, part).isNotNegative();
                    assertThat(count(m, id)).as("%s's %s triangles", name, part).isGreaterThanOrEqualTo(24);
                    PartFrame frame = a.frames().get(part);
                    double[] x = cross(frame.y(), frame.z());
                    assertThat(frame.x()).containsExactly(x, within(1e-9));
                    assertThat(MeshChecks.distanceToPart(m, id, frame.origin())).as("%s's %s frame lies on it: %s", name, part, p)
                            .isLessThan(0.35 * frame.size() + 0.02);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("vessels")
    void spoutsAndMouthsPourTowardsMinusXOrUp(String name) {
        ProceduralCategory c = WORLD.category(name);
        for (ShapeParameters p : samples(c)) {
            ProceduralAsset a = c.build(p);
            for (String part : List.of("spout", "mouth")) {
                PartFrame f = a.frames().get(part);
                if (f != null) {
                    assertThat(f.z()[0]).as("%s %s pours away from the handle", name, part).isLessThanOrEqualTo(1e-9);
                    assertThat(f.z()[1]).as("%s %s opens upwards", name, part).isGreaterThan(0);
                    assertThat(f.z()[2]).isCloseTo(0, within(1e-9));
                }
            }
        }
    }

    @Test
    void insideAndOutsideOfTheShellsAreLabelledByTheWayTheyFace() {
        assertFacing("jug", "interior", -1);
        assertFacing("jug", "body", 1);
        assertFacing("saucepan", "body", -1);
        assertFacing("saucepan", "side", 1);
    }

    /** Nearly all of the part's area faces away from (+1) or towards (−1) the vessel's axis, or along ∓y. */
    private static void assertFacing(String name, String part, int sign) {
        ProceduralCategory c = WORLD.category(name);
        for (ShapeParameters p : samples(c)) {
            TriangleMesh m = c.build(p).mesh();
            int id = m.partNames().indexOf(part);
            double agree = 0;
            double total = 0;
            for (int t = 0; t < m.triangleCount(); t++) {
                if (m.partId(t) != id) {
                    continue;
                }
                double[] n = m.faceNormal(t);
                double[] centroid = new double[3];
                for (int k = 0; k < 3; k++) {
                    for (int ax = 0; ax < 3; ax++) {
                        centroid[ax] += m.vertex(m.corner(t, k), ax) / 3;
                    }
                }
                // outward: away from the axis on the wall, downwards on the bottom
                double radial = n[0] * centroid[0] + n[2] * centroid[2];
                double outward = Math.abs(n[1]) > 0.9 ? -n[1] : radial;
                total += m.area(t);
                if (outward * sign > 0) {
                    agree += m.area(t);
                }
            }
            assertThat(agree / total).as("%s %s faces %s", name, part, sign > 0 ? "out" : "in").isGreaterThan(0.95);
        }
    }

    @Test
    void monotoneProfilesStayBetweenTheirControlValues() {
        Curves.Monotone f = new Curves.Monotone(new double[] {0, 1, 2, 3}, new double[] {1, 3, 3.1, 0.5});
        for (double x = -1; x <= 4; x += 0.01) {
            double y = f.applyAsDouble(x);
            assertThat(y).isBetween(0.5, 3.1);
        }
        assertThat(f.applyAsDouble(1)).isCloseTo(3, within(1e-12));
        assertThat(f.applyAsDouble(2.5)).isBetween(0.5, 3.1);
    }

    @Test
    void pipeFromASpoutEndsAtItsTipPointingAlongItsLastDirection() {
        Pipe p = Pipe.spout(new double[] {-0.05, 0.03, 0}, new double[] {-0.12, 0.12, 0}, 0.3, 0.012, 0.006, 0.003, 0.002)
                .withLip(0.006);
        assertThat(p.opening()).containsExactly(new double[] {-0.12, 0.12, 0}, within(1e-12));
        double[] z = p.outflow();
        assertThat(z[0]).isNegative();
        assertThat(z[1]).isPositive();
        assertThat(p.thickness(1, 0.3)).isCloseTo(0.6 * 0.006, within(1e-12));
        assertThat(p.thickness(0.5, 0.3)).isCloseTo(0.002, within(1e-12));
        assertThat(p.openingDiameter()).isCloseTo(2.6 * 0.006, within(1e-12));
        assertThat(p.exit(y -> 0.05)).isBetween(0.0, 0.2);
        // the wall's mid-surface is a circle of the given radius around the centreline
        for (double v = 0; v < 1; v += 0.1) {
            assertThat(distanceTo(p.point(1, v), p.opening())).isCloseTo(0.006, within(1e-12));
        }
    }

    @Test
    void shellTellsItsInnerFaceFromItsOuterFace() {
        double[][] profile = {{0, 0.002}, {0.04, 0.002}, {0.05, 0.012}, {0.05, 0.10}};
        Shell s = new Shell(profile, (r, y) -> 0.004, new Shell.Spout(0.02, 0.005, 0.5, 0.04, 0.1, 1.5), 0.05);
        assertThat(s.inner(new double[] {0.048, 0.05, 0})).isTrue();
        assertThat(s.inner(new double[] {0.052, 0.05, 0})).isFalse();
        assertThat(s.inner(new double[] {0, 0.05, -0.048})).isTrue();
        assertThat(s.inner(new double[] {0.01, 0.0035, 0.01})).isTrue();
        assertThat(s.inner(new double[] {0.01, 0.0005, 0.01})).isFalse();
        assertThat(Shell.parameter(Shell.angle(0.3))).isCloseTo(0.3, within(1e-12));
        assertThat(s.spoutWeight(0.5, 1)).isCloseTo(1, within(1e-12));
        assertThat(s.spoutWeight(0, 1)).isZero();
        assertThat(s.lip()[0]).isCloseTo(-0.07, within(1e-9));
        assertThat(s.lip()[1]).isCloseTo(0.105, within(1e-9));
    }

    private static double distanceTo(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    private static int count(TriangleMesh m, int part) {
        int n = 0;
        for (int t = 0; t < m.triangleCount(); t++) {
            if (m.partId(t) == part) {
                n++;
            }
        }
        return n;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
