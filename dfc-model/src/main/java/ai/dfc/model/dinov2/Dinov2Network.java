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

    private final Dinov2Architecture architecture;
    private final INDArray patch;
    private final INDArray patchBias;
    private final INDArray clsToken;
    private final INDArray registers;
    private final int lastBlocks;
    private final float[] grid;
    private final List<FoldedBlock> folded;
    private final Engine engine;
    private final EagerBlocks eager;
    private final Map<Long, SameDiff> graphs = new HashMap<>();
    private final Map<Long, INDArray> positions = new HashMap<>();

    /**
     * @param lastBlocks how many final blocks to return (1 … depth)
     */
    public Dinov2Network(Dinov2Weights weights, int lastBlocks) {
        this(weights, lastBlocks, Engine.EAGER);
    }

    /** How the blocks run; both compute the same function (parity-tested) — see {@link EagerBlocks} for why two. */
    public enum Engine {
        /** in-place ND4J ops on buffers reused across calls (default; faster on CPU) */
        EAGER,
        /** one SameDiff graph per token count */
        SAMEDIFF
    }

    /**
     * @param lastBlocks how many final blocks to return (1 … depth)
     * @param engine     how the transformer blocks run
     */
    public Dinov2Network(Dinov2Weights weights, int lastBlocks, Engine engine) {
        Dinov2Architecture a = weights.architecture();
        if (lastBlocks < 1 || lastBlocks > a.depth()) {
            throw new IllegalArgumentException("last_blocks must be in [1, " + a.depth() + "], was " + lastBlocks);
        }
        // only the folded blocks are kept, so the unfolded weights can be collected (ViT-G: 4.4 GB)
        this.architecture = a;
        this.lastBlocks = lastBlocks;
        this.folded = weights.blocks().stream().map(b -> FoldedBlock.fold(b, a)).toList();
        this.grid = weights.positions().get(NDArrayIndex.interval(1, weights.positions().size(0)), NDArrayIndex.all())
                .dup('c').data().asFloat();
        this.patch = weights.patch();
        this.patchBias = weights.patchBias();
        this.clsToken = weights.cls().reshape(1, a.width()).add(weights.positions().getRow(0).reshape(1, a.width()));
        this.registers = weights.registers();
        this.engine = engine;
        this.eager = new EagerBlocks(a, folded);
    }

    public Dinov2Architecture architecture() {
        return architecture;
    }

    /** The indices (0-based) of the returned blocks, in output order. */
    public List<Integer> returnedBlocks() {
        int depth = architecture.depth();
        return java.util.stream.IntStream.range(depth - lastBlocks, depth).boxed().toList();
    }

    /**
     * @param images {@code [B, 3, H, W]} float32 RGB in [0, 1]; {@code H, W ≥ patch}; the bottom/right remainder of
     *               sizes not divisible by the patch is ignored (as the strided convolution does)
     * @return patch tokens of the last blocks without the final norm, {@code [B, n, h·w, C]} float32, CLS and
     *         registers removed
     */
    public INDArray forward(INDArray images) {
        Dinov2Architecture a = architecture;
        int p = a.patch();
        int batch = (int) images.size(0);
        int h = (int) images.size(2) / p;
        int w = (int) images.size(3) / p;
        int n = h * w;
        int prefix = 1 + a.registers();
        int tokens = prefix + n;
        int c = a.width();

        INDArray x0 = embed(images, batch, h, w); // [B·T, C]
        if (engine == Engine.EAGER) {
            INDArray result = Nd4j.create(DataType.FLOAT, batch, lastBlocks, n, c);
            eager.run(x0, batch, tokens, prefix, result);
            return result;
        }
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
        Dinov2Architecture a = architecture;
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
        INDArray projected = patches.mmul(patch).addiRowVector(patchBias); // [B·N, C]
        boolean square = images.size(2) == images.size(3);
        INDArray pos = positions.computeIfAbsent(((long) h << 32) | (w << 1) | (square ? 1 : 0), k -> Nd4j.create(
                PositionEmbedding.resize(grid, a.positionGrid(), c, h, w, square), new long[] {n, c}, 'c'));
        int prefix = 1 + a.registers();
        INDArray x = Nd4j.create(DataType.FLOAT, batch, prefix + n, c);
        for (int b = 0; b < batch; b++) {
            INDArray row = x.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.all());
            row.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()).assign(clsToken);
            if (a.registers() > 0) {
                row.get(NDArrayIndex.interval(1, prefix), NDArrayIndex.all()).assign(registers);
            }
            row.get(NDArrayIndex.interval(prefix, prefix + n), NDArrayIndex.all())
                    .assign(projected.get(NDArrayIndex.interval((long) b * n, (long) (b + 1) * n), NDArrayIndex.all()).add(pos));
        }
        return x.reshape('c', (long) batch * (prefix + n), c);
    }

    private SameDiff buildGraph(int tokens) {
        Dinov2Architecture a = architecture;
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, a.width());
        for (int i = 0; i < a.depth(); i++) {
            x = sd.identity("block" + i, block(sd, x, folded.get(i), "b" + i + ".", tokens));
        }
        return sd;
    }

    private SDVariable block(SameDiff sd, SDVariable x, FoldedBlock w, String b, int tokens) {
        Dinov2Architecture a = architecture;
        x = x.add(linear(sd, attention(sd, standardize(sd, x), w, b, tokens), w.proj(), w.projBias(), b + "proj"));
        SDVariable hidden = linear(sd, standardize(sd, x), w.ffnIn(), w.ffnInBias(), b + "fc1");
        SDVariable act;
        if (a.swiglu()) {
            SDVariable[] halves = sd.unstack(sd.reshape(hidden, -1, 2, a.ffnHidden()), 1, 2);
            act = halves[0].mul(sd.nn().sigmoid(halves[0])).mul(halves[1]);
        } else {
            act = hidden.mul(sd.math().erf(hidden).add(1.0)); // √2·GELU(h), see FoldedBlock
        }
        return x.add(linear(sd, act, w.ffnOut(), w.ffnOutBias(), b + "fc2"));
    }

    private SDVariable attention(SameDiff sd, SDVariable x, FoldedBlock w, String b, int tokens) {
        Dinov2Architecture a = architecture;
        SDVariable qkv = linear(sd, x, w.qkv(), w.qkvBias(), b + "qkv");
        // [B·T, 3C] → [3, B, H, T, d]; the query is pre-scaled by 1/√d
        SDVariable split = sd.permute(sd.reshape(qkv, -1, tokens, 3, a.heads(), a.headWidth()), 2, 0, 3, 1, 4);
        SDVariable[] parts = sd.unstack(split, 0, 3);
        SDVariable probs = sd.nn().softmax(sd.mmul(parts[0], parts[1], false, true, false), -1); // [B, H, T, T]
        SDVariable ctx = sd.mmul(probs, parts[2]); // [B, H, T, d]
        return sd.reshape(sd.permute(ctx, 0, 2, 1, 3), -1, a.width());
    }

    private static SDVariable linear(SameDiff sd, SDVariable x, INDArray weight, INDArray bias, String name) {
        return x.mmul(sd.constant(name, weight)).add(sd.constant(name + "b", bias));
    }

    /** {@code (x − μ)/√(σ² + ε)} per row; the gain and bias live in the next layer ({@link FoldedBlock}). */
    private SDVariable standardize(SameDiff sd, SDVariable x) {
        SDVariable centred = x.sub(x.mean(true, 1));
        SDVariable variance = centred.mul(centred).mean(true, 1);
        return centred.mul(sd.math().rsqrt(variance.add(architecture.epsilon())));
    }

    @Override
    public void close() {
        graphs.clear();
        positions.clear();
    }
}
