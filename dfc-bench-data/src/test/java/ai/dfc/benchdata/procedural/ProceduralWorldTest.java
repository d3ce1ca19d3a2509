package ai.dfc.benchdata.procedural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every built-in category on its midpoint instance and on random instances. */
class ProceduralWorldTest {
    private static final ProceduralWorld WORLD = ProceduralWorld.builtIn();

    static List<String> categories() {
        return List.copyOf(WORLD.categories().keySet());
    }

    @ParameterizedTest
    @MethodSource("categories")
    void instancesHaveEveryFunctionalPartAndAFrameOnIt(String name) {
        ProceduralCategory c = WORLD.category(name);
        Set<String> declared = c.parts().stream().map(FunctionalPart::name).collect(Collectors.toSet());
        assertThat(c.parameters()).as("a category is parameterized richly").hasSizeGreaterThanOrEqualTo(12);
        assertThat(c.parameters().stream().map(ShapeParameter::name)).doesNotHaveDuplicates();
        for (int i = -1; i < 4; i++) {
            ProceduralAsset a = i < 0 ? c.build(ShapeParameters.midpoint(c.parameters())).normalized()
                    : WORLD.instance(name, i, 42);
            TriangleMesh m = a.mesh();
            assertThat(declared).as("parts on the mesh are declared").containsAll(m.partNames());
            double[] b = m.bounds();
            for (int k = 0; k < 3; k++) {
                assertThat(b[k]).isGreaterThanOrEqualTo(-0.5 - 1e-6);
                assertThat(b[k + 3]).isLessThanOrEqualTo(0.5 + 1e-6);
            }
            assertThat(MeshChecks.signedVolume(m)).as("closed, outward-facing surfaces enclose a positive volume").isPositive();
            for (Map.Entry<FunctionName, List<String>> f : c.functions().entrySet()) {
                for (String part : f.getValue()) {
                    int id = m.partNames().indexOf(part);
                    assertThat(id).as("%s instance %d has part %s for %s", name, i, part, f.getKey()).isNotNegative();
                    PartFrame frame = a.frames().get(part);
                    assertThat(frame).as("frame of %s", part).isNotNull();
                    assertThat(MeshChecks.distanceToPart(m, id, frame.origin())).as("frame of %s lies on it", part)
                            .isLessThan(0.35 * frame.size() + 0.02);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("categories")
    void instancesAreDeterministicAndVaried(String name) {
        assertThat(WORLD.instance(name, 3, 7).mesh()).isEqualTo(WORLD.instance(name, 3, 7).mesh());
        assertThat(WORLD.parameters(name, 3, 7)).isNotEqualTo(WORLD.parameters(name, 4, 7));
        assertThat(WORLD.instance(name, 3, 7).mesh()).isNotEqualTo(WORLD.instance(name, 4, 7).mesh());
    }

    @org.junit.jupiter.api.Test
    void alignmentMapsOneFrameOntoAnother() {
        PartFrame a = PartFrame.of(new double[] {1, 2, 3}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, 1);
        PartFrame b = PartFrame.of(new double[] {-1, 0, 0.5}, new double[] {0, 0, 1}, new double[] {1, 1, 0}, 2);
        double[] m = a.alignTo(b);
        double[] o = {m[3] + m[0] * 1 + m[1] * 2 + m[2] * 3, m[7] + m[4] * 1 + m[5] * 2 + m[6] * 3,
            m[11] + m[8] * 1 + m[9] * 2 + m[10] * 3};
        assertThat(o).containsExactly(new double[] {-1, 0, 0.5}, within(1e-12));
        // a's acting direction (x axis of the world) maps onto b's (world z)
        assertThat(new double[] {m[0], m[4], m[8]}).containsExactly(new double[] {0, 0, 1}, within(1e-12));
    }
}
