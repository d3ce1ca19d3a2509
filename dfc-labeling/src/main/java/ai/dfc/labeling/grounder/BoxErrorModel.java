package ai.dfc.labeling.grounder;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated grounder's error model (documented on {@link SimulatedGrounder}): turns a true part extent into
 * the boxes of one simulated answer. Continuous coordinates put pixel {@code k} on {@code [k − 0.5, k + 0.5]}, so
 * an error-free answer is exactly the tight inclusive box of the mask. Stateless and thread-safe.
 */
final class BoxErrorModel {
    private final SimulatedGrounder.Config config;

    BoxErrorModel(SimulatedGrounder.Config config) {
        this.config = config;
    }

    /**
     * One answer. Draws, in this fixed order and whatever the outcomes: the miss, confusion and spurious
     * uniforms; the scale normal; the four side normals (x0, y0, x1, y1); the spurious box's scale normal; its
     * position in the answer; then two independent streams split off for the confusion and spurious placements.
     *
     * @return the boxes, empty for a missed detection
     */
    List<Box> answer(RgbImage image, PixelExtent truth, SplittableRandom random) {
        double uMiss = random.nextDouble();
        double uConfusion = random.nextDouble();
        double uSpurious = random.nextDouble();
        double scale = Math.exp(config.scaleSigma() * gaussian(random));
        double gx0 = gaussian(random);
        double gy0 = gaussian(random);
        double gx1 = gaussian(random);
        double gy1 = gaussian(random);
        double spuriousScale = Math.exp(config.scaleSigma() * gaussian(random));
        boolean spuriousFirst = random.nextBoolean();
        SplittableRandom confusionPlacement = random.split();
        SplittableRandom spuriousPlacement = random.split();
        if (uMiss < config.missProbability()) {
            return List.of();
        }
        double w = truth.width();
        double h = truth.height();
        double cx = (truth.minCol() + truth.maxCol()) / 2.0;
        double cy = (truth.minRow() + truth.maxRow()) / 2.0;
        double j = config.jitter();
        double x0 = cx - w * scale / 2 + j * w * gx0;
        double x1 = cx + w * scale / 2 + j * w * gx1;
        double y0 = cy - h * scale / 2 + j * h * gy0;
        double y1 = cy + h * scale / 2 + j * h * gy1;
        ForegroundSampler elsewhere = null;
        if (uConfusion < config.confusionProbability()) {
            elsewhere = new ForegroundSampler(image, truth);
            int[] at = elsewhere.pick(confusionPlacement);
            double dx = at[0] - (x0 + x1) / 2;
            double dy = at[1] - (y0 + y1) / 2;
            x0 += dx;
            x1 += dx;
            y0 += dy;
            y1 += dy;
        }
        Box main = pixelBox(x0, y0, x1, y1, image.size());
        if (uSpurious < config.spuriousProbability()) {
            if (elsewhere == null) {
                elsewhere = new ForegroundSampler(image, truth);
            }
            int[] at = elsewhere.pick(spuriousPlacement);
            double sw = w * spuriousScale / 2;
            double sh = h * spuriousScale / 2;
            Box extra = pixelBox(at[0] - sw, at[1] - sh, at[0] + sw, at[1] + sh, image.size());
            return spuriousFirst ? List.of(extra, main) : List.of(main, extra);
        }
        return List.of(main);
    }

    /**
     * The whole-pixel box of the pixels whose centres lie in {@code [x0, x1] × [y0, y1]} (sides in either order;
     * at least the pixel at the centre), clamped into {@code [0, W − 1] × [0, H − 1]}.
     */
    static Box pixelBox(double x0, double y0, double x1, double y1, ImageSize size) {
        long[] cols = pixelRange(Math.min(x0, x1), Math.max(x0, x1), size.width());
        long[] rows = pixelRange(Math.min(y0, y1), Math.max(y0, y1), size.height());
        return new Box(cols[0], rows[0], cols[1], rows[1]);
    }

    private static long[] pixelRange(double lo, double hi, int n) {
        long first = Math.round(lo + 0.5);
        long last = Math.round(hi - 0.5);
        if (last < first) {
            first = Math.round((lo + hi) / 2);
            last = first;
        }
        return new long[] {clamp(first, n - 1), clamp(last, n - 1)};
    }

    private static long clamp(long v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** A standard normal by the Box–Muller transform (two uniforms per value, so the draw count is fixed). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
