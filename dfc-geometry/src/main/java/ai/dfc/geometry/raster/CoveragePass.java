package ai.dfc.geometry.raster;

import java.util.Arrays;

/**
 * One rasterization pass at one resolution: a nearest-surface buffer of inverse planar depth and triangle index,
 * filled triangle by triangle. Not thread-safe; one per worker, reused across views.
 *
 * <p>Coverage is exact: screen positions are snapped to 1/256 pixel and edge functions are evaluated in 64-bit
 * integers, so a shared edge produces bit-identical (negated) edge values in both of its triangles. With the
 * top-left rule a sample exactly on a shared edge goes to exactly one of them: no gaps, no double coverage.
 * Samples sit on integer pixel coordinates (pixel centres, SPEC §0.2).
 *
 * <p>Depth is not interpolated from the snapped vertices: each triangle's supporting plane gives {@code 1/Z} as an
 * exact affine function {@code a·u + b·v + c} of the pixel position (perspective-correct), clamped to the triangle's
 * depth range so that slivers seen nearly edge-on cannot produce wild values.
 *
 * <p>Each sample is one {@code long}: the float bits of {@code 1/Z} (positive, so they order like integers) in the
 * high half and {@code ~triangle} in the low half, 0 for "nothing". The depth test is then a branch-free
 * {@code max}, nearest surface first and, on exactly equal depth, the lower triangle index — the same result whatever
 * the drawing order.
 */
final class CoveragePass {
    static final int SUBPIXEL_BITS = 8;
    static final int ONE = 1 << SUBPIXEL_BITS;
    /**
     * Pixels allowed outside the image before a triangle is clipped in camera space; keeps snapped coordinates and
     * edge-function products far inside 64-bit range.
     */
    static final double GUARD = 2048;

    int width;
    int height;
    double fx;
    double fy;
    double cx;
    double cy;
    /** Row-major samples, {@code width·height} used; decode with {@link #triangle(long)}, {@link #inverseDepth(long)}. */
    long[] samples = new long[0];

    /** Clears the buffer for a {@code width × height} pass with the given pinhole parameters. */
    void reset(int width, int height, double fx, double fy, double cx, double cy) {
        int n = width * height;
        if (samples.length < n) {
            samples = new long[n];
        }
        Arrays.fill(samples, 0, n, 0L);
        this.width = width;
        this.height = height;
        this.fx = fx;
        this.fy = fy;
        this.cx = cx;
        this.cy = cy;
    }

    /** The triangle of a sample, −1 for none. */
    static int triangle(long sample) {
        return sample == 0 ? -1 : ~(int) sample;
    }

    /** The inverse planar depth {@code 1/Z} of a covered sample. */
    static float inverseDepth(long sample) {
        return Float.intBitsToFloat((int) (sample >>> 32));
    }

    /** Column coordinate of camera point {@code (x, ·, z)}, {@code z > 0}. The one projection every path uses. */
    double u(double x, double z) {
        return fx * x / z + cx;
    }

    /** Row coordinate of camera point {@code (·, y, z)}, {@code z > 0}. */
    double v(double y, double z) {
        return fy * y / z + cy;
    }

    /** Whether a projected position lies inside the guard band, where it may be snapped directly. */
    boolean inGuardBand(double u, double v) {
        return u >= -GUARD && u <= width - 1 + GUARD && v >= -GUARD && v <= height - 1 + GUARD;
    }

    /** Fixed-point position (1/256 pixel) of a coordinate inside the guard band. */
    static int snap(double p) {
        return (int) Math.round(p * ONE);
    }

    /**
     * Fills the triangle with snapped corners {@code (x0, y0), (x1, y1), (x2, y2)} (either winding) as triangle
     * {@code tri}, with inverse depth {@code a·col + b·row + c} clamped to {@code [invMin, invMax]}.
     */
    void fill(int tri, int x0, int y0, int x1, int y1, int x2, int y2, double a, double b, double c, double invMin,
            double invMax) {
        long area = (long) (x1 - x0) * (y2 - y0) - (long) (y1 - y0) * (x2 - x0);
        if (area == 0) {
            return;
        }
        if (area < 0) {
            // both faces are drawn: bring every triangle to the same screen winding
            int t = x1;
            x1 = x2;
            x2 = t;
            t = y1;
            y1 = y2;
            y2 = t;
        }
        int colMin = Math.max(0, ceilToPixel(Math.min(x0, Math.min(x1, x2))));
        int colMax = Math.min(width - 1, Math.floorDiv(Math.max(x0, Math.max(x1, x2)), ONE));
        int rowMin = Math.max(0, ceilToPixel(Math.min(y0, Math.min(y1, y2))));
        int rowMax = Math.min(height - 1, Math.floorDiv(Math.max(y0, Math.max(y1, y2)), ONE));
        if (colMin > colMax || rowMin > rowMax) {
            return;
        }
        long px = (long) colMin * ONE;
        long py = (long) rowMin * ONE;
        // edge k runs from corner k to corner k+1; the interior has all edge functions > 0 in this winding
        long e0 = edge(x0, y0, x1, y1, px, py) - bias(x0, y0, x1, y1);
        long e1 = edge(x1, y1, x2, y2, px, py) - bias(x1, y1, x2, y2);
        long e2 = edge(x2, y2, x0, y0, px, py) - bias(x2, y2, x0, y0);
        long e0Col = -(long) (y1 - y0) * ONE;
        long e1Col = -(long) (y2 - y1) * ONE;
        long e2Col = -(long) (y0 - y2) * ONE;
        long e0Row = (long) (x1 - x0) * ONE;
        long e1Row = (long) (x2 - x1) * ONE;
        long e2Row = (long) (x0 - x2) * ONE;
        long[] buffer = samples;
        long id = ~tri & 0xFFFFFFFFL;
        for (int row = rowMin; row <= rowMax; row++) {
            long w0 = e0;
            long w1 = e1;
            long w2 = e2;
            double iz = a * colMin + b * row + c;
            int idx = row * width + colMin;
            for (int col = colMin; col <= colMax; col++, idx++) {
                // all ones when some edge function is negative (outside): the candidate becomes 0, which never wins
                long outside = (w0 | w1 | w2) >> 63;
                double z = iz < invMin ? invMin : (iz > invMax ? invMax : iz);
                long candidate = ((long) Float.floatToRawIntBits((float) z) << 32 | id) & ~outside;
                buffer[idx] = Math.max(buffer[idx], candidate);
                w0 += e0Col;
                w1 += e1Col;
                w2 += e2Col;
                iz += a;
            }
            e0 += e0Row;
            e1 += e1Row;
            e2 += e2Row;
        }
    }

    private static int ceilToPixel(int fixed) {
        return -Math.floorDiv(-fixed, ONE);
    }

    /** Edge function of edge a→b at p: positive on the interior side in the normalized winding. */
    private static long edge(int ax, int ay, int bx, int by, long px, long py) {
        return (long) (bx - ax) * (py - ay) - (long) (by - ay) * (px - ax);
    }

    /**
     * Top-left rule: a sample exactly on a top edge (horizontal, interior below) or a left edge (interior to the
     * right) is inside; on any other edge it is outside. Subtracting 1 from the integer edge value turns
     * {@code ≥ 0} into {@code > 0} for the latter.
     */
    private static long bias(int ax, int ay, int bx, int by) {
        int dy = by - ay;
        boolean topLeft = dy < 0 || (dy == 0 && bx - ax > 0);
        return topLeft ? 0 : 1;
    }
}
