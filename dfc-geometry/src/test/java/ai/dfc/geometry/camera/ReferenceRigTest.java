package ai.dfc.geometry.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReferenceRigTest {
    @Test
    void holdsTheTablePositionsInRowOrder() {
        double[][] p = ReferenceRig.positions();
        assertThat(p).hasDimensions(19, 3);
        assertThat(p[0]).containsExactly(0.417781, -0.964887, -1.701309);
        assertThat(p[2]).containsExactly(1.701296, 0, -1.051472);
        assertThat(p[11]).containsExactly(0, 2, 0);
        assertThat(p[18]).containsExactly(-1.019194, 0.258443, 1.701308);
        for (double[] c : p) {
            double r = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
            assertThat(r).isCloseTo(ReferenceRig.RADIUS, within(1e-5));
            double elevation = Math.abs(Math.toDegrees(Math.asin(c[2] / r)));
            assertThat(elevation).satisfiesAnyOf(
                    v -> assertThat(v).isCloseTo(58.28, within(0.01)),
                    v -> assertThat(v).isCloseTo(31.72, within(0.01)),
                    v -> assertThat(v).isCloseTo(0, within(1e-9)));
        }
        // copies: callers cannot change the rig
        p[11][1] = 99;
        assertThat(ReferenceRig.position(11)[1]).isEqualTo(2.0);
    }

    @Test
    void everyCameraSitsAtItsRowAndProjectsTheOriginToThePrincipalPoint() {
        List<Camera> cameras = ReferenceRig.cameras(ImageSize.square(490));
        assertThat(cameras).hasSize(19);
        for (int k = 0; k < 19; k++) {
            Camera c = cameras.get(k);
            double[] pos = ReferenceRig.position(k);
            assertThat(c.extrinsics().cameraCentre()).containsExactly(pos, within(1e-12));
            double r = Math.sqrt(pos[0] * pos[0] + pos[1] * pos[1] + pos[2] * pos[2]);
            assertThat(c.project(0, 0, 0)).containsExactly(new double[] {245, 245, r}, within(1e-9));
            // world up projects upwards in the image (smaller row), except that no rig camera is vertical
            assertThat(c.project(0, 0, 0.1)[1]).isLessThan(245);
        }
    }

    @Test
    void documentsTheReferenceNameSortQuirk() {
        assertThat(ReferenceRig.referenceRowOfImage(0)).isZero();
        assertThat(ReferenceRig.referenceRowOfImage(2)).isEqualTo(10);
        assertThat(ReferenceRig.referenceRowOfImage(11)).isEqualTo(2);
        assertThat(ReferenceRig.referenceRowOfImage(18)).isEqualTo(9);
        assertThat(IntStream.range(0, 19).map(ReferenceRig::referenceRowOfImage).sorted().toArray())
                .containsExactly(IntStream.range(0, 19).toArray());
        assertThatThrownBy(() -> ReferenceRig.referenceRowOfImage(19)).hasMessageContaining("was 19");
        assertThatThrownBy(() -> ReferenceRig.position(-1)).hasMessageContaining("row must be in [0, 19), was -1");
    }
}
