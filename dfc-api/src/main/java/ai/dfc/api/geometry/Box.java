package ai.dfc.api.geometry;

import ai.dfc.api.image.ImageSize;

/**
 * An axis-aligned box {@code [x0, y0, x1, y1]} in pixels of the image it refers to ({@code x} = column).
 * Containment is inclusive on all sides, as the reference's voting counts it. Grounders convert their
 * native scale (CogVLM's 0–1000) at the boundary, so every box in DFC is in pixels.
 */
public record Box(double x0, double y0, double x1, double y1) {

    public Box {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            throw new IllegalArgumentException("box coordinates must be finite, was " + str(x0, y0, x1, y1));
        }
        if (x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException("box must have x0 <= x1 and y0 <= y1, was " + str(x0, y0, x1, y1));
        }
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    public double centreX() {
        return (x0 + x1) / 2;
    }

    public double centreY() {
        return (y0 + y1) / 2;
    }

    /** Whether pixel {@code (row, col)} lies in the box, borders included. */
    public boolean contains(int row, int col) {
        return x0 <= col && col <= x1 && y0 <= row && row <= y1;
    }

    /** Whether the whole box lies within {@code [0, width] × [0, height]}. */
    public boolean within(ImageSize size) {
        return x0 >= 0 && y0 >= 0 && x1 <= size.width() && y1 <= size.height();
    }

    /** This box clamped to {@code [0, width] × [0, height]}. */
    public Box clampTo(ImageSize size) {
        double cx0 = clamp(x0, size.width());
        double cy0 = clamp(y0, size.height());
        return new Box(cx0, cy0, Math.max(cx0, clamp(x1, size.width())), Math.max(cy0, clamp(y1, size.height())));
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    private static String str(double x0, double y0, double x1, double y1) {
        return "[" + x0 + ", " + y0 + ", " + x1 + ", " + y1 + "]";
    }

    @Override
    public String toString() {
        return "Box" + str(x0, y0, x1, y1);
    }
}
