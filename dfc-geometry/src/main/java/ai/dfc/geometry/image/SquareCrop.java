package ai.dfc.geometry.image;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.geometry.Pixel;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;

/**
 * The reference's square crop of one view to {@code 224×224} (SPEC §3.10, §4.3 step 5, §8 items 10–11): one
 * instance per view, computed from that view's object mask and applied alike to its RGB image, object mask,
 * labels and points, so they stay aligned.
 *
 * <p><b>Box.</b> The source is padded by {@code pad} pixels on all four sides (white for RGB, 0 for masks and
 * labels). From the padded object mask's tight bounding box {@code bx0 … bx1, by0 … by1} (inclusive extremes,
 * non-zero pixels), with centre {@code c = ((bx0+bx1)/2, (by0+by1)/2)} and
 * {@code h = floor(margin·max(bx1−bx0, by1−by0)/2)}, the crop box is
 * {@code [x0, y0, x1, y1] = [int(cx−h), int(cy−h), int(cx+h), int(cy+h)]} with Python's {@code int()}
 * (truncation toward zero) and no clamping. The box is in padded-image pixels ({@code x = col}, {@code y = row})
 * and half-open as PIL's crop box; areas outside the padded image come out 0 (black RGB).
 *
 * <p><b>Not always square.</b> When the box reaches past the padded image's top or left edge with a half-integer
 * centre, truncation toward zero makes that side one pixel shorter (e.g. {@code int(−1.5) = −1} but
 * {@code int(126.5) = 126}). Images are then resized to {@code outputSide²} with separate factors per axis, while
 * points use the single factor {@link #scale()} {@code = outputSide/(x1 − x0)} for both axes, as the reference
 * does.
 *
 * <p><b>Points</b> are {@code (row, col)} in source pixels: {@code row' = round((row + pad − y0)·r)},
 * {@code col' = round((col + pad − x0)·r)}, {@code r = scale()}, computed in double precision and rounded half to
 * even ({@link Math#rint}, NumPy's {@code np.round}), then clamped to {@code [0, outputSide − 1]}. Keeping only
 * points that land on the cropped object mask is the caller's step.
 *
 * <p>Immutable and thread-safe.
 */
public final class SquareCrop {
    /** The reference's padding on each side, in source pixels. */
    public static final int REFERENCE_PAD = 60;
    /** The reference's box side as a multiple of the object's longest bounding-box side. */
    public static final double REFERENCE_MARGIN = 1.2;
    /** The reference's output side, in pixels. */
    public static final int REFERENCE_SIDE = 224;

    private final ImageSize sourceSize;
    private final int pad;
    private final int x0;
    private final int y0;
    private final int x1;
    private final int y1;
    private final int outputSide;

    private SquareCrop(ImageSize sourceSize, int pad, int x0, int y0, int x1, int y1, int outputSide) {
        this.sourceSize = sourceSize;
        this.pad = pad;
        this.x0 = x0;
        this.y0 = y0;
        this.x1 = x1;
        this.y1 = y1;
        this.outputSide = outputSide;
    }

    /**
     * The reference's crop of a view: pad {@value #REFERENCE_PAD}, margin {@value #REFERENCE_MARGIN}, output
     * {@value #REFERENCE_SIDE} px.
     *
     * @param objectMask the view's object mask in source pixels
     * @throws IllegalArgumentException if the mask is null, empty, or too small to give a non-empty box
     */
    public static SquareCrop fromObjectMask(Mask objectMask) {
        return fromObjectMask(objectMask, REFERENCE_PAD, REFERENCE_MARGIN, REFERENCE_SIDE);
    }

