package ai.dfc.benchdata.benchmark;

import ai.dfc.api.DfcException;
import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.benchmark.EvalPair;
import ai.dfc.api.benchmark.EvalView;
import ai.dfc.api.correspondence.CorrespondenceSet;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.benchdata.annotation.AnnotationFiles;
import ai.dfc.benchdata.annotation.AnnotationTrial;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.ProcessedViews;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation pairs from the reference's layouts (SPEC §4.4, §7): dense annotations under {@code annotations}
 * ({@link AnnotationFiles}), selected by a selection file, and processed images at
 * {@code images/<asset>/rgb_images_processed/<img>} with masks in {@code object_masks_processed/}. Serves DFC's
 * procedural ground truth and the authors' Objaverse annotations alike. Pair ids are
 * {@code <function>/<objA>|||<objB>|||trial_<t>}.
 */
public final class AnnotatedRendersBenchmark implements Benchmark {
    private final Path images;
    private final List<EvalPair> pairs;

    /**
     * @throws DfcException naming the folder or file when the annotations cannot be read
     */
    public AnnotatedRendersBenchmark(Path images, Path annotations, Path selection) {
        this.images = images;
        if (!Files.isDirectory(annotations)) {
            throw new DfcException("annotation folder " + annotations + " does not exist");
        }
        if (selection != null && !Files.exists(selection)) {
            throw new DfcException("selection file " + selection + " does not exist");
        }
        List<AnnotationTrial> trials;
        try {
            trials = AnnotationFiles.read(annotations, selection);
        } catch (IOException | IllegalArgumentException e) {
            throw new DfcException("cannot read the annotations under " + annotations + ": " + e.getMessage(), e);
        }
        List<EvalPair> out = new ArrayList<>();
        ImageSize size = ImageSize.square(224);
        for (AnnotationTrial t : trials) {
            EvalView a = new EvalView(t.objectA().folder(), ObjectCategory.of(t.objectA().category()), t.imageA());
            EvalView b = new EvalView(t.objectB().folder(), ObjectCategory.of(t.objectB().category()), t.imageB());
            out.add(new EvalPair(t.function().value() + "/" + t.pairKey() + AnnotationFiles.SEP + "trial_" + t.trial(),
                    t.function(), a, b, new CorrespondenceSet(size, t.pointsA(), size, t.pointsB())));
        }
        this.pairs = List.copyOf(out);
    }

    @Override
    public List<EvalPair> pairs() {
        return pairs;
    }

    @Override
    public EvalImage image(EvalView view) {
        Path dir = images.resolve(view.assetId());
        Path rgb = dir.resolve(ProcessedViews.RGB).resolve(view.imageName());
        Path mask = dir.resolve(ProcessedViews.MASKS).resolve(view.imageName());
        try {
            RgbImage image = Pngs.readRgb(rgb);
            Mask m = Pngs.readMask(mask);
            return new EvalImage(image, m, view);
        } catch (IOException | IllegalArgumentException e) {
            throw new DfcException("cannot load evaluation image " + rgb + " or its mask: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
