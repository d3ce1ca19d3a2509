package ai.dfc.geometry.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationRigTest {
    @Test
    void drawsThirtyCamerasOnTheRadiusTwoSphereWithinSixtyDegrees() {
        double[][] p = EvaluationRig.positions(7);
        assertThat(p).hasDimensions(30, 3);
        double minAzimuth = 360;
        double maxAzimuth = 0;
        double maxElevation = 0;
        for (double[] c : p) {
            double r = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
            assertThat(r).isCloseTo(2.0, within(1e-12));
            double elevation = Math.toDegrees(Math.asin(c[2] / r));
            assertThat(elevation).isBetween(-60.0, 60.0);
            maxElevation = Math.max(maxElevation, Math.abs(elevation));
            double azimuth = (Math.toDegrees(Math.atan2(c[1], c[0])) + 360) % 360;
            minAzimuth = Math.min(minAzimuth, azimuth);
            maxAzimuth = Math.max(maxAzimuth, azimuth);
        }
        // thirty uniform draws spread over the ranges (fixed seed, so this is deterministic)
        assertThat(maxAzimuth - minAzimuth).isGreaterThan(270);
        assertThat(maxElevation).isGreaterThan(45);
    }

    @Test
    void isDeterministicPerSeed() {
        assertThat(EvaluationRig.positions(42)).isDeepEqualTo(EvaluationRig.positions(42));
        assertThat(Arrays.deepEquals(EvaluationRig.positions(42), EvaluationRig.positions(43))).isFalse();
        double[][] five = EvaluationRig.positions(5, 42);
        assertThat(five).isDeepEqualTo(Arrays.copyOf(EvaluationRig.positions(42), 5));
        assertThatThrownBy(() -> EvaluationRig.positions(-1, 0)).hasMessageContaining("was -1");
    }

    @Test
    void camerasLookAtTheOrigin() {
        List<Camera> cameras = EvaluationRig.cameras(ImageSize.square(490), 3);
        double[][] p = EvaluationRig.positions(3);
        assertThat(cameras).hasSize(30);
        for (int k = 0; k < 30; k++) {
            assertThat(cameras.get(k).extrinsics().cameraCentre()).containsExactly(p[k], within(1e-12));
            assertThat(cameras.get(k).project(0, 0, 0)).containsExactly(new double[] {245, 245, 2}, within(1e-9));
        }
    }
}
