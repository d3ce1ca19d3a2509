package ai.dfc.geometry.raster;

/**
 * Clips a camera-space triangle against half-spaces {@code a·X + b·Y + c·Z + d ≥ 0} (Sutherland–Hodgman). Not
 * thread-safe; one per worker.
 *
 * <p>A new vertex on an edge is computed from the edge's endpoints taken in a canonical (lexicographic) order, so the
 * two triangles sharing a clipped edge get bit-identical vertices there and stay watertight.
 */
final class PolygonClipper {
    /** A triangle gains at most one vertex per plane. */
    private static final int MAX_VERTICES = 16;

    private double[] current = new double[3 * MAX_VERTICES];
    private double[] next = new double[3 * MAX_VERTICES];
    private int count;

    /** Starts a polygon from the triangle with corners {@code p, q, r} given as {@code {x, y, z}} at offsets. */
    void start(double[] xs, double[] ys, double[] zs, int p, int q, int r) {
        current[0] = xs[p];
        current[1] = ys[p];
        current[2] = zs[p];
        current[3] = xs[q];
        current[4] = ys[q];
        current[5] = zs[q];
        current[6] = xs[r];
        current[7] = ys[r];
        current[8] = zs[r];
        count = 3;
    }

    /** Keeps the part of the polygon with {@code a·X + b·Y + c·Z + d ≥ 0}. */
    void clip(double a, double b, double c, double d) {
        if (count == 0) {
            return;
        }
        int out = 0;
        for (int i = 0; i < count; i++) {
            int j = i + 1 == count ? 0 : i + 1;
            double di = a * current[3 * i] + b * current[3 * i + 1] + c * current[3 * i + 2] + d;
            double dj = a * current[3 * j] + b * current[3 * j + 1] + c * current[3 * j + 2] + d;
            if (di >= 0) {
                System.arraycopy(current, 3 * i, next, 3 * out++, 3);
            }
            if ((di >= 0) != (dj >= 0)) {
                boolean iFirst = lexicographicallyBefore(i, j);
                intersect(iFirst ? i : j, iFirst ? di : dj, iFirst ? j : i, iFirst ? dj : di, out++);
            }
        }
        double[] t = current;
        current = next;
        next = t;
        count = out < 3 ? 0 : out;
    }

    /** Number of vertices left (0 once the polygon is empty). */
    int size() {
        return count;
    }

    /** Coordinate {@code axis} (0 = X, 1 = Y, 2 = Z) of vertex {@code i}. */
    double coordinate(int i, int axis) {
        return current[3 * i + axis];
    }

    private boolean lexicographicallyBefore(int i, int j) {
        for (int k = 0; k < 3; k++) {
            double a = current[3 * i + k];
            double b = current[3 * j + k];
            if (a != b) {
                return a < b;
            }
        }
        return true;
    }

    private void intersect(int i, double di, int j, double dj, int slot) {
        double t = di / (di - dj);
        for (int k = 0; k < 3; k++) {
            double a = current[3 * i + k];
            next[3 * slot + k] = a + t * (current[3 * j + k] - a);
        }
    }
}
