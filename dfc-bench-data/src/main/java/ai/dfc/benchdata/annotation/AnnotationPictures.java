package ai.dfc.benchdata.annotation;

import ai.dfc.api.image.RgbImage;
import ai.dfc.benchdata.render.Pngs;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Pictures of dense ground truth: the two processed images side by side with a sample of correspondences drawn as
 * coloured dots joined by lines, colour by position on the first image, so a person sees at a glance whether
 * corresponding parts were matched.
 */
public final class AnnotationPictures {
    private AnnotationPictures() {
    }

    /** Draws up to {@code lines} correspondences of {@code trial} (chosen with a fixed seed) into {@code file}. */
    public static void write(Path file, AnnotationTrial trial, RgbImage imageA, RgbImage imageB, int lines)
            throws IOException {
        write(file, imageA, trial.pointsA(), imageB, trial.pointsB(), lines, true);
    }

    /**
     * Draws correspondences {@code pointsA[i] ↔ pointsB[i]} ({@code (row, col)} pairs) into {@code file}: the first
     * {@code lines} of them, or, with {@code sample}, {@code lines} chosen with a fixed seed.
     */
    public static void write(Path file, RgbImage imageA, int[] pointsA, RgbImage imageB, int[] pointsB, int lines,
            boolean sample) throws IOException {
        int w = imageA.width();
        int h = Math.max(imageA.height(), imageB.height());
        BufferedImage out = new BufferedImage(w + imageB.width(), h, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < imageA.height(); r++) {
            for (int c = 0; c < w; c++) {
                out.setRGB(c, r, imageA.rgb(r, c));
            }
        }
        for (int r = 0; r < imageB.height(); r++) {
            for (int c = 0; c < imageB.width(); c++) {
                out.setRGB(w + c, r, imageB.rgb(r, c));
            }
        }
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1f));
        Random random = new Random(7);
        int n = pointsA.length / 2;
        for (int k = 0; k < Math.min(lines, n); k++) {
            int i = !sample || n <= lines ? k : random.nextInt(n);
            int ra = pointsA[2 * i];
            int ca = pointsA[2 * i + 1];
            int rb = pointsB[2 * i];
            int cb = pointsB[2 * i + 1];
            Color colour = Color.getHSBColor((float) ca / w * 0.8f, 0.9f, 0.3f + 0.7f * ra / imageA.height());
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
            g.drawLine(ca, ra, w + cb, rb);
            g.setColor(colour);
            g.fillOval(ca - 2, ra - 2, 5, 5);
            g.fillOval(w + cb - 2, rb - 2, 5, 5);
        }
        g.dispose();
        Pngs.write(file, out);
    }
}
