package ai.dfc.labeling.pipeline;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartName;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.image.ImageRegions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * SPEC §3.4–3.6 for one asset of the labeling render set: the boxes of every part in every view, their K-means
 * aggregation, and for small parts the zoom crops and their boxes. Each output file is written once, atomically, as
 * soon as all of its views are done, and its existence means "done": a rerun skips it. (An interrupted part is asked
 * again; remote grounders answer repeated questions from their caches.)
 *
 * <p>Views of all pending parts are grounded concurrently on the run's pool, queued in (part, view) order; results are
 * taken in that order, so files do not depend on timing and the parts finished before a failure are kept.
 */
final class GroundingStage {
    private final Grounder grounder;
    private final ExecutorService pool;
    private final RunCounters counters;

    GroundingStage(Grounder grounder, ExecutorService pool, RunCounters counters) {
        this.grounder = grounder;
        this.pool = pool;
        this.counters = counters;
    }

    void run(RenderedAsset asset, List<PartSpec> parts) throws IOException {
        LabelingLayout out = new LabelingLayout(asset.layout().dir());
        ObjectCategory category = ObjectCategory.of(asset.name().category());
        String name = asset.name().folder();
        int views = asset.viewCount();
        List<PartSpec> pending = parts.stream().filter(p -> !Files.exists(out.annotations(p.fileName()))).toList();
        if (!pending.isEmpty()) {
            counters.report(LabelingProgress.Stage.GROUNDING, name);
            TruthMasks truth = TruthMasks.of(asset);
            List<PartName> names = pending.stream().map(PartSpec::name).toList();
            List<RgbImage> images = new ArrayList<>();
            List<Map<PartName, Mask>> truths = new ArrayList<>();
            for (int v = 0; v < views; v++) {
                images.add(imageForGrounder(asset, v));
                truths.add(truth.masks(v, names));
            }
            List<Tasks.IoTask<BoxCollector.Collected>> tasks = new ArrayList<>();
            for (PartSpec part : pending) {
                for (int v = 0; v < views; v++) {
                    RgbImage image = images.get(v);
                    Mask t = truths.get(v).get(part.name());
                    tasks.add(() -> collected(BoxCollector.collect(grounder, image, category, part.description(), t),
                            name, LabelingProgress.Stage.GROUNDING));
                }
            }
            Tasks<BoxCollector.Collected> batch = Tasks.submit(pool, tasks);
            try {
                for (int p = 0; p < pending.size(); p++) {
                    Map<String, List<Box>> boxes = new LinkedHashMap<>();
                    for (int v = 0; v < views; v++) {
                        BoxCollector.Collected c = batch.get(p * views + v);
                        if (c.complete()) {
                            boxes.put(LabelingLayout.imageName(v), c.boxes());
                        }
                    }
                    AnnotationFiles.writeBoxes(out.annotations(pending.get(p).fileName()), boxes);
                }
            } finally {
                batch.cancel();
            }
        }
        for (PartSpec part : parts) {
            if (!Files.exists(out.aggregated(part.fileName()))) {
                Map<String, Optional<Box>> aggregated = new LinkedHashMap<>();
                AnnotationFiles.readBoxes(out.annotations(part.fileName()))
                        .forEach((image, boxes) -> aggregated.put(image, BoxClustering.aggregateBox(boxes)));
                AnnotationFiles.writeAggregated(out.aggregated(part.fileName()), aggregated);
            }
        }
        zoom(asset, parts, out, category);
    }

    private void zoom(RenderedAsset asset, List<PartSpec> parts, LabelingLayout out, ObjectCategory category)
            throws IOException {
        List<PartSpec> pending = parts.stream()
                .filter(p -> p.zoomIn() && !Files.exists(out.croppedAnnotations(p.fileName()))).toList();
        if (pending.isEmpty()) {
            return;
        }
        String name = asset.name().folder();
        counters.report(LabelingProgress.Stage.ZOOM, name);
        TruthMasks truth = TruthMasks.of(asset);
        Map<Integer, RgbImage> images = new LinkedHashMap<>();
        List<Tasks.IoTask<BoxCollector.Collected>> tasks = new ArrayList<>();
        List<List<String>> imageNames = new ArrayList<>();
        for (PartSpec part : pending) {
            Map<String, int[]> offsets = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, Optional<Box>> e : AnnotationFiles.readAggregated(out.aggregated(part.fileName()))
                    .entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                int v = LabelingLayout.viewOf(e.getKey());
                RgbImage image = images.get(v);
                if (image == null) {
                    image = imageForGrounder(asset, v);
                    images.put(v, image);
                }
                Optional<ZoomCrop> crop = ZoomCrop.around(e.getValue().get(), image.size());
                if (crop.isEmpty()) {
                    continue;
                }
                ZoomCrop z = crop.get();
                RgbImage cropped = z.apply(image);
                Pngs.writeRgb(out.croppedImage(part.fileName(), v), cropped);
                Mask t = truth.mask(v, part.name()).map(z::apply).orElse(null);
                offsets.put(e.getKey(), z.offset());
                names.add(e.getKey());
                tasks.add(() -> collected(BoxCollector.collect(grounder, cropped, category, part.description(), t),
                        name, LabelingProgress.Stage.ZOOM));
            }
            AnnotationFiles.writeOffsets(out.cropOffsets(part.fileName()), offsets);
            imageNames.add(names);
        }
        Tasks<BoxCollector.Collected> batch = Tasks.submit(pool, tasks);
        try {
            int next = 0;
            for (int p = 0; p < pending.size(); p++) {
                Map<String, List<Box>> boxes = new LinkedHashMap<>();
                for (String image : imageNames.get(p)) {
                    BoxCollector.Collected c = batch.get(next++);
                    if (c.complete()) {
                        boxes.put(image, c.boxes());
                    }
                }
                AnnotationFiles.writeBoxes(out.croppedAnnotations(pending.get(p).fileName()), boxes);
            }
        } finally {
            batch.cancel();
        }
    }

    private BoxCollector.Collected collected(BoxCollector.Collected c, String asset, LabelingProgress.Stage stage) {
        counters.collected(c);
        counters.report(stage, asset);
        return c;
    }

    /**
     * View {@code v} as the grounder sees it: the RGBA render on black (transparent pixels black, the others as
     * stored; the reference's {@code convert("RGB")} of a render whose transparent pixels are black).
     */
    static RgbImage imageForGrounder(RenderedAsset asset, int v) throws IOException {
        RgbImage rgb = Pngs.readRgb(asset.layout().rgb(v));
        return ImageRegions.composite(rgb, Pngs.readAlpha(asset.layout().rgb(v)), 0x000000);
    }
}
