package ai.dfc.benchdata.render;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Extrinsics;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.benchdata.world.AssetName;
import ai.dfc.geometry.numpy.Npy;
import ai.dfc.geometry.numpy.NpyArray;
import ai.dfc.geometry.numpy.Npz;
import ai.dfc.geometry.points.ViewVisibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one asset folder of the reference's render layout — written by {@link AssetRenderer} or by the authors'
 * Blender pipeline — lazily, file by file. Errors name the file.
 */
public final class RenderedAsset {
    private final AssetName name;
    private final AssetLayout layout;

    private RenderedAsset(AssetName name, AssetLayout layout) {
        this.name = name;
        this.layout = layout;
    }

    /**
     * @throws IllegalArgumentException if the folder name is not {@code uid---category.glb} or the folder is missing
     */
    public static RenderedAsset open(Path folder) {
        AssetName name = AssetName.parse(folder.getFileName().toString());
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no asset folder " + folder);
        }
        return new RenderedAsset(name, new AssetLayout(folder, name.uid()));
    }

    /**
     * Every asset folder of a render set, sorted by name; hidden entries (such as the temporary folders of an
     * interrupted render) are skipped.
     */
    public static List<RenderedAsset> list(Path renderSet) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(renderSet)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .map(RenderedAsset::open).toList();
        }
    }

    public AssetName name() {
        return name;
    }

    public AssetLayout layout() {
        return layout;
    }

    /** Number of views: the consecutive {@code K/%04d.npy} files from 0000. */
    public int viewCount() {
        int n = 0;
        while (Files.exists(layout.intrinsics(n))) {
            n++;
        }
        return n;
    }

    /** View {@code v}'s camera from its K and RT files, sized like its segmentation mask. */
    public Camera camera(int v) throws IOException {
        double[] k = Npy.read(layout.intrinsics(v)).toDoubles();
        double[] rt = Npy.read(layout.extrinsics(v)).toDoubles();
        Mask m = mask(v);
        try {
            return new Camera(m.size(), Intrinsics.fromMatrix(k), new Extrinsics(rt));
        } catch (IllegalArgumentException e) {
            throw new IOException(layout.extrinsics(v) + " / " + layout.intrinsics(v) + ": " + e.getMessage(), e);
        }
    }

    /** The object mask of view {@code v} ({@code segmentation/%04d_0001.png}). */
    public Mask mask(int v) throws IOException {
        return Pngs.readMask(layout.segmentation(v));
    }

    /** Planar depth of view {@code v}, row-major, as stored (float16 values; +inf background). */
    public float[] depth(int v) throws IOException {
        return Npy.read(layout.depth(v)).toFloats();
    }

    /** Part id per pixel of view {@code v}, −1 background (DFC renders only). */
    public int[] partIds(int v) throws IOException {
        int[] g = Pngs.readGray(layout.partIds(v));
        for (int i = 0; i < g.length; i++) {
            g[i] -= 1;
        }
        return g;
    }

    /** The 4×4 object pose. */
    public double[] objectPose() throws IOException {
        return Npy.read(layout.objectPose()).toDoubles();
    }

    /** The point cloud {@code (N, 6)}: positions and normals in the glTF Y-up frame; part ids where DFC wrote them. */
    public PointCloud pointCloud() throws IOException {
        NpyArray a = Npy.read(layout.pointCloud());
        long[] shape = a.shape();
        if (shape.length != 2 || shape[1] < 3) {
            throw new IOException(layout.pointCloud() + ": expected an (N, 6) array, found shape " + java.util.Arrays.toString(shape));
        }
        float[] v = a.toFloats();
        int n = (int) shape[0];
        int w = (int) shape[1];
        float[] xyz = new float[3 * n];
        float[] normals = w >= 6 ? new float[3 * n] : null;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                xyz[3 * i + k] = v[w * i + k];
                if (normals != null) {
                    normals[3 * i + k] = v[w * i + 3 + k];
                }
            }
        }
        int[] parts = Files.exists(layout.pointPartIds()) ? Npy.read(layout.pointPartIds()).toInts() : null;
        return new PointCloud(xyz, normals, parts);
    }

    /** The visible points of every view, from {@code visible_pt_dict.npz}, in view order. */
    @SuppressWarnings("unchecked")
    public List<ViewVisibility> visibility() throws IOException {
        Map<String, NpyArray> npz = Npz.read(layout.visibility());
        List<ViewVisibility> out = new ArrayList<>();
        for (int v = 0; npz.containsKey(Integer.toString(v)); v++) {
            Object value = npz.get(Integer.toString(v)).objects().get(0);
            if (!(value instanceof Map<?, ?> dict) || !dict.containsKey("vis_pt_idx") || !dict.containsKey("proj_2D_loc")) {
                throw new IOException(layout.visibility() + ": entry " + v + " is not a {vis_pt_idx, proj_2D_loc} dict");
            }
            Map<String, NpyArray> d = (Map<String, NpyArray>) dict;
            out.add(ViewVisibility.ofRowColPairs(d.get("vis_pt_idx").toInts(), d.get("proj_2D_loc").toInts()));
        }
        return out;
    }

    /** The image size of view {@code v}. */
    public ImageSize size(int v) throws IOException {
        return mask(v).size();
    }
}
