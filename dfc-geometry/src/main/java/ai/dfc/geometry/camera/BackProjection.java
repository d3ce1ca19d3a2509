package ai.dfc.geometry.camera;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Extrinsics;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.image.ImageSize;

/**
 * Pixels with planar depth back to 3-D (SPEC §0.3, §2.5): camera point {@code = K⁻¹·[col, row, 1]ᵀ·depth}, world
 * point {@code = Rᵀ·(camera point − t)}. Pixel centres lie on integer coordinates; depth is planar camera Z (not the
 * distance along the ray), as the renders store it.
 *
 * <p>Stateless and thread-safe.
 */
public final class BackProjection {
    private BackProjection() {
    }

    /**
     * The OpenCV-camera point seen at pixel {@code (col, row)} with planar depth {@code depth}.
     *
     * @return {@code {X, Y, Z}} with {@code Z == depth}
     * @throws IllegalArgumentException if {@code depth} is not finite and positive or a coordinate is not finite
     */
    public static double[] pixelToCamera(Intrinsics k, double col, double row, double depth) {
        if (!(Double.isFinite(depth) && depth > 0)) {
            throw new IllegalArgumentException("depth must be finite and > 0, was " + depth);
        }
        if (!(Double.isFinite(col) && Double.isFinite(row))) {
            throw new IllegalArgumentException("pixel coordinates must be finite, were (col " + col + ", row " + row + ")");
        }
        return new double[] {(col - k.cx()) / k.fx() * depth, (row - k.cy()) / k.fy() * depth, depth};
    }

    /** The world point of OpenCV-camera point {@code (x, y, z)}: {@code Rᵀ·(p − t)}. */
    public static double[] cameraToWorld(Extrinsics extrinsics, double x, double y, double z) {
        double[] rt = extrinsics.toMatrix();
        double px = x - rt[3];
        double py = y - rt[7];
        double pz = z - rt[11];
        return new double[] {
            rt[0] * px + rt[4] * py + rt[8] * pz,
            rt[1] * px + rt[5] * py + rt[9] * pz,
            rt[2] * px + rt[6] * py + rt[10] * pz};
    }

    /**
     * The world point seen at pixel {@code (col, row)} with planar depth {@code depth}; the inverse of
     * {@link Camera#project}.
     *
     * @throws IllegalArgumentException as {@link #pixelToCamera}
     */
    public static double[] pixelToWorld(Camera camera, double col, double row, double depth) {
        double[] c = pixelToCamera(camera.intrinsics(), col, row, depth);
        return cameraToWorld(camera.extrinsics(), c[0], c[1], c[2]);
    }

    /**
     * Back-projects a whole planar depth map into the camera frame.
     *
     * @param depth {@code width·height} floats, row-major ({@code row·width + col}); pixels whose depth is not
     *              finite and positive (background, {@code +Infinity}) have no point
     * @return {@code 3·width·height} floats {@code X, Y, Z} per pixel in the same order; {@code NaN} for pixels
     *         without a point
     * @throws IllegalArgumentException if {@code depth} does not match the camera's image size
     */
    public static float[] depthMapToCamera(Camera camera, float[] depth) {
        ImageSize size = camera.size();
        if (depth == null || depth.length != size.area()) {
            throw new IllegalArgumentException("depth map must hold " + size.area() + " floats for " + size + ", had "
                    + (depth == null ? "none" : depth.length));
        }
        Intrinsics k = camera.intrinsics();
        float[] out = new float[3 * depth.length];
        for (int row = 0, i = 0; row < size.height(); row++) {
            double y = (row - k.cy()) / k.fy();
            for (int col = 0; col < size.width(); col++, i++) {
                float d = depth[i];
                if (Float.isFinite(d) && d > 0) {
                    out[3 * i] = (float) ((col - k.cx()) / k.fx() * d);
                    out[3 * i + 1] = (float) (y * d);
                    out[3 * i + 2] = d;
                } else {
                    out[3 * i] = Float.NaN;
                    out[3 * i + 1] = Float.NaN;
                    out[3 * i + 2] = Float.NaN;
                }
            }
        }
        return out;
    }
}
