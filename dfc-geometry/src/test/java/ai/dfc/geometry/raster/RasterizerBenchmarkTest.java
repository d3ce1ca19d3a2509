package ai.dfc.geometry.raster;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import ai.dfc.geometry.camera.ReferenceRig;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput on the reference workload: a 50,000-triangle sphere at 490 × 490 from the 19-view rig, 2 threads.
 * Prints views/s; run with {@code -Dtest.excludedGroups= -Dtest=RasterizerBenchmarkTest}.
 */
@Tag("slow")
class RasterizerBenchmarkTest {
    private static final int ROUNDS = 5;

    @Test
    void rendersTheNineteenViewRigAtReferenceResolution() {
        TriangleMesh sphere = TestScenes.sphere(0.5, 126, 200);
        assertThat(sphere.triangleCount()).isEqualTo(50_000);
        List<Camera> cameras = ReferenceRig.cameras(ImageSize.square(490));
        for (int s : new int[] {1, 2, 3}) {
            Rasterizer r = new Rasterizer(RenderOptions.builder().supersampling(s).build());
            // warm-up so the JIT has compiled the fill loop
            List<RenderedView> views = r.render(sphere, cameras, 2);
            r.render(sphere, cameras, 2);
            long start = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                views = r.render(sphere, cameras, 2);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double viewsPerSecond = ROUNDS * cameras.size() / seconds;
            System.out.printf("rasterizer: %d triangles, 490x490, supersampling %d, 2 threads: %.1f views/s%n",
                    sphere.triangleCount(), s, viewsPerSecond);
            // radius 0.5 at distance 2: silhouette radius f·r/√(D² − r²); the inscribed facets fill slightly less
            double radius = cameras.get(0).intrinsics().fx() * 0.5 / Math.sqrt(4 - 0.25);
            for (RenderedView v : views) {
                assertThat((double) v.mask().count()).isBetween(0.97 * Math.PI * radius * radius,
                        Math.PI * radius * radius + 2 * Math.PI * radius);
                // the rig radii are 2 ± 1e-6 (six-decimal table)
                assertThat(v.depthAt(245, 245)).isBetween(1.49999f, 1.501f);
            }
        }
    }
}
