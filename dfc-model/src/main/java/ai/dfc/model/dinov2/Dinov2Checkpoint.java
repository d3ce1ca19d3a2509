package ai.dfc.model.dinov2;

import ai.dfc.model.weights.CheckpointKeys;
import ai.dfc.model.weights.NamedTensors;
import ai.dfc.model.weights.WeightFileException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads DINOv2 weights in either published naming and converts them to {@link Dinov2Weights}:
 * <ul>
 *   <li><b>Hugging Face</b> ({@code facebook/dinov2-*}, {@code Dinov2Model}): {@code embeddings.patch_embeddings
 *   .projection.weight}, {@code encoder.layer.N.attention.attention.query.weight}, {@code …layer_scale1.lambda1},
 *   {@code …mlp.fc1} or {@code …mlp.weights_in} (SwiGLU), …; an optional prefix (e.g. {@code dinov2.} of the
 *   classification models) is accepted;</li>
 *   <li><b>torch hub</b> ({@code facebookresearch/dinov2} state dicts saved as safetensors): {@code patch_embed.proj
 *   .weight}, {@code blocks.N.attn.qkv.weight}, {@code blocks.N.ls1.gamma}, {@code blocks.N.mlp.fc1} or
 *   {@code blocks.N.mlp.w12}, ….</li>
 * </ul>
 * The architecture comes from the tensor shapes (width, depth, patch, positional grid, registers, FFN kind and
 * width); the head count, which shapes do not tell, from {@code config.json} ({@code num_attention_heads}) when
 * given, else from the {@code heads} argument, else width / 64 (true for every published model). Every tensor is
 * shape-checked and unused tensors of the model are rejected, so a file of another model fails naming the tensor.
 */
public final class Dinov2Checkpoint {
    private static final Pattern HF_LAYER = Pattern.compile("encoder\\.layer\\.(\\d+)\\.");
    private static final Pattern HUB_BLOCK = Pattern.compile("blocks\\.(\\d+)\\.");
    private static final String HF_PATCH = "embeddings.patch_embeddings.projection.weight";
    private static final String HUB_PATCH = "patch_embed.proj.weight";

    private Dinov2Checkpoint() {
    }

    /** Which naming a checkpoint uses. */
    enum Naming { HUGGING_FACE, TORCH_HUB }

    /**
     * @param tensors the opened checkpoint (not closed here)
     * @param config  Hugging Face {@code config.json}, or {@code null}
     * @param heads   attention heads when there is no config ({@code 0}: width / 64)
     * @throws WeightFileException naming the tensor for a missing tensor, a wrong shape, an unknown layout or
     *                             unused tensors; or naming the config file if it is unreadable
     */
    public static Dinov2Weights load(NamedTensors tensors, Path config, int heads) {
        String prefix = null;
        Naming naming = null;
        for (String name : tensors.names()) {
            if (name.endsWith(HF_PATCH)) {
                prefix = name.substring(0, name.length() - HF_PATCH.length());
                naming = Naming.HUGGING_FACE;
                break;
            }
            if (name.endsWith(HUB_PATCH)) {
                prefix = name.substring(0, name.length() - HUB_PATCH.length());
                naming = Naming.TORCH_HUB;
                break;
            }
        }
        if (naming == null) {
            throw new WeightFileException(tensors.source() + " is not a DINOv2 checkpoint: no tensor named '" + HF_PATCH
                    + "' (Hugging Face) or '" + HUB_PATCH + "' (torch hub)");
        }
        JsonNode json = readConfig(config);
        Names n = naming == Naming.HUGGING_FACE ? new HfNames(prefix) : new HubNames(prefix);
        Dinov2Architecture arch = architecture(tensors, n, json, heads);
        CheckpointKeys keys = new CheckpointKeys(tensors, arch.describe());
        int c = arch.width();
        int p = arch.patch();
        INDArray patch = keys.load(n.patchWeight(), c, 3, p, p).reshape('c', c, 3L * p * p).transpose().dup('c');
        INDArray patchBias = keys.load(n.patchBias(), c);
        INDArray cls = keys.load(n.cls(), c);
        int grid = arch.positionGrid() * arch.positionGrid();
        INDArray positions = keys.load(n.positions(), 1 + grid, c);
        INDArray registers = arch.registers() > 0 ? keys.load(n.registers(), arch.registers(), c) : null;
        if (keys.has(n.maskToken())) {
            keys.ignore(n.maskToken()); // only used for masked-image training
        }
        List<BlockWeights> blocks = new ArrayList<>();
        for (int i = 0; i < arch.depth(); i++) {
            blocks.add(n.block(keys, i, arch));
        }
        keys.load(n.finalNorm() + ".weight", c); // validated although the returned blocks skip the final norm
        keys.load(n.finalNorm() + ".bias", c);
        keys.requireAllUsed(prefix);
        return new Dinov2Weights(arch, patch, patchBias, cls, positions, registers, blocks);
    }

