package ai.dfc.labeling.report;

import ai.dfc.api.image.Mask;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.ProcessedViews;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.image.SquareCrop;
import ai.dfc.geometry.io.AtomicFiles;
import ai.dfc.labeling.pipeline.LabelingLayout;
import ai.dfc.labeling.pipeline.PartCatalog;
import ai.dfc.labeling.pipeline.PartSpec;
import ai.dfc.labeling.pipeline.TruthMasks;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * How well the pseudo labels of a dataset with true parts match them: for every training-set asset with part ids, every
 * catalog part with processed labels, and every view, the IoU of {@code pseudo_labels_processed/{part}/0000.png}
 * against the true part mask cropped the same way (the view's {@link SquareCrop} applied to the part-id mask, times
 * the resized object mask, as SPEC §3.10 crops labels).
 *
 * <p>A view where both masks are empty (the part is hidden and nothing was labeled) has no IoU and is left out of the
 * means (counted as {@code empty_views}); a hidden part that was labeled anyway scores 0. Means are over views
 * (micro averages).
 *
 * <p>JSON written by {@link #writeJson}:
 * <pre>
 * {"mean_iou": 0.61, "views": 912, "empty_views": 40,
 *  "categories": {"mug": {"mean_iou": …, "views": …, "empty_views": …,
 *                         "parts": {"rim": {"mean_iou": …, "views": …, "empty_views": …}, …}}, …},
 *  "assets": {"uid---mug.glb": {"rim": {"mean_iou": …, "iou": {"0000.png": 0.7, "0001.png": null, …}}, …}, …}}
 * </pre>
 * {@code mean_iou} is {@code null} where no view has an IoU. Immutable once built.
 */
public final class QualityReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<ViewScore> scores;

    private QualityReport(List<ViewScore> scores) {
        this.scores = List.copyOf(scores);
    }

    /**
     * Scores every labeled view of every asset with truth in {@code dataset/renders_for_training}.
     *
     * @throws IOException if a file cannot be read
     */
    public static QualityReport evaluate(Path dataset, PartCatalog catalog) throws IOException {
        Path root = dataset.resolve(ProceduralRenders.TRAINING);
        List<ViewScore> scores = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new QualityReport(scores);
        }
        for (RenderedAsset asset : RenderedAsset.list(root)) {
            List<PartSpec> parts = catalog.parts(ObjectCategory.of(asset.name().category()));
            TruthMasks truth = TruthMasks.of(asset);
            if (parts.isEmpty() || !truth.available()) {
                continue;
            }
            LabelingLayout layout = new LabelingLayout(asset.layout().dir());
            for (int v = 0; v < asset.viewCount(); v++) {
                List<PartSpec> labeled = new ArrayList<>();
                for (PartSpec p : parts) {
                    if (truth.knows(p.name()) && Files.exists(layout.processedLabel(p.fileName(), v))) {
                        labeled.add(p);
                    }
                }
                if (labeled.isEmpty()) {
                    continue;
                }
                Mask object = asset.mask(v);
                SquareCrop crop = ProcessedViews.crop(asset, v);
                var masks = truth.masks(v, labeled.stream().map(PartSpec::name).toList());
                for (PartSpec p : labeled) {
                    Mask label = Pngs.readMask(layout.processedLabel(p.fileName(), v));
                    Mask real = crop.applyToLabel(masks.get(p.name()), object);
                    scores.add(new ViewScore(asset.name().folder(), asset.name().category(), p.fileName(), v,
                            label.count(), real.count(), label.and(real).count()));
                }
            }
        }
        return new QualityReport(scores);
    }

    /** Name of the JSON summary written by {@link #write}. */
    public static final String JSON_FILE = "report.json";
    /** Folder of the pictures written by {@link #write}. */
    public static final String PICTURES = "pictures";

    /**
     * Evaluates {@code dataset} and writes {@code {out}/report.json} and the pictures under {@code {out}/pictures/}
     * ({@link ReportPictures}).
     *
     * @return the report
     * @throws IOException if a file cannot be read or written
     */
    public static QualityReport write(Path dataset, PartCatalog catalog, Path out) throws IOException {
        QualityReport report = evaluate(dataset, catalog);
        report.writeJson(out.resolve(JSON_FILE));
        ReportPictures.write(dataset, catalog, out.resolve(PICTURES));
        return report;
    }

    /** A report of exactly these scores. */
    public static QualityReport of(List<ViewScore> scores) {
        return new QualityReport(scores);
    }

    /** Every scored view, in (asset, view, part) order. */
    public List<ViewScore> scores() {
        return scores;
    }

    /** Mean IoU over all views with an IoU; empty when there are none. */
    public OptionalDouble meanIou() {
        return mean(s -> true);
    }

    /** Mean IoU of one part of one category; empty when none of its views has an IoU. */
    public OptionalDouble meanIou(String category, String part) {
        String file = part.replace(' ', '_');
        return mean(s -> s.category().equals(category) && s.part().equals(file));
    }

    private OptionalDouble mean(Predicate<ViewScore> filter) {
        return scores.stream().filter(filter).filter(s -> !s.bothEmpty()).mapToDouble(ViewScore::iou).average();
    }

    /** The JSON summary (see the class doc) as nested maps, in first-seen order; one pass over the scores. */
    public Map<String, Object> summary() {
        Stats all = new Stats();
        Map<String, Stats> byCategory = new LinkedHashMap<>();
        Map<String, Map<String, Stats>> byPart = new LinkedHashMap<>();
        Map<String, Map<String, Stats>> byAssetPart = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Object>>> perView = new LinkedHashMap<>();
        for (ViewScore s : scores) {
            all.add(s);
            byCategory.computeIfAbsent(s.category(), k -> new Stats()).add(s);
            byPart.computeIfAbsent(s.category(), k -> new LinkedHashMap<>()).computeIfAbsent(s.part(), k -> new Stats())
                    .add(s);
            byAssetPart.computeIfAbsent(s.asset(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.part(), k -> new Stats()).add(s);
            perView.computeIfAbsent(s.asset(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.part(), k -> new LinkedHashMap<>())
                    .put(LabelingLayout.imageName(s.view()), s.bothEmpty() ? null : s.iou());
        }
        Map<String, Object> root = all.toMap();
        Map<String, Object> categories = new LinkedHashMap<>();
        byCategory.forEach((category, stats) -> {
            Map<String, Object> c = stats.toMap();
            Map<String, Object> parts = new LinkedHashMap<>();
            byPart.get(category).forEach((part, ps) -> parts.put(part, ps.toMap()));
            c.put("parts", parts);
            categories.put(category, c);
        });
        Map<String, Object> assets = new LinkedHashMap<>();
        byAssetPart.forEach((asset, parts) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            parts.forEach((part, ps) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("mean_iou", ps.mean());
                m.put("iou", perView.get(asset).get(part));
                a.put(part, m);
            });
            assets.put(asset, a);
        });
        root.put("categories", categories);
        root.put("assets", assets);
        return root;
    }

    /** Running sums of one group of scores. */
    private static final class Stats {
        private double sum;
        private long views;
        private long empty;

        void add(ViewScore s) {
            if (s.bothEmpty()) {
                empty++;
            } else {
                sum += s.iou();
                views++;
            }
        }

        Double mean() {
            return views == 0 ? null : sum / views;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mean_iou", mean());
            m.put("views", views);
            m.put("empty_views", empty);
            return m;
        }
    }

    /** Writes {@link #summary()} as indented JSON, atomically. */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), summary()));
    }

    /** The score of one (asset, part, view), if it was scored. */
    public Optional<ViewScore> score(String asset, String part, int view) {
        String file = part.replace(' ', '_');
        return scores.stream().filter(s -> s.asset().equals(asset) && s.part().equals(file) && s.view() == view)
                .findFirst();
    }
}
