package ai.dfc.labeling.edge;

import ai.dfc.api.edge.EdgeEstimator;
import ai.dfc.api.edge.EdgeEstimatorFactory;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Settings;
import ai.dfc.geometry.points.KdTree;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.stream.IntStream;

/**
 * The {@code curvature} edge estimator: the probability that a point lies on a sharp edge, from how much the
 * normals of its neighbourhood disagree. <b>A documented deviation:</b> the reference runs the learned SED-Net on
 * 10,000 points for parts listed as thin edges in {@code edge_requirement.json} (SPEC §3.7), and SPEC §3.7 allows
 * any per-point edge probability in its place; this is a geometric one, with no weights to download.
 *
 * <p>For each point {@code p} with normal {@code n_p}, let {@code N} be its {@code k} nearest neighbours (itself
 * included, found with a k-d tree) without those on the <em>far side of a thin wall</em>: neighbours whose normal
 * is within about 25° of {@code −n_p} (cosine below −0.9) and that lie more than 30° behind {@code p}'s tangent
 * plane. Then:
 * <pre>
 *   variation v = 1 − |Σ_N n_q| / Σ_N |n_q|      (0 on a flat patch, 1 − cos(θ/2) on a crease of normals θ apart
 *                                                 split evenly, up to 1 where a thin sheet folds round)
 *   probability = v² / (v² + scale²)              (a smooth Hill curve: 0 at v = 0, ½ at v = scale, → 1)
 * </pre>
 * The normal sum depends on orientation, which is what makes a thin blade's edge stand out: at the edge the
 * neighbourhood holds both faces side by side, whose normals point in nearly opposite directions. The far-side
 * rule keeps the faces of thin walls (a jug's wall, a blade's flat) from scoring the same way: there the
 * opposite face lies <em>behind</em> the point, not beside it. With the defaults ({@code k} 16, {@code scale}
 * 0.05) points on a 90° edge score about 0.9–0.97, a 45° crease about 0.7, a 30° crease about 0.3, a smooth
 * cylinder whose radius is five times the neighbourhood radius about 0.01.
 *
 * <p><b>Measured on the procedural world</b> (100,000 points per normalized instance, defaults), mean
 * probability of the thin-edge parts against the whole object: knife edge 0.80 (object 0.14, its flat blade
 * 0.03), cleaver edge 0.80 (0.11), jug rim 0.93 (0.08), saucepan rim 0.82 (0.10), cup rim 0.59 (0.06), ladle
 * rim 0.58 (0.09), axe edge 0.23 (0.07), spoon rim 0.19 (0.11). Without the far-side rule the walls of the jug
 * and the saucepan scored 0.68 and 0.41, as high as their rims.
 *
 * <p><b>Scale.</b> The neighbourhood radius is set by {@code k} and the point density, about
 * {@code √(k / (π·density))}: for 100,000 points on a normalized object (SPEC §2.2) with a surface area near 1,
 * about 0.007. Features smaller than that radius blur together: corners closer than it score as one edge, and
 * sheets much thinner than it score high across their width, as most of their far side then lies beside each
 * point rather than behind it. Clouds with inconsistently
 * oriented normals (flipped faces) score high where the orientation flips.
 *
 * <p>Runs in parallel over points; 100,000 points take 0.3–0.5 s on two shared cores. Deterministic,
 * thread-safe and stateless; {@link #close()} does nothing.
 */
public final class CurvatureEdgeEstimator implements EdgeEstimator {
    /** Points per parallel task. */
    private static final int CHUNK = 2048;
    /** Neighbours whose normal is within about 25° of the opposite of the point's may be on a wall's far side. */
    private static final double OPPOSITE_COS = 0.9;
    /** … and are, when they lie more than 30° behind the point's tangent plane. */
    private static final double BEHIND_SIN = 0.5;

