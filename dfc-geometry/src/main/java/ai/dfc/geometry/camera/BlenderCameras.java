package ai.dfc.geometry.camera;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Extrinsics;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.image.ImageSize;

/**
 * Cameras built the way the reference's Blender scenes build them (SPEC §2.3): Blender's default lens (50 mm focal
 * length on a 36 mm sensor, sensor fit AUTO) placed at a position and turned so that it looks at the world origin
 * with world +Z up ({@code direction.to_track_quat('-Z', 'Y')}).
 *
 * <p>Conventions. Blender's camera frame has local x right, y up and looks along local −z; its world rotation
 * {@code R_c} (camera → world) has those axes as columns. The api extrinsics map world points to the OpenCV camera
 * frame (x right, y down, z forward): {@code RT = [diag(1,−1,−1)·R_cᵀ | −diag(1,−1,−1)·R_cᵀ·c]}, so a point at the
 * origin has camera depth {@code |c|} and projects to the principal point.
 *
 * <p>Degenerate case: a camera straight above or below the origin leaves the up direction undefined. Then the camera's
 * x axis is world +X (Blender's quaternion construction applies no twist there): from above, image right is world +X
 * and image up is world +Y; from below, image right is world +X and image up is world −Y.
 *
 * <p>Stateless and thread-safe.
 */
public final class BlenderCameras {
    /** Blender's default focal length in millimetres. */
    public static final double FOCAL_LENGTH_MM = 50;
    /** Blender's default sensor width in millimetres; with sensor fit AUTO it spans the larger image side. */
    public static final double SENSOR_WIDTH_MM = 36;

    /** Below this horizontal length of the unit viewing direction the camera counts as straight above/below. */
    private static final double VERTICAL_TOLERANCE = 1e-12;

    private BlenderCameras() {
    }

    /**
     * The intrinsics of Blender's default camera rendering an image of {@code size}: {@code fx = fy = 50/36 ·
     * max(width, height)} pixels, {@code cx = width / 2}, {@code cy = height / 2} (680.5556 and 245 for 490 px). The
     * principal point is Blender's, {@code W/2}, as the reference stores it, not {@code (W − 1)/2}.
     *
     * @param size the rendered image size
     * @throws IllegalArgumentException if {@code size} is null
     */
    public static Intrinsics intrinsics(ImageSize size) {
        if (size == null) {
            throw new IllegalArgumentException("image size must not be null");
        }
        double f = FOCAL_LENGTH_MM / SENSOR_WIDTH_MM * Math.max(size.width(), size.height());
        return new Intrinsics(f, f, size.width() / 2.0, size.height() / 2.0);
    }

    /**
     * The camera → world rotation {@code R_c} of a Blender camera at {@code (x, y, z)} looking at the origin.
     *
     * @return 9 values, the 3×3 matrix row-major; its columns are the camera's local x (image right), y (image up)
     *         and z (pointing away from the origin) axes in world coordinates
     * @throws IllegalArgumentException if the position is not finite or is the origin
     */
    public static double[] cameraToWorldRotation(double x, double y, double z) {
        double len = requirePosition(x, y, z);
        double fx = -x / len;
        double fy = -y / len;
        double fz = -z / len;
        // right = forward × world up (0, 0, 1), i.e. (fy, −fx, 0) before normalization
        double rx = fy;
        double ry = -fx;
        double horizontal = Math.hypot(rx, ry);
        if (horizontal < VERTICAL_TOLERANCE) {
            rx = 1;
            ry = 0;
        } else {
            rx /= horizontal;
            ry /= horizontal;
        }
        // up = right × forward (unit, since right ⟂ forward); right has no z component
        double ux = ry * fz;
        double uy = -rx * fz;
        double uz = rx * fy - ry * fx;
        return new double[] {rx, ux, -fx, ry, uy, -fy, 0, uz, -fz};
    }

    /**
     * The world → OpenCV-camera extrinsics of a Blender camera at {@code (x, y, z)} looking at the origin.
     *
     * @throws IllegalArgumentException if the position is not finite or is the origin
     */
    public static Extrinsics extrinsics(double x, double y, double z) {
        double[] rc = cameraToWorldRotation(x, y, z);
        double[] rt = new double[12];
        for (int i = 0; i < 3; i++) {
            // row i of diag(1,−1,−1)·R_cᵀ is ± column i of R_c
            double sign = i == 0 ? 1 : -1;
            double r0 = sign * rc[i];
            double r1 = sign * rc[3 + i];
            double r2 = sign * rc[6 + i];
            rt[4 * i] = r0;
            rt[4 * i + 1] = r1;
            rt[4 * i + 2] = r2;
            rt[4 * i + 3] = -(r0 * x + r1 * y + r2 * z);
        }
        return new Extrinsics(rt);
    }

    /**
     * A camera at {@code (x, y, z)} looking at the origin, with Blender's default lens, rendering {@code size}.
     *
     * @throws IllegalArgumentException if the position is not finite or is the origin, or {@code size} is null
     */
    public static Camera lookingAtOrigin(double x, double y, double z, ImageSize size) {
        return new Camera(size, intrinsics(size), extrinsics(x, y, z));
    }

    /**
     * {@link #lookingAtOrigin(double, double, double, ImageSize)} for a position given as {@code {x, y, z}}.
     *
     * @throws IllegalArgumentException if {@code position} does not hold 3 finite values or is the origin
     */
    public static Camera lookingAtOrigin(double[] position, ImageSize size) {
        if (position == null || position.length != 3) {
            throw new IllegalArgumentException("camera position must hold 3 values {x, y, z}, had "
                    + (position == null ? "none" : position.length));
        }
        return lookingAtOrigin(position[0], position[1], position[2], size);
    }

    private static double requirePosition(double x, double y, double z) {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z))) {
            throw new IllegalArgumentException("camera position must be finite, was (" + x + ", " + y + ", " + z + ")");
        }
        double len = Math.sqrt(x * x + y * y + z * z);
        if (len == 0) {
            throw new IllegalArgumentException("a camera at the origin cannot look at the origin");
        }
        return len;
    }
}
