package ai.dfc.geometry.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.image.ImageSize;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackProjectionTest {
    private static final ImageSize SIZE = ImageSize.square(490);

    @Test
    void invertsIntrinsicsWithPlanarDepth() {
        Intrinsics k = new Intrinsics(500, 400, 100, 50);
        assertThat(BackProjection.pixelToCamera(k, 100, 50, 3)).containsExactly(0, 0, 3);
        // (col − cx)/fx · d = 500/500 · 2, (row − cy)/fy · d = −200/400 · 2
        assertThat(BackProjection.pixelToCamera(k, 600, -150, 2)).containsExactly(2, -1, 2);
        assertThatThrownBy(() -> BackProjection.pixelToCamera(k, 0, 0, 0)).hasMessageContaining("depth must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> BackProjection.pixelToCamera(k, 0, 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("Infinity");
    }

    @Test
    void roundTripsThroughProjectionForRigCameras() {
        Random random = new Random(11);
        for (int row : new int[] {0, 4, 11, 12, 17}) {
            Camera camera = BlenderCameras.lookingAtOrigin(ReferenceRig.position(row), SIZE);
            for (int i = 0; i < 20; i++) {
                double[] p = {random.nextDouble() - 0.5, random.nextDouble() - 0.5, random.nextDouble() - 0.5};
                double[] uvz = camera.project(p[0], p[1], p[2]);
                assertThat(BackProjection.pixelToWorld(camera, uvz[0], uvz[1], uvz[2])).containsExactly(p, within(1e-12));
            }
        }
    }

    @Test
    void backProjectsDepthMapsWithNaNForBackground() {
        Camera camera = BlenderCameras.lookingAtOrigin(0, 2, 0, new ImageSize(3, 2));
        float[] depth = {1, 2, Float.POSITIVE_INFINITY, 4, 0, 6};
        float[] xyz = BackProjection.depthMapToCamera(camera, depth);
        assertThat(xyz).hasSize(18);
        Intrinsics k = camera.intrinsics();
        for (int i : new int[] {0, 1, 3, 5}) {
            double[] expected = BackProjection.pixelToCamera(k, i % 3, i / 3, depth[i]);
            assertThat(new float[] {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]})
                    .containsExactly(new float[] {(float) expected[0], (float) expected[1], (float) expected[2]},
                            within(1e-6f));
        }
        assertThat(xyz[6]).isNaN();
        assertThat(xyz[12]).isNaN();
        assertThatThrownBy(() -> BackProjection.depthMapToCamera(camera, new float[5]))
                .hasMessageContaining("must hold 6 floats for 3x2, had 5");
    }
}
