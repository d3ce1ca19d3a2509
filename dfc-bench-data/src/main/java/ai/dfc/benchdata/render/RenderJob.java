package ai.dfc.benchdata.render;

import ai.dfc.api.geometry.Camera;
import ai.dfc.benchdata.world.AssetName;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.List;
import java.util.Map;

/**
 * One asset to render into the reference layout.
 *
 * @param name        the asset folder name
 * @param mesh        the normalized mesh in the glTF Y-up frame (SPEC §0.3)
 * @param cameras     the views, image k = camera k
 * @param objectPose  the 4×4 row-major object world matrix applied after the Y-up → Z-up rotation (SPEC §2.3)
 * @param pointSeed   seed of the surface point sampling
 * @param points      number of cloud points (the reference: 100,000)
 * @param metadata    extra JSON-serializable facts for {@code asset.json} (category, parameters, part frames, …)
 */
public record RenderJob(AssetName name, TriangleMesh mesh, List<Camera> cameras, double[] objectPose, long pointSeed,
        int points, Map<String, Object> metadata) {
    public RenderJob {
        cameras = List.copyOf(cameras);
        objectPose = objectPose.clone();
        metadata = Map.copyOf(metadata);
        if (cameras.isEmpty() || objectPose.length != 16 || points < 1) {
            throw new IllegalArgumentException("a render job needs cameras, a 4x4 pose and >= 1 point");
        }
    }
}
