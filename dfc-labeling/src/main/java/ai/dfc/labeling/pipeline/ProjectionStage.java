package ai.dfc.labeling.pipeline;

import ai.dfc.api.image.Mask;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.ProcessedViews;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.image.GrayImage;
import ai.dfc.geometry.image.SquareCrop;
import ai.dfc.geometry.numpy.Npy;
import ai.dfc.geometry.points.ViewVisibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * SPEC §3.9–3.10 for one asset of the training render set: for every part, the heat map of the same asset in the
 * labeling render set is normalized, binarized in every training view ({@link PseudoLabelBinarizer}) and written as
 * {@code pseudo_labels/{part}/0000.png} (full size, 0/255), then cropped to 224 with the view's {@link SquareCrop}
 * ({@link ProcessedViews#crop}; the crop that also made {@code rgb_images_processed}, {@code object_masks_processed}
 * and {@code visible_pt_dict_processed.npz}, which are written first if missing) and multiplied by the resized object
 * mask: {@code pseudo_labels_processed/{part}/0000.png}. Every part gets a label in every view, possibly empty. A view
 * whose processed label exists is skipped. Views run concurrently on the run's pool.
 */
final class ProjectionStage {
    private final ExecutorService pool;
    private final RunCounters counters;

    ProjectionStage(ExecutorService pool, RunCounters counters) {
        this.pool = pool;
        this.counters = counters;
    }

    void run(RenderedAsset labeling, RenderedAsset training, List<PartSpec> parts) throws IOException {
        LabelingLayout heatmaps = new LabelingLayout(labeling.layout().dir());
        LabelingLayout out = new LabelingLayout(training.layout().dir());
        String name = training.name().folder();
        int views = training.viewCount();
        List<Tasks.IoTask<Boolean>> tasks = new ArrayList<>();
        List<ViewVisibility> visibility = null;
        for (PartSpec part : parts) {
            List<Integer> pending = new ArrayList<>();
            for (int v = 0; v < views; v++) {
                if (!Files.exists(out.processedLabel(part.fileName(), v))) {
                    pending.add(v);
                }
            }
            if (pending.isEmpty()) {
                continue;
            }
            if (visibility == null) {
                counters.report(LabelingProgress.Stage.PROJECTION, name);
                ProcessedViews.write(training);
                visibility = training.visibility();
            }
            Path file = heatmaps.findHeatmap(labeling.name().folder(), part.fileName())
                    .orElseThrow(() -> new IOException("no heat map of '" + part.name() + "' in "
                            + labeling.layout().dir().resolve(LabelingLayout.HEATMAPS)));
            double[] h = PseudoLabelBinarizer.normalize(Npy.read(file).toDoubles());
            List<ViewVisibility> vis = visibility;
            for (int v : pending) {
                tasks.add(() -> {
                    Mask mask = training.mask(v);
                    GrayImage label = PseudoLabelBinarizer.binarize(h, vis.get(v), mask, part.edge(), part.zoomIn())
                            .label();
                    Pngs.writeGray(out.pseudoLabel(part.fileName(), v), mask.size(), label.toBytes());
                    GrayImage processed = ProcessedViews.crop(training, v).applyToLabel(label, mask);
                    Pngs.writeGray(out.processedLabel(part.fileName(), v), processed.size(), processed.toBytes());
                    counters.labelWritten();
                    return true;
                });
            }
        }
        Tasks.all(pool, tasks);
    }
}
