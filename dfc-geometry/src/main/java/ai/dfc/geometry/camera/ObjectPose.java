package ai.dfc.geometry.camera;

import java.util.SplittableRandom;

/**
 * Object poses of the reference renders (SPEC §0.3, §2.3) as 4×4 row-major {@code double[16]} affine matrices
 * (translation in the last column, always zero here).
 *
 * <ul>
 *   <li>{@link #gltfToBlender()}: {@code R_init}, {@code (x, y, z) → (x, −z, y)}, which takes a normalized glTF (Y-up)
 *       asset or its point cloud into Blender's Z-up object frame.</li>
 *   <li>{@link #random(long)}: the render's random rotation, the world matrix {@code Rz(γ)·Ry(β)·Rx(α)} (rotations
 *       about the global X, then Y, then Z axis) with α, β, γ ~ U[0°, 25°); saved by the reference as
 *       {@code object_pose.npy}.</li>
 * </ul>
 * A normalized asset's vertex {@code p} (glTF frame) therefore sits at {@code pose · R_init · p} in the Blender world
 * the cameras see, see {@link #assetToWorld(double[])}.
 *
 * <p>Stateless and thread-safe; every method returns a fresh array.
 */
public final class ObjectPose {
    /** Upper bound (exclusive) of each random rotation angle, in degrees. */
    public static final double MAX_ANGLE_DEGREES = 25;

    private ObjectPose() {
    }

    /**
     * The angles of {@link #random(long)}: {@code {α, β, γ}} in degrees, each in [0, 25), drawn in that order from a
     * {@link SplittableRandom} seeded with {@code seed}.
     */
    public static double[] randomAnglesDegrees(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double alpha = MAX_ANGLE_DEGREES * random.nextDouble();
        double beta = MAX_ANGLE_DEGREES * random.nextDouble();
        double gamma = MAX_ANGLE_DEGREES * random.nextDouble();
        return new double[] {alpha, beta, gamma};
    }

    /** The random object rotation for {@code seed}: {@link #fromAnglesDegrees} of {@link #randomAnglesDegrees}. */
    public static double[] random(long seed) {
        double[] a = randomAnglesDegrees(seed);
        return fromAnglesDegrees(a[0], a[1], a[2]);
    }

    /**
     * {@code Rz(γ)·Ry(β)·Rx(α)}: rotate about the global X axis by α, then about global Y by β, then about global Z
     * by γ (right-handed, degrees).
     *
     * @throws IllegalArgumentException if an angle is not finite
     */
    public static double[] fromAnglesDegrees(double alpha, double beta, double gamma) {
        if (!(Double.isFinite(alpha) && Double.isFinite(beta) && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("rotation angles must be finite, were " + alpha + ", " + beta + ", " + gamma);
        }
        double ca = Math.cos(Math.toRadians(alpha));
        double sa = Math.sin(Math.toRadians(alpha));
        double cb = Math.cos(Math.toRadians(beta));
        double sb = Math.sin(Math.toRadians(beta));
        double cg = Math.cos(Math.toRadians(gamma));
        double sg = Math.sin(Math.toRadians(gamma));
        double[] rx = {1, 0, 0, 0, 0, ca, -sa, 0, 0, sa, ca, 0, 0, 0, 0, 1};
        double[] ry = {cb, 0, sb, 0, 0, 1, 0, 0, -sb, 0, cb, 0, 0, 0, 0, 1};
        double[] rz = {cg, -sg, 0, 0, sg, cg, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        return multiply(rz, multiply(ry, rx));
    }

    /** {@code R_init}: the +90° rotation about X mapping glTF Y-up {@code (x, y, z)} to Blender Z-up {@code (x, −z, y)}. */
    public static double[] gltfToBlender() {
        return new double[] {1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1};
    }

    /**
     * {@code pose · R_init}: maps a normalized asset's glTF-frame coordinates to the Blender world the cameras see.
     *
     * @param pose a 4×4 row-major object pose such as {@link #random(long)}
     * @throws IllegalArgumentException if {@code pose} does not have 16 entries
     */
    public static double[] assetToWorld(double[] pose) {
        return multiply(pose, gltfToBlender());
    }

    /**
     * The matrix product {@code a·b} of two 4×4 row-major matrices.
     *
     * @throws IllegalArgumentException if either does not have 16 entries
     */
    public static double[] multiply(double[] a, double[] b) {
        if (a == null || a.length != 16 || b == null || b.length != 16) {
            throw new IllegalArgumentException("expected two 4x4 row-major matrices (16 entries), had "
                    + (a == null ? "none" : a.length) + " and " + (b == null ? "none" : b.length));
        }
        double[] out = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += a[4 * i + k] * b[4 * k + j];
                }
                out[4 * i + j] = s;
            }
        }
        return out;
    }
}
