package ai.dfc.geometry.camera;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The evaluation renders' rig (SPEC §2.3, §4): random cameras on the sphere of radius 2 around the origin, elevation
 * drawn uniformly from [−60°, 60°) and azimuth from [0°, 360°) (uniform in angle, not in area, as the reference draws
 * them), each looking at the origin. Positions are {@code 2·(cos e·cos a, cos e·sin a, sin e)} in Blender world
 * coordinates (Z up).
 *
 * <p>Deterministic: the same seed gives the same positions on every JVM ({@link SplittableRandom}; for each view the
 * elevation is drawn first, then the azimuth). Stateless and thread-safe.
 */
public final class EvaluationRig {
    /** Number of views of the evaluation renders. */
    public static final int VIEW_COUNT = 30;
    /** Distance of every camera from the origin. */
    public static final double RADIUS = 2.0;
    /** Largest absolute elevation in degrees. */
    public static final double MAX_ELEVATION_DEGREES = 60;

    private EvaluationRig() {
    }

    /** The 30 positions for {@code seed}, as {@code [30][3]}. */
    public static double[][] positions(long seed) {
        return positions(VIEW_COUNT, seed);
    }

    /**
     * {@code count} positions for {@code seed}; the first {@code k} positions do not depend on {@code count}.
     *
     * @return {@code [count][3]}, world coordinates
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public static double[][] positions(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("camera count must be >= 0, was " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            double elevation = Math.toRadians(-MAX_ELEVATION_DEGREES + 2 * MAX_ELEVATION_DEGREES * random.nextDouble());
            double azimuth = Math.toRadians(360 * random.nextDouble());
            out[i] = new double[] {
                RADIUS * Math.cos(elevation) * Math.cos(azimuth),
                RADIUS * Math.cos(elevation) * Math.sin(azimuth),
                RADIUS * Math.sin(elevation)};
        }
        return out;
    }

    /**
     * The 30 cameras for {@code seed}, looking at the origin with Blender's default lens ({@link BlenderCameras}).
     *
     * @return an unmodifiable list; element {@code k} is image {@code k}
     * @throws IllegalArgumentException if {@code size} is null
     */
    public static List<Camera> cameras(ImageSize size, long seed) {
        List<Camera> cameras = new ArrayList<>(VIEW_COUNT);
        for (double[] p : positions(seed)) {
            cameras.add(BlenderCameras.lookingAtOrigin(p, size));
        }
        return List.copyOf(cameras);
    }
}
