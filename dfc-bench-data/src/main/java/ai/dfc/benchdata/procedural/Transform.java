package ai.dfc.benchdata.procedural;

/**
 * An affine transform of 3-D points, row-major 4×4 with the translation in the last column. Immutable;
 * {@code a.then(b)} applies {@code a} first.
 */
public record Transform(double[] m) {

    public Transform {
        if (m == null || m.length != 16) {
            throw new IllegalArgumentException("a transform is a 4x4 row-major matrix of 16 values");
        }
        m = m.clone();
    }

    public static Transform identity() {
        return new Transform(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
    }

    public static Transform translate(double x, double y, double z) {
        return new Transform(new double[] {1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z, 0, 0, 0, 1});
    }

    public static Transform scale(double x, double y, double z) {
        return new Transform(new double[] {x, 0, 0, 0, 0, y, 0, 0, 0, 0, z, 0, 0, 0, 0, 1});
    }

    /** Rotation about the x axis by {@code radians} (right-handed). */
    public static Transform rotateX(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new Transform(new double[] {1, 0, 0, 0, 0, c, -s, 0, 0, s, c, 0, 0, 0, 0, 1});
    }

    public static Transform rotateY(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new Transform(new double[] {c, 0, s, 0, 0, 1, 0, 0, -s, 0, c, 0, 0, 0, 0, 1});
    }

    public static Transform rotateZ(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new Transform(new double[] {c, -s, 0, 0, s, c, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
    }

    /** This transform followed by {@code next}. */
    public Transform then(Transform next) {
        double[] a = next.m;
        double[] b = m;
        double[] out = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += a[4 * r + k] * b[4 * k + c];
                }
                out[4 * r + c] = s;
            }
        }
        return new Transform(out);
    }

    /** The image of point {@code p}. */
    public double[] apply(double x, double y, double z) {
        return new double[] {
            m[0] * x + m[1] * y + m[2] * z + m[3],
            m[4] * x + m[5] * y + m[6] * z + m[7],
            m[8] * x + m[9] * y + m[10] * z + m[11]};
    }

    /** The image of direction {@code d} (no translation), not normalized. */
    public double[] applyToDirection(double x, double y, double z) {
        return new double[] {
            m[0] * x + m[1] * y + m[2] * z,
            m[4] * x + m[5] * y + m[6] * z,
            m[8] * x + m[9] * y + m[10] * z};
    }

    /** The matrix, row-major; a copy. */
    @Override
    public double[] m() {
        return m.clone();
    }

    /** Whether the transform mirrors (negative determinant), which flips triangle winding. */
    public boolean mirrors() {
        return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8])
                + m[2] * (m[4] * m[9] - m[5] * m[8]) < 0;
    }
}
