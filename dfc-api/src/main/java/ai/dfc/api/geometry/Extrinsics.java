package ai.dfc.api.geometry;

import java.util.Arrays;

/**
 * A rigid world → OpenCV-camera transform {@code RT = [R | t]} (3×4), camera axes x right, y down,
 * z forward. A point {@code p} maps to {@code R·p + t}.
 */
public final class Extrinsics {
    private static final double TOLERANCE = 1e-4;
    private final double[] rt;

    /**
     * @param rt 12 values, the 3×4 matrix row-major as stored in the reference's {@code RT/*.npy}; copied
     * @throws IllegalArgumentException if {@code R} is not a rotation (orthonormal, det +1, within 1e-4)
     */
    public Extrinsics(double[] rt) {
        if (rt == null || rt.length != 12) {
            throw new IllegalArgumentException("RT must have 12 entries (3x4 row-major), had "
                    + (rt == null ? "none" : rt.length));
        }
        for (double v : rt) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("RT entries must be finite, was " + Arrays.toString(rt));
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < 3; k++) {
                    dot += rt[4 * i + k] * rt[4 * j + k];
                }
                if (Math.abs(dot - (i == j ? 1 : 0)) > TOLERANCE) {
                    throw new IllegalArgumentException("RT's rotation part is not orthonormal: " + Arrays.toString(rt));
                }
            }
        }
        double det = rt[0] * (rt[5] * rt[10] - rt[6] * rt[9]) - rt[1] * (rt[4] * rt[10] - rt[6] * rt[8])
                + rt[2] * (rt[4] * rt[9] - rt[5] * rt[8]);
        if (Math.abs(det - 1) > TOLERANCE) {
            throw new IllegalArgumentException("RT's rotation part has determinant " + det + ", expected 1");
        }
        this.rt = rt.clone();
    }

    /** The identity transform. */
    public static Extrinsics identity() {
        return new Extrinsics(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});
    }

    /** The 3×4 matrix, row-major; a copy. */
    public double[] toMatrix() {
        return rt.clone();
    }

    /** {@code R·p + t} for the world point {@code (x, y, z)}: camera coordinates {@code {X, Y, Z}}. */
    public double[] apply(double x, double y, double z) {
        return new double[] {
            rt[0] * x + rt[1] * y + rt[2] * z + rt[3],
            rt[4] * x + rt[5] * y + rt[6] * z + rt[7],
            rt[8] * x + rt[9] * y + rt[10] * z + rt[11]};
    }

    /** The camera centre in world coordinates, {@code −Rᵀ·t}. */
    public double[] cameraCentre() {
        double[] c = new double[3];
        for (int j = 0; j < 3; j++) {
            c[j] = -(rt[j] * rt[3] + rt[4 + j] * rt[7] + rt[8 + j] * rt[11]);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extrinsics other && Arrays.equals(rt, other.rt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rt);
    }

    @Override
    public String toString() {
        return "Extrinsics" + Arrays.toString(rt);
    }
}
