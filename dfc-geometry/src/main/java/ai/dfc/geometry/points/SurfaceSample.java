package ai.dfc.geometry.points;

import ai.dfc.api.geometry.PointCloud;

/**
 * The result of {@link SurfaceSampler#sample}: the sampled point cloud together with the triangle each point was
 * drawn from. Immutable and thread-safe.
 */
public final class SurfaceSample {
    private final PointCloud cloud;
    private final int[] triangles;

    SurfaceSample(PointCloud cloud, int[] triangles) {
        this.cloud = cloud;
        this.triangles = triangles;
    }

    /** The points with the face normal and part id of their triangle, in the mesh's frame. */
    public PointCloud cloud() {
        return cloud;
    }

    /** Number of sampled points. */
    public int size() {
        return triangles.length;
    }

    /** Index (into the mesh's triangle list) of the triangle point {@code i} lies on. */
    public int triangle(int i) {
        return triangles[i];
    }

    /** A copy of the per-point triangle indices, one int per point. */
    public int[] triangles() {
        return triangles.clone();
    }
}
