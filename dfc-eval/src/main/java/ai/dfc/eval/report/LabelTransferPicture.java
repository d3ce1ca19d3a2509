package ai.dfc.eval.report;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.eval.run.Predictor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The reference's label-transfer visualization: the source object coloured by position (hue along x, brightness
 * along y), and every target object pixel painted with the colour of the source pixel it is matched to (a target →
 * source top-1 search). Corresponding regions show the same colours when the method works.
 */
public final class LabelTransferPicture {
    private LabelTransferPicture() {
    }

    static int colour(int row, int col, int height, int width) {
        return Color.HSBtoRGB(0.85f * col / width, 0.85f, 0.35f + 0.65f * row / height) & 0xFFFFFF;
    }

    /** Writes source colours | target painted by matches, side by side. */
    public static void write(Path file, Predictor predictor, EvalImage source, EvalImage target, FunctionName function)
            throws IOException {
        int h = source.image().height();
        int w = source.image().width();
        int[] targetPixels = target.objectMask().flatIndices();
        int tw = target.image().width();
        int[] queries = new int[2 * targetPixels.length];
        for (int i = 0; i < targetPixels.length; i++) {
            queries[2 * i] = targetPixels[i] / tw;
            queries[2 * i + 1] = targetPixels[i] % tw;
        }
        int[] matches = queries.length == 0 ? new int[0] : predictor.transfer(target, source, function, queries);
        BufferedImage out = new BufferedImage(w + tw, Math.max(h, target.image().height()), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < out.getHeight(); r++) {
            for (int c = 0; c < out.getWidth(); c++) {
                out.setRGB(c, r, 0xFFFFFF);
            }
        }
        for (int p : source.objectMask().flatIndices()) {
            out.setRGB(p % w, p / w, colour(p / w, p % w, h, w));
        }
        for (int i = 0; i < targetPixels.length; i++) {
            out.setRGB(w + queries[2 * i + 1], queries[2 * i], colour(matches[2 * i], matches[2 * i + 1], h, w));
        }
        Pngs.write(file, out);
    }
}
