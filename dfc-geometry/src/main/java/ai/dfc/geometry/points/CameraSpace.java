package ai.dfc.geometry.points;

import ai.dfc.api.geometry.Extrinsics;
import ai.dfc.api.geometry.Intrinsics;

/**
 * The two camera-frame conversions the visibility step needs (SPEC §0.3): world points to OpenCV camera
 * coordinates, and pixel + planar depth back to a camera point. Kept here, package-private, so this package does
 * not depend on the camera package being written alongside it. Stateless.
 */
final class CameraSpace {
    private CameraSpace() {
    }

    /**
     * {@code R·p + t} for every point, evaluated in double precision.
     *
     * @param world {@code 3·n} floats, world coordinates
     * @return {@code 3·n} floats, camera coordinates (x right, y down, z forward)
     */
    static float[] toCamera(float[] world, Extrinsics extrinsics) {
        double[] rt = extrinsics.toMatrix();
        float[] camera = new float[world.length];
        for (int p = 0; p < world.length; p += 3) {
            double x = world[p];
            double y = world[p + 1];
            double z = world[p + 2];
            for (int r = 0; r < 3; r++) {
                camera[p + r] = (float) (rt[4 * r] * x + rt[4 * r + 1] * y + rt[4 * r + 2] * z + rt[4 * r + 3]);
            }
        }
        return camera;
    }

    /** Camera X of {@code K⁻¹·[col, row, 1]ᵀ·depth}. */
    static double backProjectX(Intrinsics k, int col, double depth) {
        return (col - k.cx()) / k.fx() * depth;
    }

    /** Camera Y of {@code K⁻¹·[col, row, 1]ᵀ·depth}. */
    static double backProjectY(Intrinsics k, int row, double depth) {
        return (row - k.cy()) / k.fy() * depth;
    }
}
