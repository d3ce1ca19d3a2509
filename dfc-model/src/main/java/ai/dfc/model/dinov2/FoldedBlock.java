package ai.dfc.model.dinov2;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A block's weights with every per-channel constant folded into the neighbouring matrix, so the graph runs fewer
 * element-wise passes (each costs a full sweep over {@code [B·T, C]} or {@code [B·T, F]} memory):
 * <ul>
 *   <li>LayerNorm gain/bias into the following linear layer: {@code (x̂·g + b)·W + c = x̂·(diag(g)·W) + (b·W + c)},
 *   so the graph only standardizes;</li>
 *   <li>LayerScale γ into the preceding linear layer: {@code γ ⊙ (y·W + c) = y·(W·diag(γ)) + γ ⊙ c};</li>
 *   <li>the attention scale {@code 1/√d} into the query columns;</li>
 *   <li>for the GELU MLP, {@code 1/√2} into fc1 and fc2, so the activation is {@code u·(1 + erf(u))} with
 *   {@code u = h/√2} (equal to {@code √2·GELU(h)}).</li>
 * </ul>
 * Algebraically exact; float32 rounding differs from the unfolded order by a few ulps.
 */
record FoldedBlock(INDArray qkv, INDArray qkvBias, INDArray proj, INDArray projBias, INDArray ffnIn,
        INDArray ffnInBias, INDArray ffnOut, INDArray ffnOutBias) {

    static FoldedBlock fold(BlockWeights w, Dinov2Architecture a) {
        int c = a.width();
        INDArray qkv = w.qkv().mulColumnVector(w.norm1Gain().reshape(c, 1));
        INDArray qkvBias = w.norm1Bias().reshape(1, c).mmul(w.qkv()).reshape(3L * c).addi(w.qkvBias());
        double scale = 1.0 / Math.sqrt(a.headWidth());
        qkv.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, c)).muli(scale);
        qkvBias.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, c)).muli(scale);

        INDArray proj = w.proj().mulRowVector(w.scale1().reshape(1, c));
        INDArray projBias = w.projBias().mul(w.scale1());

        long in = w.ffnIn().size(1);
        INDArray ffnIn = w.ffnIn().mulColumnVector(w.norm2Gain().reshape(c, 1));
        INDArray ffnInBias = w.norm2Bias().reshape(1, c).mmul(w.ffnIn()).reshape(in).addi(w.ffnInBias());
        INDArray ffnOut = w.ffnOut().mulRowVector(w.scale2().reshape(1, c));
        INDArray ffnOutBias = w.ffnOutBias().mul(w.scale2());
        if (!a.swiglu()) {
            double r = 1.0 / Math.sqrt(2.0);
            ffnIn.muli(r);
            ffnInBias.muli(r);
            ffnOut.muli(r);
        }
        return new FoldedBlock(qkv, qkvBias.reshape(1, 3L * c), proj, projBias.reshape(1, c), ffnIn,
                ffnInBias.reshape(1, in), ffnOut, ffnOutBias.reshape(1, c));
    }
}
