package ai.dfc.geometry.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.image.ImageSize;
import org.junit.jupiter.api.Test;

class BlenderCamerasTest {
    private static final ImageSize REFERENCE_SIZE = ImageSize.square(490);

    @Test
    void intrinsicsAreBlendersDefaultLens() {
        Intrinsics k = BlenderCameras.intrinsics(REFERENCE_SIZE);
        assertThat(k.fx()).isCloseTo(680.5556, within(1e-4));
        assertThat(k.fy()).isEqualTo(k.fx());
        assertThat(k.cx()).isEqualTo(245.0);
        assertThat(k.cy()).isEqualTo(245.0);
        // sensor fit AUTO: the 36 mm sensor spans the larger side
        Intrinsics wide = BlenderCameras.intrinsics(new ImageSize(640, 480));
        assertThat(wide.fx()).isCloseTo(50.0 / 36 * 640, within(1e-9));
        assertThat(wide.cx()).isEqualTo(320.0);
        assertThat(wide.cy()).isEqualTo(240.0);
    }

    @Test
    void cameraOnThePlusYAxisLooksAlongMinusYWithZUp() {
        // by hand: forward (0,−1,0); image right = forward × Z = (−1,0,0); image up = world Z, so image down = −Z;
        // RT rows = right, down, forward; t = −R·c = (0, 0, 2)
        double[] expected = {-1, 0, 0, 0, 0, 0, -1, 0, 0, -1, 0, 2};
        assertThat(BlenderCameras.extrinsics(0, 2, 0).toMatrix()).containsExactly(expected, within(1e-12));

        Camera camera = BlenderCameras.lookingAtOrigin(0, 2, 0, REFERENCE_SIZE);
        double f = 50.0 / 36 * 490;
        // world (0.1, 0, 0.2): camera X = −0.1, Y = −0.2, Z = 2
        assertThat(camera.project(0.1, 0, 0.2))
                .containsExactly(new double[] {245 - f * 0.05, 245 - f * 0.1, 2}, within(1e-9));
    }

    @Test
    void cameraAtElevation31MatchesSphericalAxes() {
        double[] c = ReferenceRig.position(12); // elevation 31.72°, azimuth −36°
        double r = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        double e = Math.asin(c[2] / r);
        double a = Math.atan2(c[1], c[0]);
        assertThat(Math.toDegrees(e)).isCloseTo(31.72, within(0.01));
        assertThat(Math.toDegrees(a)).isCloseTo(-36, within(0.01));
        // spherical frame at (e, a): right = (−sin a, cos a, 0), up = (−sin e cos a, −sin e sin a, cos e),
        // forward = −(cos e cos a, cos e sin a, sin e); OpenCV rows = right, −up, forward; t = (0, 0, r)
        double[] expected = {
            -Math.sin(a), Math.cos(a), 0, 0,
            Math.sin(e) * Math.cos(a), Math.sin(e) * Math.sin(a), -Math.cos(e), 0,
            -Math.cos(e) * Math.cos(a), -Math.cos(e) * Math.sin(a), -Math.sin(e), r};
        assertThat(BlenderCameras.extrinsics(c[0], c[1], c[2]).toMatrix()).containsExactly(expected, within(1e-12));

        Intrinsics k = BlenderCameras.intrinsics(REFERENCE_SIZE);
        double[] kMatrix = {680.5555555555555, 0, 245, 0, 680.5555555555555, 245, 0, 0, 1};
        assertThat(k.toMatrix()).containsExactly(kMatrix, within(1e-9));
    }

    @Test
    void cameraToWorldRotationHasCameraAxesAsColumns() {
        double[] rc = BlenderCameras.cameraToWorldRotation(0, 2, 0);
        // local x = (−1,0,0), local y (up) = (0,0,1), local z (backward) = (0,1,0)
        assertThat(rc).containsExactly(new double[] {-1, 0, 0, 0, 0, 1, 0, 1, 0}, within(1e-12));
    }

    @Test
    void straightAboveAndBelowUseWorldXAsImageRight() {
        // above: looking down −Z, image right = +X, image up = +Y
        assertThat(BlenderCameras.extrinsics(0, 0, 2).toMatrix())
                .containsExactly(new double[] {1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 2}, within(1e-12));
        // below: looking up +Z, image right = +X, image up = −Y (so image down = +Y)
        assertThat(BlenderCameras.extrinsics(0, 0, -2).toMatrix())
                .containsExactly(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 2}, within(1e-12));
        Camera below = BlenderCameras.lookingAtOrigin(0, 0, -2, REFERENCE_SIZE);
        assertThat(below.project(0, 0, 0)).containsExactly(new double[] {245, 245, 2}, within(1e-12));
        assertThat(below.project(0, 0.1, 0)[1]).isGreaterThan(245);
    }

    @Test
    void rejectsPositionsWithoutADirection() {
        assertThatThrownBy(() -> BlenderCameras.extrinsics(0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("origin");
        assertThatThrownBy(() -> BlenderCameras.extrinsics(Double.NaN, 0, 1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> BlenderCameras.lookingAtOrigin(new double[] {1, 2}, REFERENCE_SIZE))
                .hasMessageContaining("3 values");
    }
}
