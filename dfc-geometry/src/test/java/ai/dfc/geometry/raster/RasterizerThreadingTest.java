package ai.dfc.geometry.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import ai.dfc.geometry.camera.EvaluationRig;
import ai.dfc.geometry.camera.ReferenceRig;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-view rendering: same results whatever the thread count; argument checks. */
class RasterizerThreadingTest {
    @Test
    void resultsAreIdenticalForOneTwoAndThreeThreads() {
        TriangleMesh sphere = TestScenes.sphere(0.5, 24, 48);
        List<Camera> cameras = new ArrayList<>(ReferenceRig.cameras(ImageSize.square(64)));
        cameras.addAll(EvaluationRig.cameras(new ImageSize(48, 40), 9).subList(0, 5));
        Rasterizer r = new Rasterizer();
        List<RenderedView> one = r.render(sphere, cameras, 1);
        assertThat(one).hasSize(24);
        for (int threads : new int[] {2, 3}) {
            List<RenderedView> many = r.render(sphere, cameras, threads);
            assertThat(many).hasSize(24);
            for (int k = 0; k < cameras.size(); k++) {
                RenderedView a = one.get(k);
                RenderedView b = many.get(k);
                assertThat(b.camera()).isEqualTo(cameras.get(k));
                assertThat(b.depth()).containsExactly(a.depth());
                assertThat(b.partIds()).containsExactly(a.partIds());
                assertThat(b.triangleIndices()).containsExactly(a.triangleIndices());
                assertThat(b.normals()).containsExactly(a.normals());
                assertThat(b.rgb()).isEqualTo(a.rgb());
                assertThat(b.mask()).isEqualTo(a.mask());
            }
        }
        // the single-view call gives the same view too
        assertThat(r.render(sphere, cameras.get(3)).depth()).containsExactly(one.get(3).depth());
        // the sphere (radius 0.5 at distance 2) fills the centre of every rig view: depth 1.5 on the central ray
        assertThat(one.get(11).depthAt(32, 32)).isBetween(1.5f, 1.51f);
    }

    @Test
    void rejectsBadArguments() {
        Rasterizer r = new Rasterizer();
        TriangleMesh mesh = TestScenes.rectangle(0, 0, 1, 1, 2);
        List<Camera> cameras = List.of(TestScenes.pinhole(8, 8, 8, 4, 4));
        assertThatThrownBy(() -> r.render(mesh, cameras, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thread count must be >= 1, was 0");
        assertThatThrownBy(() -> r.render(null, cameras, 1)).hasMessageContaining("mesh must not be null");
        assertThatThrownBy(() -> r.render(mesh, (Camera) null)).hasMessageContaining("camera must not be null");
        assertThatThrownBy(() -> new Rasterizer(null)).hasMessageContaining("options must not be null");
        assertThat(r.render(mesh, List.of(), 4)).isEmpty();
        // default supersampling 2: 3,000,000 columns become 6,000,000 samples, beyond the fixed-point range
        Camera wide = TestScenes.pinhole(3_000_000, 1, 8, 4, 0);
        assertThatThrownBy(() -> r.render(mesh, wide)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6000000x2 samples; at most 4194304 per side");
    }
}
