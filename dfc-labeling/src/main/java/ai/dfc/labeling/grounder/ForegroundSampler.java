package ai.dfc.labeling.grounder;

import ai.dfc.api.image.RgbImage;
import java.util.SplittableRandom;

/**
 * Draws pixels "elsewhere on the object" for the simulated grounder's wrong boxes: uniformly among the image's
 * foreground pixels (any channel non-zero: query images are composited on black) that lie outside the true
 * part's extent. When the part covers the whole foreground, it draws among all foreground pixels; when the
 * image has no foreground at all, among all pixels.
 */
final class ForegroundSampler {
    private final int width;
    private final int area;
    /** Flat indices ({@code row·width + col}) to draw from; empty means the whole image. */
    private final int[] candidates;

    /**
     * @param image the query image
     * @param avoid the true part's extent
     */
    ForegroundSampler(RgbImage image, PixelExtent avoid) {
        width = image.width();
        area = image.size().area();
        byte[] rgb = image.toBytes();
        int nOutside = 0;
        int nAll = 0;
        for (int i = 0; i < area; i++) {
            if (foreground(rgb, i)) {
                nAll++;
                if (!avoid.contains(i / width, i % width)) {
                    nOutside++;
                }
            }
        }
        boolean outsideOnly = nOutside > 0;
        candidates = new int[outsideOnly ? nOutside : nAll];
        int n = 0;
        for (int i = 0; i < area && n < candidates.length; i++) {
            if (foreground(rgb, i) && (!outsideOnly || !avoid.contains(i / width, i % width))) {
                candidates[n++] = i;
            }
        }
    }

    private static boolean foreground(byte[] rgb, int pixel) {
        return (rgb[3 * pixel] | rgb[3 * pixel + 1] | rgb[3 * pixel + 2]) != 0;
    }

    /** A random pixel as {@code {col, row}}. */
    int[] pick(SplittableRandom random) {
        int i = candidates.length > 0 ? candidates[random.nextInt(candidates.length)] : random.nextInt(area);
        return new int[] {i % width, i / width};
    }
}
