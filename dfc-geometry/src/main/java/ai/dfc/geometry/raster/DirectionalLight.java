package ai.dfc.geometry.raster;

/**
 * A directional light for Lambert shading: a pixel of unit normal {@code n} receives {@code intensity · max(0, n·l)}
 * where {@code l = (x, y, z)} is the unit direction from the surface towards the light.
 *
 * @param x         direction towards the light, x component (normalized by the constructor)
 * @param y         direction towards the light, y component
 * @param z         direction towards the light, z component
 * @param intensity diffuse intensity, finite and &ge; 0 (1 = full base colour on a surface facing the light)
 * @param frame     the frame the direction is given in
 */
public record DirectionalLight(double x, double y, double z, double intensity, Frame frame) {

    /** The frame of a light's direction. */
    public enum Frame {
        /**
         * The OpenCV camera frame of each view (x right, y down, z forward): the light moves with the camera, so
         * every view is lit alike.
         */
        CAMERA,
        /** The world frame: the light is fixed in the scene. */
        WORLD
    }

    /**
     * Normalizes the direction.
     *
     * @throws IllegalArgumentException if the direction is zero or not finite, the intensity is negative or not
     *                                  finite, or the frame is null
     */
    public DirectionalLight {
        double len = Math.sqrt(x * x + y * y + z * z);
        if (!Double.isFinite(len) || len == 0) {
            throw new IllegalArgumentException("light direction must be finite and non-zero, was (" + x + ", " + y
                    + ", " + z + ")");
        }
        if (!(Double.isFinite(intensity) && intensity >= 0)) {
            throw new IllegalArgumentException("light intensity must be finite and >= 0, was " + intensity);
        }
        if (frame == null) {
            throw new IllegalArgumentException("light frame must not be null");
        }
        x /= len;
        y /= len;
        z /= len;
    }
}
