package ai.dfc.labeling.pipeline;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.geometry.image.GrayImage;
import ai.dfc.geometry.image.ImageRegions;
import java.util.Optional;

/**
 * The zoom-in crop of a small part in one labeling view (SPEC §3.6, §8 item 26): a square around the aggregated box
 * of the full-image query, side {@code s = 1.5·max(w, h)}, i.e. {@code [cx − s/2, cy − s/2, cx + s/2, cy + s/2]},
 * each coordinate truncated toward zero to an integer, then clamped to {@code [0, width]} ({@code x}) or
 * {@code [0, height]} ({@code y}). The crop is not resized; a clamped crop is not square (the grounder pads it to a
 * square itself, as the reference's server does).
 *
 * <p>Coordinates are pixels with {@code x = col}, {@code y = row}; the crop holds columns {@code x0 … x1 − 1} and
 * rows {@code y0 … y1 − 1} (PIL's half-open crop box). Boxes found on the crop are moved back to the full image by
 * adding {@code (x0, y0)} to both corners ({@link #toImage}).
 *
 * @param x0 left column (inclusive)
 * @param y0 top row (inclusive)
 * @param x1 right column (exclusive), {@code > x0}
 * @param y1 bottom row (exclusive), {@code > y0}
 */
public record ZoomCrop(int x0, int y0, int x1, int y1) {
    /** Side of the crop as a multiple of the aggregated box's longer side (SPEC §3.6). */
    public static final double SIDE_FACTOR = 1.5;

    /**
     * @throws IllegalArgumentException if the box is empty or negative
     */
    public ZoomCrop {
        if (x0 < 0 || y0 < 0 || x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("zoom crop must be a non-empty box at non-negative coordinates, was ["
                    + x0 + ", " + y0 + ", " + x1 + ", " + y1 + "]");
        }
    }

    /**
     * The crop around {@code aggregated} in an image of {@code size}; empty when it has no pixel (a degenerate box of
     * width and height 0, or one on the image border that clamps to nothing).
     */
    public static Optional<ZoomCrop> around(Box aggregated, ImageSize size) {
        double half = SIDE_FACTOR * Math.max(aggregated.width(), aggregated.height()) / 2;
        double cx = aggregated.centreX();
        double cy = aggregated.centreY();
        int x0 = clamp((long) (cx - half), size.width());
        int y0 = clamp((long) (cy - half), size.height());
        int x1 = clamp((long) (cx + half), size.width());
        int y1 = clamp((long) (cy + half), size.height());
        return x1 > x0 && y1 > y0 ? Optional.of(new ZoomCrop(x0, y0, x1, y1)) : Optional.empty();
    }

    private static int clamp(long v, int max) {
        return (int) Math.max(0, Math.min(max, v));
    }

    /** The top-left corner {@code [x0, y0]}, as {@code crop_offset/{part}_crop_offset.json} stores it. */
    public int[] offset() {
        return new int[] {x0, y0};
    }

    /** Width of the crop in pixels. */
    public int width() {
        return x1 - x0;
    }

    /** Height of the crop in pixels. */
    public int height() {
        return y1 - y0;
    }

    /**
     * The cropped image.
     *
     * @throws IllegalArgumentException if the crop reaches outside the image
     */
    public RgbImage apply(RgbImage image) {
        requireInside(image.size());
        return ImageRegions.crop(image, x0, y0, x1, y1);
    }

    /**
     * The cropped mask.
     *
     * @throws IllegalArgumentException if the crop reaches outside the mask
     */
    public Mask apply(Mask mask) {
        requireInside(mask.size());
        return ImageRegions.crop(GrayImage.fromMask(mask), x0, y0, x1, y1).toMask();
    }

    /** A box found on the crop, in full-image pixels: both corners moved by {@code (x0, y0)}. */
    public Box toImage(Box inCrop) {
        return new Box(inCrop.x0() + x0, inCrop.y0() + y0, inCrop.x1() + x0, inCrop.y1() + y0);
    }

    private void requireInside(ImageSize size) {
        if (x1 > size.width() || y1 > size.height()) {
            throw new IllegalArgumentException("zoom crop " + this + " reaches outside the " + size + " image");
        }
    }
}
