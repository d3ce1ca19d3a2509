package ai.dfc.labeling.report;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.ProcessedViews;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.image.GrayImage;
import ai.dfc.geometry.image.ResampleFilter;
import ai.dfc.geometry.image.Resize;
import ai.dfc.geometry.image.SquareCrop;
import ai.dfc.geometry.numpy.Npy;
import ai.dfc.geometry.points.ViewVisibility;
import ai.dfc.labeling.pipeline.LabelingLayout;
import ai.dfc.labeling.pipeline.PartCatalog;
import ai.dfc.labeling.pipeline.PartSpec;
import ai.dfc.labeling.pipeline.PseudoLabelBinarizer;
import ai.dfc.labeling.pipeline.TruthMasks;
import ai.dfc.labeling.pipeline.VotingBoxes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One picture per labeled (asset, part), four {@value #PANEL}×{@value #PANEL} panels side by side:
 * <ol>
 *   <li>the labeling view with the most voting boxes (the first such view), resized, its boxes drawn in yellow;</li>
 *   <li>a training view (the one where the true part covers most pixels of the full-size render, else the one with
 *       the largest pseudo label) with the normalized 3-D heat map projected into it: {@code uint8(h·255)} at the
 *       pixels of its visible points (SPEC §3.9 step 2), cropped to 224 like the labels, shown as a viridis colour
 *       map over the darkened image;</li>
 *   <li>the same view's 224 pseudo label in red over the darkened image;</li>
 *   <li>the same view's true part mask in green (the plain darkened image when the asset has no truth).</li>
 * </ol>
 * Written to {@code {out}/{asset}/{part}.png}, atomically. Stateless; not meant to be called concurrently for the same
 * output folder.
 */
public final class ReportPictures {
    /** Side of each panel in pixels. */
    public static final int PANEL = 224;
    private static final int GAP = 4;
    private static final int[][] VIRIDIS = {
        {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private ReportPictures() {
    }

    /**
     * Writes the pictures of every labeled part of every asset present in both render sets of {@code dataset}.
     *
     * @return the number of pictures written
     * @throws IOException if a file cannot be read or written
     */
    public static int write(Path dataset, PartCatalog catalog, Path out) throws IOException {
        Path trainingRoot = dataset.resolve(ProceduralRenders.TRAINING);
        Path labelingRoot = dataset.resolve(ProceduralRenders.LABELING);
        if (!Files.isDirectory(trainingRoot) || !Files.isDirectory(labelingRoot)) {
            return 0;
        }
        int written = 0;
        for (RenderedAsset training : RenderedAsset.list(trainingRoot)) {
            Path labelingDir = labelingRoot.resolve(training.name().folder());
            if (!Files.isDirectory(labelingDir)) {
                continue;
            }
            RenderedAsset labeling = RenderedAsset.open(labelingDir);
            for (PartSpec part : catalog.parts(ObjectCategory.of(training.name().category()))) {
                Optional<BufferedImage> picture = picture(labeling, training, part);
                if (picture.isPresent()) {
                    Pngs.write(out.resolve(training.name().folder()).resolve(part.fileName() + ".png"), picture.get());
                    written++;
                }
            }
        }
        return written;
    }

    /**
     * The picture of one part, or empty when the part has no heat map or no processed labels yet.
     *
     * @throws IOException if a file cannot be read
     */
    public static Optional<BufferedImage> picture(RenderedAsset labeling, RenderedAsset training, PartSpec part)
            throws IOException {
        LabelingLayout in = new LabelingLayout(labeling.layout().dir());
        LabelingLayout labels = new LabelingLayout(training.layout().dir());
        Optional<Path> heatmap = in.findHeatmap(labeling.name().folder(), part.fileName());
        if (heatmap.isEmpty() || !Files.exists(labels.processedLabel(part.fileName(), 0))) {
            return Optional.empty();
        }
        BufferedImage out = new BufferedImage(4 * PANEL + 3 * GAP, PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(boxesPanel(labeling, VotingBoxes.read(in, part)), 0, 0, null);

            TruthMasks truth = TruthMasks.of(training);
            int view = chooseView(training, truth, part, labels);
            double[] h = PseudoLabelBinarizer.normalize(Npy.read(heatmap.get()).toDoubles());
            RgbImage rgb = Pngs.readRgb(training.layout().dir().resolve(ProcessedViews.RGB)
                    .resolve(LabelingLayout.imageName(view)));
            g.drawImage(heatPanel(training, view, rgb, h), PANEL + GAP, 0, null);
            Mask label = Pngs.readMask(labels.processedLabel(part.fileName(), view));
            g.drawImage(tinted(rgb, label, 0xE03030), 2 * (PANEL + GAP), 0, null);
            Mask real = processedTruth(training, truth, part, view).orElse(Mask.empty(rgb.size()));
            g.drawImage(tinted(rgb, real, 0x30C030), 3 * (PANEL + GAP), 0, null);
        } finally {
            g.dispose();
        }
        return Optional.of(out);
    }

    private static BufferedImage boxesPanel(RenderedAsset labeling, Map<String, List<Box>> boxes) throws IOException {
        int view = 0;
        List<Box> drawn = List.of();
        for (Map.Entry<String, List<Box>> e : boxes.entrySet()) {
            if (e.getValue().size() > drawn.size()) {
                drawn = e.getValue();
                view = LabelingLayout.viewOf(e.getKey());
            }
        }
        RgbImage image = Pngs.readRgb(labeling.layout().rgb(view));
        BufferedImage panel = toImage(Resize.resize(image, ImageSize.square(PANEL), ResampleFilter.BICUBIC), 1.0);
        double sx = (double) PANEL / image.width();
        double sy = (double) PANEL / image.height();
        Graphics2D g = panel.createGraphics();
        try {
            g.setColor(new Color(255, 220, 0));
            g.setStroke(new BasicStroke(1.5f));
            for (Box b : drawn) {
                g.drawRect((int) Math.round(b.x0() * sx), (int) Math.round(b.y0() * sy),
                        (int) Math.round(b.width() * sx), (int) Math.round(b.height() * sy));
            }
        } finally {
            g.dispose();
        }
        return panel;
    }

    private static BufferedImage heatPanel(RenderedAsset training, int view, RgbImage rgb, double[] h)
            throws IOException {
        ViewVisibility vis = training.visibility().get(view);
        Mask object = training.mask(view);
        SquareCrop crop = ProcessedViews.crop(training, view);
        GrayImage heat = crop.apply(PseudoLabelBinarizer.heatImage(h, vis, object.size()));
        Mask seen = crop.apply(vis.pixelMask(object.size()));
        BufferedImage panel = toImage(rgb, 0.35);
        for (int i : seen.flatIndices()) {
            int r = i / rgb.width();
            int c = i % rgb.width();
            panel.setRGB(c, r, viridis(heat.get(r, c) / 255.0));
        }
        return panel;
    }

    private static BufferedImage tinted(RgbImage rgb, Mask mask, int colour) {
        BufferedImage panel = toImage(rgb, 0.35);
        for (int i : mask.flatIndices()) {
            int r = i / rgb.width();
            int c = i % rgb.width();
            int p = rgb.rgb(r, c);
            panel.setRGB(c, r, blend(p, colour));
        }
        return panel;
    }

    private static int chooseView(RenderedAsset training, TruthMasks truth, PartSpec part, LabelingLayout labels)
            throws IOException {
        int best = 0;
        int bestCount = -1;
        boolean known = truth.knows(part.name());
        for (int v = 0; v < training.viewCount(); v++) {
            int count;
            if (known) {
                count = truth.mask(v, part.name()).map(Mask::count).orElse(0);
            } else if (Files.exists(labels.processedLabel(part.fileName(), v))) {
                count = Pngs.readMask(labels.processedLabel(part.fileName(), v)).count();
            } else {
                count = 0;
            }
            if (count > bestCount) {
                best = v;
                bestCount = count;
            }
        }
        return best;
    }

    private static Optional<Mask> processedTruth(RenderedAsset training, TruthMasks truth, PartSpec part, int view)
            throws IOException {
        Optional<Mask> mask = truth.mask(view, part.name());
        if (mask.isEmpty()) {
            return mask;
        }
        Mask object = training.mask(view);
        return Optional.of(ProcessedViews.crop(training, view).applyToLabel(mask.get(), object));
    }

    private static BufferedImage toImage(RgbImage rgb, double brightness) {
        BufferedImage img = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rgb.height(); r++) {
            for (int c = 0; c < rgb.width(); c++) {
                int p = rgb.rgb(r, c);
                int red = (int) (((p >> 16) & 0xFF) * brightness);
                int green = (int) (((p >> 8) & 0xFF) * brightness);
                int blue = (int) ((p & 0xFF) * brightness);
                img.setRGB(c, r, red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    private static int blend(int a, int b) {
        int r = (((a >> 16) & 0xFF) + ((b >> 16) & 0xFF)) / 2;
        int g = (((a >> 8) & 0xFF) + ((b >> 8) & 0xFF)) / 2;
        int bl = ((a & 0xFF) + (b & 0xFF)) / 2;
        return r << 16 | g << 8 | bl;
    }

    /** Viridis approximated by linear interpolation between five of its colours; {@code v} in [0, 1]. */
    static int viridis(double v) {
        double t = Math.max(0, Math.min(1, v)) * (VIRIDIS.length - 1);
        int i = Math.min((int) t, VIRIDIS.length - 2);
        double f = t - i;
        int rgb = 0;
        for (int ch = 0; ch < 3; ch++) {
            int value = (int) Math.round(VIRIDIS[i][ch] + f * (VIRIDIS[i + 1][ch] - VIRIDIS[i][ch]));
            rgb = rgb << 8 | value;
        }
        return rgb;
    }
}