    private static JsonNode readConfig(Path config) {
        if (config == null) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(Files.readString(config));
        } catch (IOException e) {
            throw new WeightFileException("cannot read DINOv2 config " + config + ": " + e.getMessage(), e);
        }
    }

    private static Dinov2Architecture architecture(NamedTensors t, Names n, JsonNode config, int heads) {
        long[] patch = t.shape(n.patchWeight()).orElseThrow();
        if (patch.length != 4 || patch[1] != 3 || patch[2] != patch[3]) {
            throw new WeightFileException(t.source() + ": tensor '" + n.patchWeight() + "' has shape "
                    + java.util.Arrays.toString(patch) + ", expected [C, 3, p, p]");
        }
        int width = (int) patch[0];
        TreeSet<Integer> indices = new TreeSet<>();
        for (String name : t.names()) {
            if (name.startsWith(n.prefix())) {
                Matcher m = n.blockPattern().matcher(name.substring(n.prefix().length()));
                if (m.lookingAt()) {
                    indices.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        if (indices.isEmpty()) {
            throw new WeightFileException(t.source() + " has no transformer blocks");
        }
        int depth = indices.last() + 1;
        if (indices.size() != depth) {
            for (int i = 0; i < depth; i++) {
                if (!indices.contains(i)) {
                    throw new WeightFileException(t.source() + " has no tensors for block " + i + " (blocks "
                            + indices.first() + "…" + indices.last() + " present)");
                }
            }
        }
        long[] pos = t.shape(n.positions()).orElseThrow(() -> new WeightFileException(
                t.source() + " has no tensor '" + n.positions() + "'"));
        long tokens = pos[pos.length - 2];
        int grid = (int) Math.round(Math.sqrt(tokens - 1));
        if ((long) grid * grid + 1 != tokens) {
            throw new WeightFileException(t.source() + ": tensor '" + n.positions() + "' has " + tokens
                    + " positions, not 1 + a square grid");
        }
        int registers = t.shape(n.registers()).map(s -> (int) s[s.length - 2]).orElse(0);
        boolean swiglu = t.shape(n.swigluIn(0)).isPresent();
        int ffn;
        if (swiglu) {
            ffn = (int) (t.shape(n.swigluIn(0)).orElseThrow()[0] / 2);
        } else {
            ffn = (int) t.shape(n.mlpIn(0)).orElseThrow(() -> new WeightFileException(t.source()
                    + " has no tensor '" + n.mlpIn(0) + "' (or '" + n.swigluIn(0) + "' for SwiGLU)"))[0];
        }
        int h = heads;
        double eps = 1e-6;
        if (config != null) {
            if (config.hasNonNull("num_attention_heads")) {
                h = config.get("num_attention_heads").asInt();
            }
            if (config.hasNonNull("layer_norm_eps")) {
                eps = config.get("layer_norm_eps").asDouble();
            }
            if (config.hasNonNull("hidden_size") && config.get("hidden_size").asInt() != width) {
                throw new WeightFileException("config.json says hidden_size " + config.get("hidden_size").asInt()
                        + " but tensor '" + n.patchWeight() + "' has width " + width);
            }
        }
        if (h <= 0) {
            h = width / 64;
        }
        if (h <= 0 || width % h != 0) {
            throw new WeightFileException(t.source() + ": width " + width + " is not divisible by " + h
                    + " heads (set 'heads' or give the config.json)");
        }
        return new Dinov2Architecture(width, depth, h, ffn, swiglu, (int) patch[2], grid, registers, eps);
    }

    /** Torch Linear {@code [out, in]} → graph layout {@code [in, out]}. */
    static INDArray linear(CheckpointKeys keys, String name, int out, int in) {
        return keys.load(name, out, in).transpose().dup('c');
    }

    /** Tensor names of one naming scheme. */
    private interface Names {
        String prefix();

        Pattern blockPattern();

        String patchWeight();

        String patchBias();

        String cls();

        String positions();

        String registers();

        String maskToken();

        String finalNorm();

        String mlpIn(int i);

        String swigluIn(int i);

        BlockWeights block(CheckpointKeys keys, int i, Dinov2Architecture a);
    }

    private record HfNames(String prefix) implements Names {
        public Pattern blockPattern() {
            return HF_LAYER;
        }

        public String patchWeight() {
            return prefix + HF_PATCH;
        }

        public String patchBias() {
            return prefix + "embeddings.patch_embeddings.projection.bias";
        }

        public String cls() {
            return prefix + "embeddings.cls_token";
        }

        public String positions() {
            return prefix + "embeddings.position_embeddings";
        }

        public String registers() {
            return prefix + "embeddings.register_tokens";
        }

        public String maskToken() {
            return prefix + "embeddings.mask_token";
        }

        public String finalNorm() {
            return prefix + "layernorm";
        }

        public String mlpIn(int i) {
            return prefix + "encoder.layer." + i + ".mlp.fc1.weight";
        }

        public String swigluIn(int i) {
            return prefix + "encoder.layer." + i + ".mlp.weights_in.weight";
        }

        public BlockWeights block(CheckpointKeys k, int i, Dinov2Architecture a) {
            String b = prefix + "encoder.layer." + i + ".";
            int c = a.width();
            INDArray q = linear(k, b + "attention.attention.query.weight", c, c);
            INDArray kk = linear(k, b + "attention.attention.key.weight", c, c);
            INDArray v = linear(k, b + "attention.attention.value.weight", c, c);
            INDArray qkvBias = Nd4j.concat(0, k.load(b + "attention.attention.query.bias", c),
                    k.load(b + "attention.attention.key.bias", c), k.load(b + "attention.attention.value.bias", c));
            String ffn = a.swiglu() ? "mlp.weights_in" : "mlp.fc1";
            String ffnOut = a.swiglu() ? "mlp.weights_out" : "mlp.fc2";
            int in = a.swiglu() ? 2 * a.ffnHidden() : a.ffnHidden();
            return new BlockWeights(k.load(b + "norm1.weight", c), k.load(b + "norm1.bias", c),
                    Nd4j.concat(1, q, kk, v), qkvBias,
                    linear(k, b + "attention.output.dense.weight", c, c), k.load(b + "attention.output.dense.bias", c),
                    k.load(b + "layer_scale1.lambda1", c), k.load(b + "norm2.weight", c), k.load(b + "norm2.bias", c),
                    linear(k, b + ffn + ".weight", in, c), k.load(b + ffn + ".bias", in),
                    linear(k, b + ffnOut + ".weight", c, a.ffnHidden()), k.load(b + ffnOut + ".bias", c),
                    k.load(b + "layer_scale2.lambda1", c));
        }
    }

    private record HubNames(String prefix) implements Names {
        public Pattern blockPattern() {
            return HUB_BLOCK;
        }

        public String patchWeight() {
            return prefix + HUB_PATCH;
        }

        public String patchBias() {
            return prefix + "patch_embed.proj.bias";
        }

        public String cls() {
            return prefix + "cls_token";
        }

        public String positions() {
            return prefix + "pos_embed";
        }

        public String registers() {
            return prefix + "register_tokens";
        }

        public String maskToken() {
            return prefix + "mask_token";
        }

        public String finalNorm() {
            return prefix + "norm";
        }

        public String mlpIn(int i) {
            return prefix + "blocks." + i + ".mlp.fc1.weight";
        }

        public String swigluIn(int i) {
            return prefix + "blocks." + i + ".mlp.w12.weight";
        }

        public BlockWeights block(CheckpointKeys k, int i, Dinov2Architecture a) {
            String b = prefix + "blocks." + i + ".";
            int c = a.width();
            String ffn = a.swiglu() ? "mlp.w12" : "mlp.fc1";
            String ffnOut = a.swiglu() ? "mlp.w3" : "mlp.fc2";
            int in = a.swiglu() ? 2 * a.ffnHidden() : a.ffnHidden();
            return new BlockWeights(k.load(b + "norm1.weight", c), k.load(b + "norm1.bias", c),
                    linear(k, b + "attn.qkv.weight", 3 * c, c), k.load(b + "attn.qkv.bias", 3 * c),
                    linear(k, b + "attn.proj.weight", c, c), k.load(b + "attn.proj.bias", c),
                    k.load(b + "ls1.gamma", c), k.load(b + "norm2.weight", c), k.load(b + "norm2.bias", c),
                    linear(k, b + ffn + ".weight", in, c), k.load(b + ffn + ".bias", in),
                    linear(k, b + ffnOut + ".weight", c, a.ffnHidden()), k.load(b + ffnOut + ".bias", c),
                    k.load(b + "ls2.gamma", c));
        }
    }
}
