package ai.dfc.geometry.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ObjectPoseTest {
    @Test
    void rotatesAboutGlobalXThenYThenZ() {
        // X about X by 90° stays X; then about Y by 90° X goes to −Z. (Y first then X would give +Y.)
        double[] m = ObjectPose.fromAnglesDegrees(90, 90, 0);
        assertThat(apply(m, 1, 0, 0)).containsExactly(new double[] {0, 0, -1}, within(1e-12));
        // Y about X by 90° → Z; Z about Y by 90° → X
        assertThat(apply(m, 0, 1, 0)).containsExactly(new double[] {1, 0, 0}, within(1e-12));
        // then γ about Z: X → Y
        assertThat(apply(ObjectPose.fromAnglesDegrees(0, 0, 90), 1, 0, 0)).containsExactly(new double[] {0, 1, 0},
                within(1e-12));
    }

    @Test
    void equalsTheProductOfElementaryRotations() {
        double a = Math.toRadians(10);
        double b = Math.toRadians(20);
        double g = Math.toRadians(30);
        double[] p = {0.3, -0.7, 0.2};
        // Rx, then Ry, then Rz applied to p by hand
        double[] x = {p[0], Math.cos(a) * p[1] - Math.sin(a) * p[2], Math.sin(a) * p[1] + Math.cos(a) * p[2]};
        double[] y = {Math.cos(b) * x[0] + Math.sin(b) * x[2], x[1], -Math.sin(b) * x[0] + Math.cos(b) * x[2]};
        double[] z = {Math.cos(g) * y[0] - Math.sin(g) * y[1], Math.sin(g) * y[0] + Math.cos(g) * y[1], y[2]};
        assertThat(apply(ObjectPose.fromAnglesDegrees(10, 20, 30), p[0], p[1], p[2])).containsExactly(z, within(1e-12));
    }

    @Test
    void randomPoseIsASeededRotationWithSmallAngles() {
        double[] angles = ObjectPose.randomAnglesDegrees(5);
        assertThat(angles).hasSize(3);
        for (double v : angles) {
            assertThat(v).isBetween(0.0, 25.0);
        }
        double[] m = ObjectPose.random(5);
        assertThat(m).containsExactly(ObjectPose.fromAnglesDegrees(angles[0], angles[1], angles[2]));
        assertThat(ObjectPose.random(5)).containsExactly(m);
        assertThat(ObjectPose.random(6)).isNotEqualTo(m);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < 3; k++) {
                    dot += m[4 * i + k] * m[4 * j + k];
                }
                assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
        double det = m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8])
                + m[2] * (m[4] * m[9] - m[5] * m[8]);
        assertThat(det).isCloseTo(1, within(1e-12));
        assertThat(new double[] {m[3], m[7], m[11], m[12], m[13], m[14], m[15]}).containsExactly(0, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void gltfToBlenderTurnsYUpIntoZUp() {
        assertThat(apply(ObjectPose.gltfToBlender(), 1, 2, 3)).containsExactly(1, -3, 2);
        double[] pose = ObjectPose.fromAnglesDegrees(0, 0, 90);
        // glTF (0, 1, 0) (up) → Blender (0, 0, 1) → stays up under a Z rotation
        assertThat(apply(ObjectPose.assetToWorld(pose), 0, 1, 0)).containsExactly(new double[] {0, 0, 1}, within(1e-12));
        // glTF (1, 0, 0) → Blender (1, 0, 0) → rotated to (0, 1, 0)
        assertThat(apply(ObjectPose.assetToWorld(pose), 1, 0, 0)).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        assertThatThrownBy(() -> ObjectPose.multiply(new double[9], pose)).hasMessageContaining("had 9 and 16");
        assertThatThrownBy(() -> ObjectPose.fromAnglesDegrees(Double.NaN, 0, 0)).hasMessageContaining("finite");
    }

    private static double[] apply(double[] m, double x, double y, double z) {
        return new double[] {
            m[0] * x + m[1] * y + m[2] * z + m[3],
            m[4] * x + m[5] * y + m[6] * z + m[7],
            m[8] * x + m[9] * y + m[10] * z + m[11]};
    }
}
