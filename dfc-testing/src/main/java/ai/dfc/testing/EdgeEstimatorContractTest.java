package ai.dfc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.edge.EdgeEstimator;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.plugin.Role;
import org.junit.jupiter.api.Test;

/**
 * The {@link EdgeEstimator} contract: one probability in [0, 1] per point, deterministic, and on the surface
 * of a cube, points near its 12 edges score higher on average than points near face centres.
 *
 * @param <C> the settings record
 */
public abstract class EdgeEstimatorContractTest<C extends Record> extends PluginContractTest<C, EdgeEstimator> {
    private static final int GRID = 24;

    @Override
    protected final Role role() {
        return Role.EDGE_ESTIMATOR;
    }

    /**
     * Points on a regular grid over each face of the cube [−0.5, 0.5]³ with outward face normals; part id 1
     * marks points within one grid step of an edge, 0 points at least 0.2 from every edge, −1 the rest.
     */
    protected static PointCloud cube() {
        int perFace = GRID * GRID;
        float[] xyz = new float[6 * perFace * 3];
        float[] normals = new float[xyz.length];
        int[] parts = new int[6 * perFace];
        double step = 1.0 / GRID;
        int p = 0;
        for (int axis = 0; axis < 3; axis++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                for (int i = 0; i < GRID; i++) {
                    for (int j = 0; j < GRID; j++) {
                        double u = -0.5 + (i + 0.5) * step;
                        double v = -0.5 + (j + 0.5) * step;
                        double[] pt = new double[3];
                        pt[axis] = 0.5 * sign;
                        pt[(axis + 1) % 3] = u;
                        pt[(axis + 2) % 3] = v;
                        for (int k = 0; k < 3; k++) {
                            xyz[3 * p + k] = (float) pt[k];
                            normals[3 * p + k] = k == axis ? sign : 0;
                        }
                        double toEdge = Math.min(0.5 - Math.abs(u), 0.5 - Math.abs(v));
                        parts[p] = toEdge <= step ? 1 : toEdge >= 0.2 ? 0 : -1;
                        p++;
                    }
                }
            }
        }
        return new PointCloud(xyz, normals, parts);
    }

    @Test
    void givesOneProbabilityPerPoint() {
        PointCloud cloud = cube();
        try (EdgeEstimator estimator = create()) {
            float[] p = estimator.edgeProbabilities(cloud);
            assertThat(p).hasSize(cloud.size());
            for (float v : p) {
                assertThat(v).isBetween(0f, 1f);
            }
            assertThat(estimator.edgeProbabilities(cloud)).containsExactly(p);
        }
    }

    @Test
    void scoresCubeEdgesAboveFaceCentres() {
        PointCloud cloud = cube();
        try (EdgeEstimator estimator = create()) {
            float[] p = estimator.edgeProbabilities(cloud);
            double edge = 0;
            double face = 0;
            int nEdge = 0;
            int nFace = 0;
            for (int i = 0; i < p.length; i++) {
                if (cloud.partId(i) == 1) {
                    edge += p[i];
                    nEdge++;
                } else if (cloud.partId(i) == 0) {
                    face += p[i];
                    nFace++;
                }
            }
            assertThat(edge / nEdge).as("mean edge probability near edges vs face centres")
                    .isGreaterThan(face / nFace + 0.2);
        }
    }
}