    /**
     * The crop of a view with explicit parameters (see the class doc).
     *
     * @param objectMask the view's object mask in source pixels
     * @param pad        padding on each side, ≥ 0
     * @param margin     box side as a multiple of the longest bounding-box side, finite and &gt; 0
     * @param outputSide side of the output images, ≥ 1
     * @throws IllegalArgumentException if the mask is null or empty, a parameter is out of range, or the box is
     *                                  empty (an object of one or two pixels)
     */
    public static SquareCrop fromObjectMask(Mask objectMask, int pad, double margin, int outputSide) {
        if (objectMask == null) {
            throw new IllegalArgumentException("object mask must not be null");
        }
        if (objectMask.isEmpty()) {
            throw new IllegalArgumentException("object mask is empty: no crop box (" + objectMask.size() + ")");
        }
        if (!(margin > 0 && Double.isFinite(margin))) {
            throw new IllegalArgumentException("margin must be finite and > 0, was " + margin);
        }
        ImageSize size = objectMask.size();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (int i : objectMask.flatIndices()) {
            int row = i / size.width();
            int col = i % size.width();
            minX = Math.min(minX, col);
            maxX = Math.max(maxX, col);
            minY = Math.min(minY, row);
            maxY = Math.max(maxY, row);
        }
        // padded coordinates; same arithmetic as the reference (float centre, floor of margin·side/2)
        double cx = ((minX + pad) + (maxX + pad)) / 2.0;
        double cy = ((minY + pad) + (maxY + pad)) / 2.0;
        int h = (int) Math.floor(margin * Math.max(maxX - minX, maxY - minY) / 2);
        // (int) truncates toward zero, as Python's int()
        return of(size, pad, (int) (cx - h), (int) (cy - h), (int) (cx + h), (int) (cy + h), outputSide);
    }

