package ai.dfc.labeling.grounder;

import ai.dfc.api.geometry.Box;
import java.util.Optional;

/**
 * Maps a box in pixels of the {@link SentImage} back to the original image: subtract the white padding, reject
 * boxes that are inverted or lie wholly outside the original image (in the padding, or beyond it), clamp the rest
 * to {@code [0, W] × [0, H]} as the reference does ({@code x0, y0 ≥ 0}, {@code x1 ≤ W}, {@code y1 ≤ H}).
 */
final class BoxMapping {
    private BoxMapping() {
    }

    /**
     * @return the box in original-image pixels, or empty when it is inverted, not finite or outside the image
     */
    static Optional<Box> toOriginal(double x0, double y0, double x1, double y1, SentImage image) {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))
                || x1 < x0 || y1 < y0) {
            return Optional.empty();
        }
        double w = image.original().width();
        double h = image.original().height();
        double ox0 = x0 - image.padLeft();
        double oy0 = y0 - image.padTop();
        double ox1 = x1 - image.padLeft();
        double oy1 = y1 - image.padTop();
        if (ox0 > w || oy0 > h || ox1 < 0 || oy1 < 0) {
            return Optional.empty();
        }
        return Optional.of(new Box(Math.max(0, ox0), Math.max(0, oy0), Math.min(w, ox1), Math.min(h, oy1)));
    }
}
