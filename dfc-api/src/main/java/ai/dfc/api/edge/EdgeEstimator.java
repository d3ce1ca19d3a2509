package ai.dfc.api.edge;

import ai.dfc.api.geometry.PointCloud;

/**
 * Estimates, per point of a surface point cloud, the probability that it lies on a sharp edge; used to
 * sharpen the votes of thin parts (blade edges, rims), as the reference uses SED-Net.
 *
 * <p><b>Threading:</b> thread-safe. <b>Lifecycle:</b> the creator closes it; idempotent.
 */
public interface EdgeEstimator extends AutoCloseable {

    /**
     * @param cloud the points; estimators that need normals throw {@link IllegalArgumentException} when
     *              {@code cloud.hasNormals()} is false
     * @return one probability in [0, 1] per point, in cloud order; a new array owned by the caller
     */
    float[] edgeProbabilities(PointCloud cloud);

    @Override
    void close();
}
