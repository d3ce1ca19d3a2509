package ai.dfc.labeling.pipeline;

import ai.dfc.api.edge.EdgeEstimator;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.geometry.points.KdTree;
import java.util.SplittableRandom;

/**
 * Edge probabilities for every cloud point the way SPEC §3.7–3.8 obtains them: the estimator sees a subsample of
 * {@value #SAMPLE_SIZE} points drawn without replacement (all points, in order, when the cloud is not larger), and each
 * cloud point takes the probability of its nearest subsampled point (exact k-d tree search in the cloud's own
 * coordinates; ties to the lower index). The subsample is seeded, so it is the same on every run.
 *
 * <p>Probabilities outside [0, 1] are clamped and NaN becomes 0, so a sloppy estimator cannot produce negative votes.
 * Thread-safe if the estimator is.
 */
public final class EdgeWeights {
    /** Points the estimator sees, as the reference gives SED-Net (SPEC §3.7). */
    public static final int SAMPLE_SIZE = 10_000;

    private EdgeWeights() {
    }

    /**
     * One edge probability per cloud point.
     *
     * @param seed seed of the subsample
     * @throws IllegalStateException if the estimator returns the wrong number of values
     * @throws IllegalArgumentException if the estimator needs normals and the cloud has none
     */
    public static float[] perPoint(PointCloud cloud, EdgeEstimator estimator, long seed) {
        int n = cloud.size();
        int[] sample = subsample(n, Math.min(n, SAMPLE_SIZE), seed);
        float[] all = cloud.positions();
        float[] normals = cloud.normals();
        float[] xyz = new float[3 * sample.length];
        float[] nrm = normals == null ? null : new float[3 * sample.length];
        for (int i = 0; i < sample.length; i++) {
            System.arraycopy(all, 3 * sample[i], xyz, 3 * i, 3);
            if (nrm != null) {
                System.arraycopy(normals, 3 * sample[i], nrm, 3 * i, 3);
            }
        }
        float[] p = estimator.edgeProbabilities(new PointCloud(xyz, nrm, null));
        if (p == null || p.length != sample.length) {
            throw new IllegalStateException("edge estimator returned " + (p == null ? "nothing" : p.length + " values")
                    + " for " + sample.length + " points");
        }
        float[] out = new float[n];
        if (sample.length == n) {
            for (int i = 0; i < n; i++) {
                out[sample[i]] = clamp(p[i]);
            }
            return out;
        }
        KdTree tree = new KdTree(xyz);
        for (int i = 0; i < n; i++) {
            out[i] = clamp(p[tree.nearest(all[3 * i], all[3 * i + 1], all[3 * i + 2])]);
        }
        return out;
    }

    /** {@code m} distinct indices of {@code 0 … n−1}: all in order when {@code m = n}, else a seeded draw. */
    static int[] subsample(int n, int m, long seed) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (m == n) {
            return idx;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, m);
    }

    private static float clamp(float v) {
        return Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
    }
}
