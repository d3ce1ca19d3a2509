package ai.dfc.geometry.raster;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;

/**
 * One rendered view: what the mesh looks like from one camera. Immutable and thread-safe; array accessors return
 * copies.
 *
 * <p>Every per-pixel array is row-major over the camera's image, index {@code row·width + col}; pixel
 * {@code (col, row)} is the ray through {@code u = col, v = row} (pixel centres on integer coordinates, SPEC §0.2).
 * Depth, mask, part ids, triangle indices and normals come from that single centre sample; only the RGB image is
 * anti-aliased.
 */
public final class RenderedView {
    private final Camera camera;
    private final float[] depth;
    private final int[] partIds;
    private final int[] triangles;
    private final float[] normals;
    private final Mask mask;
    private final RgbImage rgb;

    /** Takes ownership of the arrays (the renderer hands over fresh ones). */
    RenderedView(Camera camera, float[] depth, int[] partIds, int[] triangles, float[] normals, byte[] maskBytes,
            byte[] rgbBytes) {
        this.camera = camera;
        this.depth = depth;
        this.partIds = partIds;
        this.triangles = triangles;
        this.normals = normals;
        this.mask = Mask.fromBytes(camera.size(), maskBytes);
        this.rgb = new RgbImage(camera.size(), rgbBytes);
    }

    /** The camera this view was rendered from. */
    public Camera camera() {
        return camera;
    }

    /** The image size, the camera's. */
    public ImageSize size() {
        return camera.size();
    }

    /**
     * Planar camera depth (camera-frame Z, not the distance along the ray), scene units.
     *
     * @return {@code width·height} floats, row-major; {@code +Infinity} where no geometry was hit
     */
    public float[] depth() {
        return depth.clone();
    }

    /**
     * Planar depth at {@code (row, col)}, {@code +Infinity} for background.
     *
     * @throws IndexOutOfBoundsException if the pixel lies outside the image
     */
    public float depthAt(int row, int col) {
        return depth[index(row, col)];
    }

    /** The object mask: pixels where geometry was hit. */
    public Mask mask() {
        return mask;
    }

    /**
     * Part id of the visible triangle per pixel (index into the mesh's part names).
     *
     * @return {@code width·height} ints, row-major; −1 for background
     */
    public int[] partIds() {
        return partIds.clone();
    }

    /**
     * Part id at {@code (row, col)}, −1 for background.
     *
     * @throws IndexOutOfBoundsException if the pixel lies outside the image
     */
    public int partIdAt(int row, int col) {
        return partIds[index(row, col)];
    }

    /**
     * Index of the visible triangle of the mesh per pixel.
     *
     * @return {@code width·height} ints, row-major; −1 for background
     */
    public int[] triangleIndices() {
        return triangles.clone();
    }

    /**
     * Triangle index at {@code (row, col)}, −1 for background.
     *
     * @throws IndexOutOfBoundsException if the pixel lies outside the image
     */
    public int triangleIndexAt(int row, int col) {
        return triangles[index(row, col)];
    }

    /**
     * Unit face normals in the world frame, turned towards the camera (a back face reports the negated stored
     * normal), so every normal {@code n} of a visible pixel has {@code n·(camera centre − surface point) ≥ 0}.
     *
     * @return {@code 3·width·height} floats {@code nx, ny, nz} per pixel, row-major; zeros for background
     */
    public float[] normals() {
        return normals.clone();
    }

    /**
     * The world-frame unit normal at {@code (row, col)}: {@code {nx, ny, nz}}, zeros for background.
     *
     * @throws IndexOutOfBoundsException if the pixel lies outside the image
     */
    public float[] normalAt(int row, int col) {
        int i = 3 * index(row, col);
        return new float[] {normals[i], normals[i + 1], normals[i + 2]};
    }

    /** The shaded, anti-aliased colour image, background colour where no geometry was hit. */
    public RgbImage rgb() {
        return rgb;
    }

    private int index(int row, int col) {
        if (!camera.size().contains(row, col)) {
            throw new IndexOutOfBoundsException("pixel (row " + row + ", col " + col + ") outside " + camera.size());
        }
        return row * camera.size().width() + col;
    }

    @Override
    public String toString() {
        return "RenderedView[" + camera.size() + ", " + mask.count() + " foreground px]";
    }
}