    /**
     * Settings of {@code curvature}.
     *
     * @param neighbours the neighbourhood size k, the point itself included
     * @param scale      the normal variation that maps to probability ½
     */
    public record Config(
            @JsonPropertyDescription("neighbourhood size k (the point itself included) over which normals are "
                    + "compared; in [3, 256]") int neighbours,
            @JsonPropertyDescription("normal variation 1 - |mean normal| that maps to edge probability 0.5; "
                    + "smaller flags gentler creases; in (0, 1]") double scale) {

        /** Validates both settings, naming their keys. */
        public Config {
            Settings.inRange("neighbours", neighbours, 3, 256);
            Settings.positive("scale", scale);
            Settings.inRange("scale", scale, 0.0, 1.0);
        }

        /** k = 16, scale = 0.05. */
        public static Config defaults() {
            return new Config(16, 0.05);
        }
    }

    /** The factory of {@code curvature}, registered by {@link ai.dfc.labeling.LabelingPlugin}. */
    public static final class Factory extends AbstractPluginFactory<Config, EdgeEstimator>
            implements EdgeEstimatorFactory<Config> {

        /** A factory with k = 16 and scale 0.05. */
        public Factory() {
            super("curvature", "edge probability from the spread of neighbouring normals (geometric stand-in for "
                    + "SED-Net, a documented deviation)", Config.defaults());
        }

        /** A new estimator; cheap. */
        @Override
        public EdgeEstimator create(Config settings, PluginContext context) {
            return new CurvatureEdgeEstimator(settings);
        }
    }

    private final Config config;

    /** @param config the neighbourhood size and scale */
    public CurvatureEdgeEstimator(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("curvature edge estimator needs its settings");
        }
        this.config = config;
    }

    /**
     * One probability per point.
     *
     * @throws IllegalArgumentException when the cloud has no normals
     */
    @Override
    public float[] edgeProbabilities(PointCloud cloud) {
        if (cloud == null) {
            throw new IllegalArgumentException("point cloud must not be null");
        }
        if (!cloud.hasNormals()) {
            throw new IllegalArgumentException("the curvature edge estimator needs normals, but the cloud of "
                    + cloud.size() + " points has none");
        }
        int n = cloud.size();
        float[] out = new float[n];
        if (n == 0) {
            return out;
        }
        float[] xyz = cloud.positions();
        float[] normals = cloud.normals();
        KdTree tree = new KdTree(xyz);
        int k = Math.min(config.neighbours(), n);
        double scale2 = config.scale() * config.scale();
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            int[] index = new int[k];
            double[] distance = new double[k];
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                int m = tree.nearestWithin(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], k, Double.POSITIVE_INFINITY,
                        index, distance);
                double v = variation(xyz, normals, i, index, m);
                out[i] = (float) (v * v / (v * v + scale2));
            }
        });
        return out;
    }

    /**
     * {@code 1 − |Σ n_q| / Σ |n_q|} over the first {@code m} indexed neighbours of point {@code p}, leaving out
     * neighbours on the opposite sheet of a thin wall (see the class documentation); 0 when no normal is left.
     */
    static double variation(float[] xyz, float[] normals, int p, int[] index, int m) {
        double px = xyz[3 * p];
        double py = xyz[3 * p + 1];
        double pz = xyz[3 * p + 2];
        double nx = normals[3 * p];
        double ny = normals[3 * p + 1];
        double nz = normals[3 * p + 2];
        double nLength = Math.sqrt(nx * nx + ny * ny + nz * nz);
        double sx = 0;
        double sy = 0;
        double sz = 0;
        double lengths = 0;
        for (int j = 0; j < m; j++) {
            int q = index[j];
            double x = normals[3 * q];
            double y = normals[3 * q + 1];
            double z = normals[3 * q + 2];
            double length = Math.sqrt(x * x + y * y + z * z);
            if (x * nx + y * ny + z * nz < -OPPOSITE_COS * length * nLength) {
                double dx = xyz[3 * q] - px;
                double dy = xyz[3 * q + 1] - py;
                double dz = xyz[3 * q + 2] - pz;
                double behind = -(dx * nx + dy * ny + dz * nz) / nLength;
                if (behind > BEHIND_SIN * Math.sqrt(dx * dx + dy * dy + dz * dz)) {
                    continue; // the far side of a thin wall, not a bend of the surface
                }
            }
            sx += x;
            sy += y;
            sz += z;
            lengths += length;
        }
        if (!(lengths > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, 1 - Math.sqrt(sx * sx + sy * sy + sz * sz) / lengths));
    }

    /** Nothing to release. */
    @Override
    public void close() {
        // stateless
    }
}
