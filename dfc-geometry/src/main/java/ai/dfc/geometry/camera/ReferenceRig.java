package ai.dfc.geometry.camera;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's fixed 19-camera rig (SPEC §2.3, {@code rendering/camera_positions.npy}) used for both the labeling
 * and the training render passes: positions on a sphere of radius 2 around the origin in Blender world coordinates
 * (Z up), elevations ±58.28°, ±31.72° and 0°, each camera looking at the origin.
 *
 * <p>Image index = row. In DFC's own renders image {@code k} uses row {@code k}. The reference renders in the order of
 * Blender's name-sorted object list, so its image {@code k} used row {@link #referenceRowOfImage(int)}; that quirk is
 * deliberately not reproduced, because K and RT are saved per image and consumers never assume index == row.
 *
 * <p>Stateless and thread-safe; returned arrays are fresh copies.
 */
public final class ReferenceRig {
    /** Number of cameras. */
    public static final int VIEW_COUNT = 19;
    /** Nominal distance of every camera from the origin (the stored positions hold 6 decimals). */
    public static final double RADIUS = 2.0;

    /** SPEC §2.3's table, row order; world coordinates (Blender, Z up). */
    private static final double[][] POSITIONS = {
        {0.417781, -0.964887, -1.701309},
        {0.525738, -1.618023, -1.051475},
        {1.701296, 0, -1.051472},
        {-1.376379, -0.999994, -1.051472},
        {-0.324911, 0.999991, -1.701309},
        {-1.376379, 0.999994, -1.051472},
        {0.525738, 1.618023, -1.051475},
        {1.902116, 0.618025, 0},
        {1.175571, -1.618033, 0},
        {-1.175571, -1.618033, 0},
        {-1.902116, 0.618025, 0},
        {0, 2, 0},
        {1.376379, -0.999994, 1.051472},
        {-0.525738, -1.618023, 1.051475},
        {-1.701296, 0, 1.051472},
        {-0.525738, 1.618023, 1.051475},
        {1.376379, 0.999994, 1.051472},
        {0.996943, -0.334173, 1.701303},
        {-1.019194, 0.258443, 1.701308},
    };

    /** Blender renders Camera_0…Camera_18 sorted by name: "Camera_1" &lt; "Camera_10" &lt; … &lt; "Camera_2". */
    private static final int[] BLENDER_NAME_ORDER = {0, 1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 2, 3, 4, 5, 6, 7, 8, 9};

    private ReferenceRig() {
    }

    /**
     * The position of camera {@code row}.
     *
     * @param row 0 to 18
     * @return {@code {x, y, z}} in Blender world coordinates
     * @throws IllegalArgumentException if {@code row} is outside 0–18
     */
    public static double[] position(int row) {
        return POSITIONS[requireRow(row, "row")].clone();
    }

    /** All 19 positions in row order, as {@code [19][3]}. */
    public static double[][] positions() {
        double[][] out = new double[VIEW_COUNT][];
        for (int i = 0; i < VIEW_COUNT; i++) {
            out[i] = POSITIONS[i].clone();
        }
        return out;
    }

    /**
     * The 19 cameras in row order, each looking at the origin with Blender's default lens ({@link BlenderCameras}).
     *
     * @param size rendered image size (490 × 490 in the reference)
     * @return an unmodifiable list; element {@code k} is image {@code k}
     * @throws IllegalArgumentException if {@code size} is null
     */
    public static List<Camera> cameras(ImageSize size) {
        List<Camera> cameras = new ArrayList<>(VIEW_COUNT);
        for (double[] p : POSITIONS) {
            cameras.add(BlenderCameras.lookingAtOrigin(p, size));
        }
        return List.copyOf(cameras);
    }

    /**
     * The position row that the reference's image {@code imageIndex} was rendered from (its name-sort quirk), for
     * reading reference renders whose per-image K/RT are missing. DFC's own renders never use this.
     *
     * @param imageIndex 0 to 18
     * @throws IllegalArgumentException if {@code imageIndex} is outside 0–18
     */
    public static int referenceRowOfImage(int imageIndex) {
        return BLENDER_NAME_ORDER[requireRow(imageIndex, "image index")];
    }

    private static int requireRow(int row, String what) {
        if (row < 0 || row >= VIEW_COUNT) {
            throw new IllegalArgumentException(what + " must be in [0, " + VIEW_COUNT + "), was " + row);
        }
        return row;
    }
}
