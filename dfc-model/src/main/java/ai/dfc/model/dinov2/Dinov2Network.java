package ai.dfc.model.dinov2;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The DINOv2 forward pass (inference only). The embedding stage — ImageNet normalization, cutting the image into
 * patches, the patch projection, the positional embedding resized to the input's grid ({@link PositionEmbedding}),
 * CLS and register tokens — runs eagerly in ND4J; the transformer blocks run as one SameDiff graph per token count
 * over a {@code [B·T, C]} placeholder, so every linear layer is a single GEMM over the whole batch.
 *
 * <p>Block: {@code x += γ₁·attn(LN₁(x)); x += γ₂·ffn(LN₂(x))}; LayerNorm written out ({@code (x−μ)/√(σ²+ε)·g+b},
 * because ND4J's fused layer norm has its own epsilon); attention {@code softmax(q·kᵀ/√d)·v} per head; FFN either
 * {@code fc2(GELU(fc1 x))} with the exact GELU {@code ½x(1+erf(x/√2))} (SameDiff's {@code gelu} is an approximation)
 * or SwiGLU {@code w3(silu(x₁)·x₂)}.
 *
 * <p>Not thread-safe (SameDiff sessions are not); one instance per thread. {@link #close()} drops the graphs.
 */
public final class Dinov2Network implements AutoCloseable {
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final Dinov2Weights weights;
    private final int lastBlocks;
    private final float[] grid;
    private final Map<Long, SameDiff> graphs = new HashMap<>();
    private final Map<Long, INDArray> positions = new HashMap<>();

    /**
     * @param lastBlocks how many final blocks to return (1 … depth)
     */
    public Dinov2Network(Dinov2Weights weights, int lastBlocks) {
        Dinov2Architecture a = weights.architecture();
        if (lastBlocks < 1 || lastBlocks > a.depth()) {
            throw new IllegalArgumentException("last_blocks must be in [1, " + a.depth() + "], was " + lastBlocks);
        }
        this.weights = weights;
        this.lastBlocks = lastBlocks;
        this.grid = weights.positions().get(NDArrayIndex.interval(1, weights.positions().size(0)), NDArrayIndex.all())
                .dup('c').data().asFloat();
    }

    public Dinov2Architecture architecture() {
        return weights.architecture();
    }

    /** The indices (0-based) of the returned blocks, in output order. */
    public List<Integer> returnedBlocks() {
        int depth = weights.architecture().depth();
        return java.util.stream.IntStream.range(depth - lastBlocks, depth).boxed().toList();
    }

    /**
     * @param images {@code [B, 3, H, W]} float32 RGB in [0, 1]; {@code H, W ≥ patch}; the bottom/right remainder of
     *               sizes not divisible by the patch is ignored (as the strided convolution does)
     * @return patch tokens of the last blocks without the final norm, {@code [B, n, h·w, C]} float32, CLS and
     *         registers removed
     */
    public INDArray forward(INDArray images) {
        Dinov2Architecture a = weights.architecture();
        int p = a.patch();
        int batch = (int) images.size(0);
        int h = (int) images.size(2) / p;
        int w = (int) images.size(3) / p;
        int n = h * w;
        int prefix = 1 + a.registers();
        int tokens = prefix + n;
        int c = a.width();

        INDArray x0 = embed(images, batch, h, w); // [B·T, C]
        SameDiff sd = graphs.computeIfAbsent((long) tokens, t -> buildGraph(tokens));
        String[] names = new String[lastBlocks];
        for (int i = 0; i < lastBlocks; i++) {
            names[i] = "block" + (a.depth() - lastBlocks + i);
        }
        Map<String, INDArray> out = sd.output(Map.of("x", x0), names);
        INDArray result = Nd4j.create(DataType.FLOAT, batch, lastBlocks, n, c);
        for (int i = 0; i < lastBlocks; i++) {
            INDArray block = out.get(names[i]).reshape(batch, tokens, c);
            result.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all())
                    .assign(block.get(NDArrayIndex.all(), NDArrayIndex.interval(prefix, tokens), NDArrayIndex.all()));
        }
        return result;
    }

    /** Normalized patches → projection + resized positions, with CLS and registers in front: {@code [B·T, C]}. */
    private INDArray embed(INDArray images, int batch, int h, int w) {
        Dinov2Architecture a = weights.architecture();
        int p = a.patch();
        int c = a.width();
        int n = h * w;
        INDArray crop = images.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, h * p),
                NDArrayIndex.interval(0, w * p)).dup('c');
        for (int ch = 0; ch < 3; ch++) {
            crop.get(NDArrayIndex.all(), NDArrayIndex.point(ch), NDArrayIndex.all(), NDArrayIndex.all())
                    .subi(MEAN[ch]).divi(STD[ch]);
        }
        INDArray patches = crop.reshape('c', batch, 3, h, p, w, p).permute(0, 2, 4, 1, 3, 5).dup('c')
                .reshape('c', (long) batch * n, 3L * p * p);
        INDArray projected = patches.mmul(weights.patch()).addiRowVector(weights.patchBias()); // [B·N, C]
        boolean square = images.size(2) == images.size(3);
        INDArray pos = positions.computeIfAbsent(((long) h << 32) | (w << 1) | (square ? 1 : 0), k -> Nd4j.create(
                PositionEmbedding.resize(grid, a.positionGrid(), c, h, w, square), new long[] {n, c}, 'c'));
        INDArray clsToken = weights.cls().reshape(1, c).add(weights.positions().getRow(0).reshape(1, c));
        int prefix = 1 + a.registers();
        INDArray x = Nd4j.create(DataType.FLOAT, batch, prefix + n, c);
        for (int b = 0; b < batch; b++) {
            INDArray row = x.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.all());
            row.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()).assign(clsToken);
            if (a.registers() > 0) {
                row.get(NDArrayIndex.interval(1, prefix), NDArrayIndex.all()).assign(weights.registers());
            }
            row.get(NDArrayIndex.interval(prefix, prefix + n), NDArrayIndex.all())
                    .assign(projected.get(NDArrayIndex.interval((long) b * n, (long) (b + 1) * n), NDArrayIndex.all()).add(pos));
        }
        return x.reshape('c', (long) batch * (prefix + n), c);
    }

    private SameDiff buildGraph(int tokens) {
        Dinov2Architecture a = weights.architecture();
        SameDiff sd = SameDiff.create();
        int c = a.width();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, c);
        int last = a.depth() - 1;
        for (int i = 0; i <= last; i++) {
            x = block(sd, x, weights.blocks().get(i), i, tokens);
            x = sd.identity("block" + i, x);
        }
        return sd;
    }

    private SDVariable block(SameDiff sd, SDVariable x, BlockWeights bw, int i, int tokens) {
        Dinov2Architecture a = weights.architecture();
        String b = "b" + i + ".";
        SDVariable attn = attention(sd, layerNorm(sd, x, bw.norm1Gain(), bw.norm1Bias(), b + "ln1"), bw, b, tokens);
        x = x.add(attn.mul(sd.constant(b + "ls1", bw.scale1())));
        SDVariable y = layerNorm(sd, x, bw.norm2Gain(), bw.norm2Bias(), b + "ln2");
        SDVariable hidden = y.mmul(sd.constant(b + "fc1", bw.ffnIn())).add(sd.constant(b + "fc1b", bw.ffnInBias()));
        SDVariable act;
        if (a.swiglu()) {
            SDVariable[] halves = sd.unstack(sd.reshape(hidden, -1, 2, a.ffnHidden()), 1, 2);
            act = halves[0].mul(sd.nn().sigmoid(halves[0])).mul(halves[1]);
        } else {
            act = hidden.mul(0.5).mul(sd.math().erf(hidden.mul(1.0 / Math.sqrt(2.0))).add(1.0));
        }
        SDVariable ffn = act.mmul(sd.constant(b + "fc2", bw.ffnOut())).add(sd.constant(b + "fc2b", bw.ffnOutBias()));
        return x.add(ffn.mul(sd.constant(b + "ls2", bw.scale2())));
    }

    private SDVariable attention(SameDiff sd, SDVariable x, BlockWeights bw, String b, int tokens) {
        Dinov2Architecture a = weights.architecture();
        int heads = a.heads();
        int d = a.headWidth();
        SDVariable qkv = x.mmul(sd.constant(b + "qkv", bw.qkv())).add(sd.constant(b + "qkvb", bw.qkvBias()));
        // [B·T, 3C] → [3, B, H, T, d]
        SDVariable split = sd.permute(sd.reshape(qkv, -1, tokens, 3, heads, d), 2, 0, 3, 1, 4);
        SDVariable[] parts = sd.unstack(split, 0, 3);
        SDVariable q = parts[0].mul(1.0 / Math.sqrt(d));
        SDVariable scores = sd.mmul(q, parts[1], false, true, false); // [B, H, T, T]
        SDVariable probs = sd.nn().softmax(scores, -1);
        SDVariable ctx = sd.mmul(probs, parts[2]); // [B, H, T, d]
        SDVariable merged = sd.reshape(sd.permute(ctx, 0, 2, 1, 3), -1, a.width());
        return merged.mmul(sd.constant(b + "proj", bw.proj())).add(sd.constant(b + "projb", bw.projBias()));
    }

    private SDVariable layerNorm(SameDiff sd, SDVariable x, INDArray gain, INDArray bias, String name) {
        SDVariable centred = x.sub(x.mean(true, 1));
        SDVariable variance = centred.mul(centred).mean(true, 1);
        SDVariable normed = centred.div(sd.math().sqrt(variance.add(weights.architecture().epsilon())));
        return normed.mul(sd.constant(name + "g", gain)).add(sd.constant(name + "b", bias));
    }

    @Override
    public void close() {
        graphs.clear();
        positions.clear();
    }
}
