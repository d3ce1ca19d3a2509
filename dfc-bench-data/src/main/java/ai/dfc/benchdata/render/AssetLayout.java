package ai.dfc.benchdata.render;

import java.nio.file.Path;

/**
 * The reference's per-asset render folder (SPEC §2.3–2.5), {@code <render root>/<uid>---<category>.glb/}, plus DFC's
 * additions. View {@code k}'s files are named by {@code %04d}:
 * <pre>
 * rgb_images/0000.png            RGBA, transparent background (reference)
 * depth_npy/0000.npy             float16 planar camera depth, +inf background (reference, after its EXR conversion)
 * segmentation/0000_0001.png     object mask 0/255 (reference)
 * K/0000.npy, RT/0000.npy        3×3 intrinsics, 3×4 world→OpenCV-camera extrinsics (reference)
 * obj_pose/0000.npy, object_pose.npy   4×4 object world matrix (reference)
 * &lt;uid&gt;.npy                      (N, 6) float32 point cloud xyz + normal, glTF Y-up frame (reference layout)
 * visible_pt_dict.npz            per view {"vis_pt_idx", "proj_2D_loc"} as pickled dicts (reference)
 * part_ids/0000.png              DFC: part id + 1 per pixel, 0 = background
 * point_part_ids.npy             DFC: int32 part id per cloud point
 * &lt;uid&gt;.glb                      DFC: the normalized mesh, one node per part
 * asset.json                     DFC: category, parts, part frames, shape parameters, seeds
 * </pre>
 */
public record AssetLayout(Path dir, String uid) {
    public static final String ASSET_JSON = "asset.json";
    public static final String VISIBILITY = "visible_pt_dict.npz";

    public static String view(int index) {
        return String.format("%04d", index);
    }

    public Path rgb(int view) {
        return dir.resolve("rgb_images").resolve(view(view) + ".png");
    }

    public Path depth(int view) {
        return dir.resolve("depth_npy").resolve(view(view) + ".npy");
    }

    public Path segmentation(int view) {
        return dir.resolve("segmentation").resolve(view(view) + "_0001.png");
    }

    public Path intrinsics(int view) {
        return dir.resolve("K").resolve(view(view) + ".npy");
    }

    public Path extrinsics(int view) {
        return dir.resolve("RT").resolve(view(view) + ".npy");
    }

    public Path objectPose(int view) {
        return dir.resolve("obj_pose").resolve(view(view) + ".npy");
    }

    public Path objectPose() {
        return dir.resolve("object_pose.npy");
    }

    public Path partIds(int view) {
        return dir.resolve("part_ids").resolve(view(view) + ".png");
    }

    public Path pointCloud() {
        return dir.resolve(uid + ".npy");
    }

    public Path pointPartIds() {
        return dir.resolve("point_part_ids.npy");
    }

    public Path mesh() {
        return dir.resolve(uid + ".glb");
    }

    public Path assetJson() {
        return dir.resolve(ASSET_JSON);
    }

    public Path visibility() {
        return dir.resolve(VISIBILITY);
    }
}
