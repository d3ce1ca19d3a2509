package ai.dfc.benchdata.render;

import ai.dfc.api.DfcException;
import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.image.ImageSize;
import ai.dfc.benchdata.mesh.GlbWriter;
import ai.dfc.benchdata.world.TaxonomyFiles;
import ai.dfc.geometry.camera.ObjectPose;
import ai.dfc.geometry.mesh.TriangleMesh;
import ai.dfc.geometry.numpy.Npy;
import ai.dfc.geometry.numpy.NpyArray;
import ai.dfc.geometry.numpy.Npz;
import ai.dfc.geometry.points.MultiViewVisibility;
import ai.dfc.geometry.points.SurfaceSampler;
import ai.dfc.geometry.points.ViewVisibility;
import ai.dfc.geometry.points.VisiblePointFinder;
import ai.dfc.geometry.raster.Rasterizer;
import ai.dfc.geometry.raster.RenderedView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders assets into the reference's per-asset layout ({@link AssetLayout}): views, planar depth, masks, part ids,
 * K/RT/pose, a surface point cloud and the per-view visible points (SPEC §2.2–2.5).
 *
 * <p>Resumable: an asset is written into a hidden temporary folder next to its final place and renamed atomically
 * when complete, so the final folder either holds a whole asset or does not exist; {@link #render} skips assets
 * whose folder exists and deletes leftovers of interrupted runs. Thread-safe: different assets may be rendered
 * concurrently; the rasterizer itself uses {@code threads} threads across views.
 */
public final class AssetRenderer {
    private static final String PARTIAL = ".partial-";

    private final Rasterizer rasterizer;
    private final int threads;
    private final VisiblePointFinder visibility = VisiblePointFinder.reference();

    public AssetRenderer(Rasterizer rasterizer, int threads) {
        this.rasterizer = rasterizer;
        this.threads = threads;
    }

    /** Whether the asset is already complete under {@code root}. */
    public static boolean isDone(Path root, ai.dfc.benchdata.world.AssetName name) {
        return Files.isDirectory(root.resolve(name.folder()));
    }

    /**
     * Renders one asset under {@code root} unless it is already there.
     *
     * @return true if it was rendered now, false if it existed
     * @throws DfcException naming the asset when writing fails
     */
    public boolean render(Path root, RenderJob job) {
        Path target = root.resolve(job.name().folder());
        if (Files.isDirectory(target)) {
            return false;
        }
        Path tmp = root.resolve(PARTIAL + job.name().folder() + "-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId());
        try {
            Files.createDirectories(root);
            deleteTree(tmp);
            write(new AssetLayout(tmp, job.name().uid()), job);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new DfcException("cannot render " + job.name() + " into " + root + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(tmp);
            } catch (IOException ignored) {
                // best effort; cleanPartials removes it on the next run
            }
        }
    }

    /** Deletes temporary folders that interrupted runs left under {@code root}. */
    public static void cleanPartials(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(PARTIAL)).toList()) {
                deleteTree(p);
            }
        }
    }

    private void write(AssetLayout out, RenderJob job) throws IOException {
        double[] assetToWorld = ObjectPose.assetToWorld(job.objectPose());
        TriangleMesh world = job.mesh().transformed(assetToWorld);
        List<RenderedView> views = rasterizer.render(world, job.cameras(), threads);

        PointCloud cloud = SurfaceSampler.samplePointCloud(job.mesh(), job.points(), job.pointSeed());
        PointCloud worldCloud = transform(cloud, assetToWorld);
        MultiViewVisibility visible = new MultiViewVisibility(visibility);
        Map<String, NpyArray> visibilityNpz = new LinkedHashMap<>();
        NpyArray pose = NpyArray.of(job.objectPose(), 4, 4);
        for (int v = 0; v < views.size(); v++) {
            RenderedView view = views.get(v);
            Camera camera = job.cameras().get(v);
            ImageSize size = view.size();
            // the reference stores depth as float16 and computes visibility from that file: do the same
            NpyArray depth16 = NpyArray.ofHalf(view.depth(), size.height(), size.width());
            ViewVisibility vis = visible.addView(worldCloud, camera, depth16.toFloats());
            Map<String, NpyArray> dict = new LinkedHashMap<>();
            long[] idx = new long[vis.size()];
            long[] rowCol = new long[2 * vis.size()];
            for (int i = 0; i < vis.size(); i++) {
                idx[i] = vis.pointIndex(i);
                rowCol[2 * i] = vis.row(i);
                rowCol[2 * i + 1] = vis.col(i);
            }
            dict.put("vis_pt_idx", NpyArray.of(idx, idx.length));
            dict.put("proj_2D_loc", NpyArray.of(rowCol, idx.length, 2));
            visibilityNpz.put(Integer.toString(v), Npz.objectScalar(dict));

            Files.createDirectories(out.depth(v).getParent());
            Files.createDirectories(out.intrinsics(v).getParent());
            Files.createDirectories(out.extrinsics(v).getParent());
            Files.createDirectories(out.objectPose(v).getParent());
            Pngs.writeRgba(out.rgb(v), view.rgb(), view.mask());
            Pngs.writeMask(out.segmentation(v), view.mask());
            Npy.write(out.depth(v), depth16);
            Npy.write(out.intrinsics(v), NpyArray.of(camera.intrinsics().toMatrix(), 3, 3));
            Npy.write(out.extrinsics(v), NpyArray.of(camera.extrinsics().toMatrix(), 3, 4));
            Npy.write(out.objectPose(v), pose);
            int[] parts = view.partIds();
            byte[] labels = new byte[parts.length];
            for (int i = 0; i < parts.length; i++) {
                labels[i] = (byte) (parts[i] + 1);
            }
            Pngs.writeGray(out.partIds(v), size, labels);
        }
        Npy.write(out.objectPose(), pose);
        Npz.write(out.visibility(), visibilityNpz);
        float[] xyzn = new float[6 * cloud.size()];
        for (int i = 0; i < cloud.size(); i++) {
            for (int a = 0; a < 3; a++) {
                xyzn[6 * i + a] = cloud.coordinate(i, a);
                xyzn[6 * i + 3 + a] = cloud.normal(i, a);
            }
        }
        Npy.write(out.pointCloud(), NpyArray.of(xyzn, cloud.size(), 6));
        Npy.write(out.pointPartIds(), NpyArray.of(cloud.partIds(), cloud.size()));
        GlbWriter.write(out.mesh(), job.mesh());
        Map<String, Object> meta = new LinkedHashMap<>(job.metadata());
        meta.put("uid", job.name().uid());
        meta.put("category", job.name().category());
        meta.put("parts", job.mesh().partNames());
        meta.put("views", views.size());
        meta.put("point_seed", job.pointSeed());
        TaxonomyFiles.writeJson(out.assetJson(), meta);
    }

    private static PointCloud transform(PointCloud cloud, double[] m) {
        float[] xyz = new float[3 * cloud.size()];
        float[] n = new float[3 * cloud.size()];
        for (int i = 0; i < cloud.size(); i++) {
            double x = cloud.coordinate(i, 0);
            double y = cloud.coordinate(i, 1);
            double z = cloud.coordinate(i, 2);
            for (int r = 0; r < 3; r++) {
                xyz[3 * i + r] = (float) (m[4 * r] * x + m[4 * r + 1] * y + m[4 * r + 2] * z + m[4 * r + 3]);
                n[3 * i + r] = (float) (m[4 * r] * cloud.normal(i, 0) + m[4 * r + 1] * cloud.normal(i, 1)
                        + m[4 * r + 2] * cloud.normal(i, 2));
            }
        }
        return new PointCloud(xyz, n, cloud.partIds());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