    /**
     * A crop with a known box, e.g. one stored with a dataset.
     *
     * @param sourceSize size of the unpadded source images
     * @param pad        padding on each side, ≥ 0
     * @param x0         box left in padded pixels (may be negative)
     * @param y0         box top in padded pixels (may be negative)
     * @param x1         box right, exclusive, {@code > x0}
     * @param y1         box bottom, exclusive, {@code > y0}
     * @param outputSide side of the output images, ≥ 1
     * @throws IllegalArgumentException if the size is null, the box is empty, or a parameter is out of range
     */
    public static SquareCrop of(ImageSize sourceSize, int pad, int x0, int y0, int x1, int y1, int outputSide) {
        if (sourceSize == null) {
            throw new IllegalArgumentException("source size must not be null");
        }
        if (pad < 0) {
            throw new IllegalArgumentException("pad must be >= 0, was " + pad);
        }
        if (outputSide < 1) {
            throw new IllegalArgumentException("output side must be >= 1, was " + outputSide);
        }
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("crop box [" + x0 + ", " + y0 + ", " + x1 + ", " + y1
                    + "] is empty; the object is too small to crop");
        }
        return new SquareCrop(sourceSize, pad, x0, y0, x1, y1, outputSide);
    }

    /** Size of the unpadded source images this crop applies to. */
    public ImageSize sourceSize() {
        return sourceSize;
    }

    /** Padding on each side, in source pixels. */
    public int pad() {
        return pad;
    }

    /** Box left in padded pixels (inclusive). */
    public int x0() {
        return x0;
    }

    /** Box top in padded pixels (inclusive). */
    public int y0() {
        return y0;
    }

    /** Box right in padded pixels (exclusive). */
    public int x1() {
        return x1;
    }

    /** Box bottom in padded pixels (exclusive). */
    public int y1() {
        return y1;
    }

    /** The box {@code [x0, y0, x1, y1]} in padded pixels. */
    public Box box() {
        return new Box(x0, y0, x1, y1);
    }

    /** Side of the output images. */
    public int outputSide() {
        return outputSide;
    }

    /** Size of the output images, {@code outputSide²}. */
    public ImageSize outputSize() {
        return ImageSize.square(outputSide);
    }

    /** The point scale {@code r = outputSide / (x1 − x0)}, used for rows and columns alike. */
    public double scale() {
        return (double) outputSide / (x1 - x0);
    }

    /** Maps a source row: {@code clamp(rint((row + pad − y0)·r), 0, outputSide − 1)}. */
    public int mapRow(int row) {
        return mapCoordinate(row, y0);
    }

    /** Maps a source column: {@code clamp(rint((col + pad − x0)·r), 0, outputSide − 1)}. */
    public int mapCol(int col) {
        return mapCoordinate(col, x0);
    }

    /** Maps a source pixel {@code (row, col)} to the output image, see the class doc. */
    public Pixel map(Pixel pixel) {
        return new Pixel(mapRow(pixel.row()), mapCol(pixel.col()));
    }

    private int mapCoordinate(int v, int origin) {
        double mapped = Math.rint((v + pad - origin) * scale());
        return (int) Math.max(0, Math.min(outputSide - 1, mapped));
    }

    /**
     * Crops an RGB image that is already composited onto white: pads white, crops (black outside the padded
     * image), resizes with {@link ResampleFilter#LANCZOS}.
     *
     * @throws IllegalArgumentException if the image is not of {@link #sourceSize()}
     */
    public RgbImage apply(RgbImage image) {
        requireSourceSize(image == null ? null : image.size(), "RGB image");
        RgbImage padded = ImageRegions.pad(image, pad, ImageRegions.WHITE);
        return Resize.resize(ImageRegions.crop(padded, x0, y0, x1, y1), outputSize(), ResampleFilter.LANCZOS);
    }

    /**
     * The full RGB step of SPEC §3.10: composites the render onto white with its object mask, then
     * {@link #apply(RgbImage)}.
     *
     * @throws IllegalArgumentException if the image or mask is not of {@link #sourceSize()}
     */
    public RgbImage applyToRender(RgbImage render, Mask objectMask) {
        requireSourceSize(render == null ? null : render.size(), "RGB image");
        requireSourceSize(objectMask == null ? null : objectMask.size(), "object mask");
        return apply(ImageRegions.composite(render, objectMask, ImageRegions.WHITE));
    }

    /**
     * Crops a mask: pads with background, crops (background outside), resizes with
     * {@link ResampleFilter#NEAREST}.
     *
     * @throws IllegalArgumentException if the mask is not of {@link #sourceSize()}
     */
    public Mask apply(Mask mask) {
        requireSourceSize(mask == null ? null : mask.size(), "mask");
        return apply(GrayImage.fromMask(mask, 1)).toMask();
    }

    /**
     * Crops a grey image (labels, heat maps): pads with 0, crops (0 outside), resizes with
     * {@link ResampleFilter#NEAREST}.
     *
     * @throws IllegalArgumentException if the image is not of {@link #sourceSize()}
     */
    public GrayImage apply(GrayImage image) {
        requireSourceSize(image == null ? null : image.size(), "grey image");
        GrayImage padded = ImageRegions.pad(image, pad, 0);
        return Resize.resize(ImageRegions.crop(padded, x0, y0, x1, y1), outputSize(), ResampleFilter.NEAREST);
    }

    /**
     * Crops a label (e.g. a 0/255 pseudo label) and multiplies it by the cropped object mask, so label pixels off
     * the object become 0 (SPEC §3.10 step 4).
     *
     * @param label      the label in source pixels
     * @param objectMask the view's object mask in source pixels (not yet cropped)
     * @throws IllegalArgumentException if either is not of {@link #sourceSize()}
     */
    public GrayImage applyToLabel(GrayImage label, Mask objectMask) {
        return apply(label).masked(apply(objectMask));
    }

    /**
     * {@link #applyToLabel(GrayImage, Mask)} for a binary label.
     *
     * @throws IllegalArgumentException if either is not of {@link #sourceSize()}
     */
    public Mask applyToLabel(Mask label, Mask objectMask) {
        return apply(label).and(apply(objectMask));
    }

    private void requireSourceSize(ImageSize size, String what) {
        if (size == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (!size.equals(sourceSize)) {
            throw new IllegalArgumentException(what + " is " + size + " but this crop was computed for "
                    + sourceSize + " images");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SquareCrop other && sourceSize.equals(other.sourceSize) && pad == other.pad
                && x0 == other.x0 && y0 == other.y0 && x1 == other.x1 && y1 == other.y1
                && outputSide == other.outputSide;
    }

    @Override
    public int hashCode() {
        int h = sourceSize.hashCode();
        for (int v : new int[] {pad, x0, y0, x1, y1, outputSide}) {
            h = 31 * h + v;
        }
        return h;
    }

    @Override
    public String toString() {
        return "SquareCrop[source " + sourceSize + ", pad " + pad + ", box [" + x0 + ", " + y0 + ", " + x1 + ", "
                + y1 + "] -> " + outputSide + "x" + outputSide + "]";
    }
}
