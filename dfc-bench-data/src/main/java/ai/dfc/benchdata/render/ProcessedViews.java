package ai.dfc.benchdata.render;

import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.geometry.image.SquareCrop;
import ai.dfc.geometry.numpy.NpyArray;
import ai.dfc.geometry.numpy.Npz;
import ai.dfc.geometry.points.ViewVisibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §3.10 for the views of one rendered asset: each view composited onto white, padded by 60 px, cropped to
 * the 1.2× square around its object mask and resized to 224×224 (Lanczos RGB, nearest mask), and its visible
 * points mapped into the crop (kept when they land on the resized mask). Writes the reference's processed files
 * into the asset folder:
 * <pre>
 * rgb_images_processed/0000.png      224×224 RGB, white background
 * object_masks_processed/0000.png    224×224, 0/255
 * visible_pt_dict_processed.npz      keys "0000.png", … → {"vis_pt_idx", "proj_2D_loc" (row, col) in 224 space}
 * </pre>
 * Pseudo labels are cropped with the same transform by the labeling stage ({@link #crop}).
 */
public final class ProcessedViews {
    public static final String RGB = "rgb_images_processed";
    public static final String MASKS = "object_masks_processed";
    public static final String VISIBILITY = "visible_pt_dict_processed.npz";

    private ProcessedViews() {
    }

    /** The crop of view {@code v}, from its object mask. */
    public static SquareCrop crop(RenderedAsset asset, int v) throws IOException {
        return SquareCrop.fromObjectMask(asset.mask(v));
    }

    /** The processed image name of view {@code v}: {@code 0000.png}. */
    public static String imageName(int v) {
        return AssetLayout.view(v) + ".png";
    }

    /**
     * Writes the processed views of {@code asset} unless they already exist (resumable at asset granularity: the
     * visibility file is written last).
     *
     * @return true if written now
     */
    public static boolean write(RenderedAsset asset) throws IOException {
        Path dir = asset.layout().dir();
        if (Files.exists(dir.resolve(VISIBILITY))) {
            return false;
        }
        List<ViewVisibility> visibility = asset.visibility();
        Map<String, NpyArray> processed = new LinkedHashMap<>();
        for (int v = 0; v < asset.viewCount(); v++) {
            Mask mask = asset.mask(v);
            SquareCrop crop = SquareCrop.fromObjectMask(mask);
            RgbImage rgb = Pngs.readRgb(asset.layout().rgb(v));
            Mask cropped = crop.apply(mask);
            Pngs.writeRgb(dir.resolve(RGB).resolve(imageName(v)), crop.applyToRender(rgb, mask));
            Pngs.writeMask(dir.resolve(MASKS).resolve(imageName(v)), cropped);
            ViewVisibility vis = visibility.get(v);
            long[] idx = new long[vis.size()];
            long[] rc = new long[2 * vis.size()];
            int n = 0;
            for (int i = 0; i < vis.size(); i++) {
                int r = crop.mapRow(vis.row(i));
                int c = crop.mapCol(vis.col(i));
                if (cropped.get(r, c)) {
                    idx[n] = vis.pointIndex(i);
                    rc[2 * n] = r;
                    rc[2 * n + 1] = c;
                    n++;
                }
            }
            Map<String, NpyArray> dict = new LinkedHashMap<>();
            dict.put("vis_pt_idx", NpyArray.of(java.util.Arrays.copyOf(idx, n), n));
            dict.put("proj_2D_loc", NpyArray.of(java.util.Arrays.copyOf(rc, 2 * n), n, 2));
            processed.put(imageName(v), Npz.objectScalar(dict));
        }
        Npz.write(dir.resolve(VISIBILITY), processed);
        return true;
    }

    /** The processed visible points of view {@code v} ((row, col) in 224 space; several points may share a pixel). */
    @SuppressWarnings("unchecked")
    public static ProjectedPoints visibility(RenderedAsset asset, int v) throws IOException {
        Path file = asset.layout().dir().resolve(VISIBILITY);
        NpyArray holder = Npz.read(file).get(imageName(v));
        if (holder == null) {
            throw new IOException(file + ": no entry " + imageName(v));
        }
        Map<String, NpyArray> d = (Map<String, NpyArray>) holder.objects().get(0);
        return ProjectedPoints.ofRowColPairs(d.get("vis_pt_idx").toInts(), d.get("proj_2D_loc").toInts());
    }
}
