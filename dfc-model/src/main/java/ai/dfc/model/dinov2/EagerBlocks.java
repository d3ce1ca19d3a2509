package ai.dfc.model.dinov2;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The transformer blocks run eagerly on buffers allocated once per (batch, tokens) and updated in place: every
 * linear layer is one BLAS GEMM over the whole batch (the residual added by the GEMM itself, {@code β = 1}), each
 * head's attention two small 2-D GEMMs. Same arithmetic as the SameDiff graph ({@link FoldedBlock} weights);
 * it avoids two costs of that graph on CPU: ND4J allocating a fresh native buffer for every op output (≈ 1.3 ms per
 * 3 MB buffer, more than the op itself) and libnd4j's batched matmul, which does not call BLAS (≈ 4 GFLOP/s for the
 * attention products). Measured on 2 cores with {@code OMP_WAIT_POLICY=PASSIVE} (without it both engines run about
 * 2× slower): ViT-B/14 at 224, 1.04–1.15 img/s (batch 1) and 1.18–1.21 (batch 8) against the graph's 0.97 and 1.13.
 * Not thread-safe.
 */
final class EagerBlocks {
    private final Dinov2Architecture a;
    private final List<FoldedBlock> blocks;
    private int batch = -1;
    private int tokens = -1;
    private INDArray normed;
    private INDArray qkv;
    private INDArray context;
    private INDArray hidden;
    private INDArray act;
    private INDArray scratch;
    private INDArray scores;
    private INDArray headOut;
    private INDArray heads;

    EagerBlocks(Dinov2Architecture a, List<FoldedBlock> blocks) {
        this.a = a;
        this.blocks = blocks;
    }

    /**
     * Runs all blocks over {@code x} ({@code [B·T, C]}, modified in place) and copies the patch tokens of the last
     * {@code n} blocks into {@code result} ({@code [B, n, N, C]}).
     */
    void run(INDArray x, int b, int t, int prefix, INDArray result) {
        allocate(b, t);
        int c = a.width();
        int n = (int) result.size(1);
        for (int i = 0; i < blocks.size(); i++) {
            FoldedBlock w = blocks.get(i);
            standardize(x, normed);
            Nd4j.gemm(normed, w.qkv(), qkv, false, false, 1.0, 0.0);
            qkv.addiRowVector(w.qkvBias());
            attention(b, t);
            Nd4j.gemm(context, w.proj(), x, false, false, 1.0, 1.0);
            x.addiRowVector(w.projBias());
            standardize(x, normed);
            Nd4j.gemm(normed, w.ffnIn(), hidden, false, false, 1.0, 0.0);
            hidden.addiRowVector(w.ffnInBias());
            INDArray activated = activate();
            Nd4j.gemm(activated, w.ffnOut(), x, false, false, 1.0, 1.0);
            x.addiRowVector(w.ffnOutBias());
            int slot = i - (blocks.size() - n);
            if (slot >= 0) {
                INDArray tokensOut = x.reshape('c', b, t, c);
                result.get(NDArrayIndex.all(), NDArrayIndex.point(slot), NDArrayIndex.all(), NDArrayIndex.all())
                        .assign(tokensOut.get(NDArrayIndex.all(), NDArrayIndex.interval(prefix, t), NDArrayIndex.all()));
            }
        }
    }

    private void allocate(int b, int t) {
        if (b == batch && t == tokens) {
            return;
        }
        long rows = (long) b * t;
        int c = a.width();
        normed = Nd4j.create(DataType.FLOAT, rows, c);
        qkv = Nd4j.create(DataType.FLOAT, rows, 3L * c);
        context = Nd4j.create(DataType.FLOAT, rows, c);
        hidden = Nd4j.create(DataType.FLOAT, rows, a.swiglu() ? 2L * a.ffnHidden() : a.ffnHidden());
        act = a.swiglu() ? Nd4j.create(DataType.FLOAT, rows, a.ffnHidden()) : null;
        scratch = Nd4j.create(DataType.FLOAT, rows, a.ffnHidden());
        scores = Nd4j.create(DataType.FLOAT, t, t);
        headOut = Nd4j.create(DataType.FLOAT, t, a.headWidth());
        heads = Nd4j.create(DataType.FLOAT, a.heads(), rows, a.headWidth());
        batch = b;
        tokens = t;
    }

    /** {@code out = (x − μ)/√(σ² + ε)} per row; gain and bias are folded into the next layer. */
    private void standardize(INDArray x, INDArray out) {
        int c = a.width();
        INDArray mean = x.mean(1).reshape(x.size(0), 1);
        out.assign(x).subiColumnVector(mean);
        INDArray norm = out.norm2(1);
        // σ² = ‖x − μ‖² / C ; scale = 1 / √(σ² + ε)
        INDArray scale = Transforms.pow(norm, 2, false).divi(c).addi(a.epsilon());
        Transforms.sqrt(scale, false).rdivi(1.0);
        out.muliColumnVector(scale.reshape(x.size(0), 1));
    }

    /**
     * Per image and head: {@code softmax(q·kᵀ)·v} (q pre-scaled). Head outputs go to contiguous blocks of
     * {@code heads} ({@code [H, B·T, d]}) and are interleaved into {@code context} with one permuted copy: writing
     * each head straight into its strided columns costs ND4J ~2.5 ms per head, the GEMMs themselves ~0.2 ms.
     */
    private void attention(int b, int t) {
        int c = a.width();
        int d = a.headWidth();
        for (int img = 0; img < b; img++) {
            org.nd4j.linalg.indexing.INDArrayIndex rows = NDArrayIndex.interval((long) img * t, (long) (img + 1) * t);
            for (int h = 0; h < a.heads(); h++) {
                INDArray q = qkv.get(rows, NDArrayIndex.interval((long) h * d, (long) (h + 1) * d));
                INDArray k = qkv.get(rows, NDArrayIndex.interval(c + (long) h * d, c + (long) (h + 1) * d));
                INDArray v = qkv.get(rows, NDArrayIndex.interval(2L * c + (long) h * d, 2L * c + (long) (h + 1) * d));
                Nd4j.gemm(q, k, scores, false, true, 1.0, 0.0);
                Transforms.softmax(scores, false);
                Nd4j.gemm(scores, v, headOut, false, false, 1.0, 0.0);
                heads.get(NDArrayIndex.point(h), rows, NDArrayIndex.all()).assign(headOut);
            }
        }
        context.reshape('c', (long) b * t, a.heads(), d).assign(heads.permute(1, 0, 2));
    }

    /** GELU (as {@code u·(1 + erf u)}, see {@link FoldedBlock}) in place, or SwiGLU into {@code act}. */
    private INDArray activate() {
        if (!a.swiglu()) {
            Nd4j.exec(new Erf(hidden, scratch));
            scratch.addi(1.0);
            hidden.muli(scratch);
            return hidden;
        }
        int f = a.ffnHidden();
        INDArray x1 = hidden.get(NDArrayIndex.all(), NDArrayIndex.interval(0, f));
        INDArray x2 = hidden.get(NDArrayIndex.all(), NDArrayIndex.interval(f, 2L * f));
        act.assign(x1);
        Transforms.sigmoid(act, false);
        act.muli(x1).muli(x2);
        return act;
    }
}
