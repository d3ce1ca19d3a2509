package ai.dfc.api.geometry;

/**
 * Pinhole intrinsics {@code K = [[fx, 0, cx], [0, fy, cy], [0, 0, 1]]} in pixels; pixel centres lie on
 * integer coordinates (no +0.5 offset), as in the reference.
 */
public record Intrinsics(double fx, double fy, double cx, double cy) {

    public Intrinsics {
        if (!(fx > 0 && fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy) || !Double.isFinite(cx)
                || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("intrinsics need finite fx, fy > 0 and finite cx, cy, was fx=" + fx
                    + " fy=" + fy + " cx=" + cx + " cy=" + cy);
        }
    }

    /**
     * From a row-major 3×3 matrix as stored in the reference's {@code K/*.npy}.
     *
     * @throws IllegalArgumentException if the matrix has skew or its last row is not {@code [0, 0, 1]}
     */
    public static Intrinsics fromMatrix(double[] k) {
        if (k.length != 9) {
            throw new IllegalArgumentException("K must have 9 entries (3x3 row-major), had " + k.length);
        }
        if (Math.abs(k[1]) > 1e-9 || Math.abs(k[3]) > 1e-9 || Math.abs(k[6]) > 1e-9 || Math.abs(k[7]) > 1e-9
                || Math.abs(k[8] - 1) > 1e-9) {
            throw new IllegalArgumentException("K must be [[fx,0,cx],[0,fy,cy],[0,0,1]], was " + java.util.Arrays.toString(k));
        }
        return new Intrinsics(k[0], k[4], k[2], k[5]);
    }

    /** The row-major 3×3 matrix. */
    public double[] toMatrix() {
        return new double[] {fx, 0, cx, 0, fy, cy, 0, 0, 1};
    }
}
