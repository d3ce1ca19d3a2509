package ai.dfc.geometry.align;

/**
 * A fitted transform {@code x ↦ scale·R·x + t} (proper rotation {@code R}, {@code det R = +1}; uniform
 * {@code scale > 0}; translation {@code t}) that maps source points onto target points, with the root-mean-square
 * distance that remains, as returned by {@link PointSetAligner}. Units are those of the input coordinates.
 *
 * <p>Immutable; accessors return copies. Thread-safe.
 */
public final class SimilarityAlignment {
    private final double scale;
    private final double[] rotation;
    private final double[] translation;
    private final double rmsResidual;

    SimilarityAlignment(double scale, double[] rotation, double[] translation, double rmsResidual) {
        this.scale = scale;
        this.rotation = rotation;
        this.translation = translation;
        this.rmsResidual = rmsResidual;
    }

    /** The uniform scale; exactly 1 for a rigid (Kabsch) fit. */
    public double scale() {
        return scale;
    }

    /** A copy of the rotation as a row-major 3×3 matrix: entry {@code (r, c)} at {@code 3·r + c}. */
    public double[] rotation() {
        return rotation.clone();
    }

    /** A copy of the translation {@code (tx, ty, tz)}. */
    public double[] translation() {
        return translation.clone();
    }

    /**
     * The transform as a row-major 4×4 homogeneous matrix (entry {@code (r, c)} at {@code 4·r + c}):
     * {@code [[s·R, t], [0, 0, 0, 1]]}, acting on column vectors {@code (x, y, z, 1)}; the layout
     * {@code TriangleMesh.transformed} takes.
     */
    public double[] matrix() {
        double[] m = new double[16];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[4 * r + c] = scale * rotation[3 * r + c];
            }
            m[4 * r + 3] = translation[r];
        }
        m[15] = 1;
        return m;
    }

    /** {@code sqrt(mean |scale·R·source_i + t − target_i|²)} over the fitted point pairs. */
    public double rmsResidual() {
        return rmsResidual;
    }

    /**
     * Applies the transform to points.
     *
     * @param points {@code 3·n} coordinates {@code x, y, z} per point; not modified
     * @return a new array of the {@code 3·n} transformed coordinates
     * @throws IllegalArgumentException if {@code points} is null or its length is not a multiple of 3
     */
    public double[] apply(double[] points) {
        if (points == null || points.length % 3 != 0) {
            throw new IllegalArgumentException("points must hold 3 coordinates per point");
        }
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i += 3) {
            double x = points[i];
            double y = points[i + 1];
            double z = points[i + 2];
            for (int r = 0; r < 3; r++) {
                out[i + r] = scale * (rotation[3 * r] * x + rotation[3 * r + 1] * y + rotation[3 * r + 2] * z)
                        + translation[r];
            }
        }
        return out;
    }
}
