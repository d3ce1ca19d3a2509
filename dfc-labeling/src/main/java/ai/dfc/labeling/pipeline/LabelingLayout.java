package ai.dfc.labeling.pipeline;

import ai.dfc.benchdata.render.AssetLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the labeling pipeline writes inside one asset folder, in the reference's layout (SPEC §3.4–3.10). Part names
 * in file and folder names use underscores ({@link PartSpec#fileName()}); image names are {@code 0000.png}.
 *
 * <p>In the asset folder of the <b>labeling</b> render set:
 * <pre>
 * part_annotations/{part}.json                   {"0000.png": {"query_0": [[x0,y0,x1,y1] ×4]}, …}   (§3.4)
 * part_annotations/{part}_aggregated.json        {"0000.png": {"query_0": [x0,y0,x1,y1] or []}, …}   (§3.5)
 * rgb_images_cropped/{part}/0000.png             zoom crops of small parts                            (§3.6)
 * crop_offset/{part}_crop_offset.json            {"0000.png": [x0, y0], …}                            (§3.6)
 * part_annotations_cropped/{part}.json           boxes on the crops, crop pixels                      (§3.6)
 * heatmap_aggregated/{asset}|||{part}|||3Dheatmap{suffix}.npy   raw votes, float64 (N,)           (§3.8)
 * </pre>
 * In the asset folder of the <b>training</b> render set:
 * <pre>
 * pseudo_labels/{part}/0000.png                  uint8 0/255, full render size                        (§3.9)
 * pseudo_labels_processed/{part}/0000.png        uint8 0/255, 224×224                                 (§3.10)
 * </pre>
 * Boxes are {@code [x0, y0, x1, y1]} with {@code x} = column, in pixels of the image that was queried.
 *
 * @param dir the asset folder
 */
public record LabelingLayout(Path dir) {
    /** Folder of the raw and aggregated boxes. */
    public static final String ANNOTATIONS = "part_annotations";
    /** Folder of the boxes found on zoom crops. */
    public static final String CROPPED_ANNOTATIONS = "part_annotations_cropped";
    /** Folder of the zoom crops' offsets. */
    public static final String CROP_OFFSETS = "crop_offset";
    /** Folder of the zoom crops. */
    public static final String CROPPED_IMAGES = "rgb_images_cropped";
    /** Folder of the raw 3-D heat maps. */
    public static final String HEATMAPS = "heatmap_aggregated";
    /** Folder of the full-size pseudo labels. */
    public static final String PSEUDO_LABELS = "pseudo_labels";
    /** Folder of the 224×224 pseudo labels. */
    public static final String PROCESSED_LABELS = "pseudo_labels_processed";
    /** Separator of the fields of a heat map file name. */
    public static final String SEPARATOR = "|||";
    private static final String HEATMAP_TAG = "3Dheatmap";

    /** The image name of view {@code v}: {@code 0000.png}. */
    public static String imageName(int view) {
        return AssetLayout.view(view) + ".png";
    }

    /**
     * The view index of an image name ({@code "0007.png"} → 7).
     *
     * @throws IllegalArgumentException if the name is not digits followed by {@code .png}
     */
    public static int viewOf(String imageName) {
        if (!imageName.matches("[0-9]{1,9}\\.png")) {
            throw new IllegalArgumentException("image name must look like '0000.png', was '" + imageName + "'");
        }
        return Integer.parseInt(imageName.substring(0, imageName.length() - 4));
    }

    /** The raw boxes of {@code part}. */
    public Path annotations(String part) {
        return dir.resolve(ANNOTATIONS).resolve(part + ".json");
    }

    /** The aggregated boxes of {@code part}. */
    public Path aggregated(String part) {
        return dir.resolve(ANNOTATIONS).resolve(part + "_aggregated.json");
    }

    /** The boxes of {@code part} found on its zoom crops, in crop pixels. */
    public Path croppedAnnotations(String part) {
        return dir.resolve(CROPPED_ANNOTATIONS).resolve(part + ".json");
    }

    /** The crop offsets of {@code part}. */
    public Path cropOffsets(String part) {
        return dir.resolve(CROP_OFFSETS).resolve(part + "_crop_offset.json");
    }

    /** The zoom crop of {@code part} in view {@code v}. */
    public Path croppedImage(String part, int view) {
        return dir.resolve(CROPPED_IMAGES).resolve(part).resolve(imageName(view));
    }

    /**
     * The heat map file of {@code part}: {@code heatmap_aggregated/{asset}|||{part}|||3Dheatmap{suffix}.npy}.
     *
     * @param asset  the asset folder name ({@code uid---category.glb})
     * @param zoomIn whether the votes came from zoom crops (suffix {@code -cropped})
     * @param edge   whether they were weighted by edge probabilities (suffix {@code -with_edge})
     */
    public Path heatmap(String asset, String part, boolean zoomIn, boolean edge) {
        String suffix = (zoomIn ? "-cropped" : "") + (edge ? "-with_edge" : "");
        return dir.resolve(HEATMAPS).resolve(asset + SEPARATOR + part + SEPARATOR + HEATMAP_TAG + suffix + ".npy");
    }

    /**
     * The heat map file of {@code part} whatever its suffix, if one exists (the first in name order when several do).
     *
     * @throws IOException if the folder cannot be listed
     */
    public Optional<Path> findHeatmap(String asset, String part) throws IOException {
        Path folder = dir.resolve(HEATMAPS);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        String prefix = asset + SEPARATOR + part + SEPARATOR + HEATMAP_TAG;
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix) || !n.endsWith(".npy")) {
                    return false;
                }
                String suffix = n.substring(prefix.length(), n.length() - 4);
                return suffix.isEmpty() || suffix.equals("-cropped") || suffix.equals("-with_edge")
                        || suffix.equals("-cropped-with_edge");
            }).sorted().findFirst();
        }
    }

    /** The full-size pseudo label of {@code part} in view {@code v}. */
    public Path pseudoLabel(String part, int view) {
        return dir.resolve(PSEUDO_LABELS).resolve(part).resolve(imageName(view));
    }

    /** The 224×224 pseudo label of {@code part} in view {@code v}. */
    public Path processedLabel(String part, int view) {
        return dir.resolve(PROCESSED_LABELS).resolve(part).resolve(imageName(view));
    }
}
