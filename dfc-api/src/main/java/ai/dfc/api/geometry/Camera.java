package ai.dfc.api.geometry;

import ai.dfc.api.image.ImageSize;

/**
 * A calibrated view: image size, intrinsics and world → camera extrinsics. Projection follows the
 * reference: {@code u = fx·X/Z + cx} (column), {@code v = fy·Y/Z + cy} (row), pixel centres on integers.
 */
public record Camera(ImageSize size, Intrinsics intrinsics, Extrinsics extrinsics) {

    public Camera {
        if (size == null || intrinsics == null || extrinsics == null) {
            throw new IllegalArgumentException("camera needs size, intrinsics and extrinsics");
        }
    }

    /**
     * Projects a world point.
     *
     * @return {@code {u, v, Z}}: column, row (continuous) and planar camera depth; points behind the camera
     *         have {@code Z <= 0} and meaningless {@code u, v}
     */
    public double[] project(double x, double y, double z) {
        double[] c = extrinsics.apply(x, y, z);
        return new double[] {
            intrinsics.fx() * c[0] / c[2] + intrinsics.cx(),
            intrinsics.fy() * c[1] / c[2] + intrinsics.cy(),
            c[2]};
    }
}
