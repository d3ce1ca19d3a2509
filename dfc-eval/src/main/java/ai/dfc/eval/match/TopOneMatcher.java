package ai.dfc.eval.match;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The reference's top-1 search (SPEC §7.1–7.2) as blocked matrix products on ND4J: for every query feature, the
 * similarity (dot product) to every target pixel, off-region pixels replaced by the reference's
 * {@code map·R − 100·(1 − R)} rule, then the first maximum in row-major pixel order. Never a per-pixel loop: each
 * block of queries is one {@code [b, D] × [D, P]} product and two broadcast operations.
 *
 * <p>Thread safety: stateless; ND4J arrays passed in are not modified.
 */
public final class TopOneMatcher {
    /** Queries per block: bounds the {@code block × P} similarity matrix (1024 × 50,176 floats ≈ 200 MB). */
    public static final int DEFAULT_BLOCK = 1024;

    private TopOneMatcher() {
    }

    /**
     * The best target per query.
     *
     * @param index per query, the row-major index of the chosen target pixel
     * @param score per query, the (region-adjusted) similarity of that pixel
     */
    public record Result(int[] index, float[] score) {
    }

    /**
     * @param queries {@code [Q, D]} float32 query features
     * @param targets {@code [P, D]} float32 features of the target pixels, row-major pixel order
     * @param region  {@code P} booleans: the allowed target region, or null for all pixels. Off-region pixels score
     *                −100 (so an empty region degenerates to pixel 0, as in the reference)
     * @param block   queries per matrix product
     */
    public static Result match(INDArray queries, INDArray targets, boolean[] region, int block) {
        if (queries.rank() != 2 || targets.rank() != 2 || queries.size(1) != targets.size(1)) {
            throw new IllegalArgumentException("expected queries [Q, D] and targets [P, D] with the same D, got "
                    + java.util.Arrays.toString(queries.shape()) + " and " + java.util.Arrays.toString(targets.shape()));
        }
        int q = (int) queries.size(0);
        int p = (int) targets.size(0);
        if (region != null && region.length != p) {
            throw new IllegalArgumentException("region has " + region.length + " pixels, targets " + p);
        }
        INDArray targetsT = targets.castTo(DataType.FLOAT).transpose().dup('c');
        INDArray keep = null;
        INDArray offset = null;
        if (region != null) {
            float[] r = new float[p];
            float[] o = new float[p];
            for (int i = 0; i < p; i++) {
                r[i] = region[i] ? 1f : 0f;
                o[i] = region[i] ? 0f : -100f;
            }
            keep = Nd4j.createFromArray(r).reshape(1, p);
            offset = Nd4j.createFromArray(o).reshape(1, p);
        }
        int[] index = new int[q];
        float[] score = new float[q];
        INDArray qf = queries.castTo(DataType.FLOAT);
        for (int start = 0; start < q; start += block) {
            int end = Math.min(q, start + block);
            INDArray sim = qf.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).mmul(targetsT);
            if (keep != null) {
                sim.muliRowVector(keep).addiRowVector(offset);
            }
            INDArray arg = Nd4j.argMax(sim, 1);
            INDArray max = sim.max(1);
            for (int i = start; i < end; i++) {
                index[i] = arg.getInt(i - start);
                score[i] = max.getFloat(i - start);
            }
        }
        return new Result(index, score);
    }
}
