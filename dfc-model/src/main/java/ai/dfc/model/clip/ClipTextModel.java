package ai.dfc.model.clip;

import ai.dfc.api.DfcException;
import ai.dfc.model.weights.CheckpointKeys;
import ai.dfc.model.weights.NamedTensors;
import ai.dfc.model.weights.WeightFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CLIP text transformer as a SameDiff inference graph, loaded from a Hugging Face {@code CLIPModel} or
 * {@code CLIPTextModelWithProjection} safetensors file (e.g. {@code openai/clip-vit-base-patch32}).
 *
 * <p>Computation (float32): {@code x = token_embedding[ids] + position_embedding[0..L)}; per layer
 * {@code x += out_proj(attention(layer_norm1(x)))} with causal multi-head attention (position {@code j} sees
 * positions {@code <= j}, softmax of {@code q·k/sqrt(d_head)}), then {@code x += fc2(act(fc1(layer_norm2(x))))}
 * with {@code act} = quick_gelu {@code x·sigmoid(1.702x)} (CLIP) or exact gelu {@code 0.5x(1+erf(x/√2))};
 * {@code final_layer_norm}; the hidden state at the first end-of-text token of each sequence; {@code text_projection}
 * (no bias) gives {@code text_embeds}, and its L2-normalized rows {@code embeds}.
 *
 * <p>Tensor names: {@code text_model.embeddings.token_embedding.weight [V, W]},
 * {@code text_model.embeddings.position_embedding.weight [C, W]}, per layer {@code i}
 * {@code text_model.encoder.layers.{i}.layer_norm1.{weight,bias}},
 * {@code .self_attn.{q,k,v,out}_proj.{weight [W, W], bias}}, {@code .layer_norm2.*},
 * {@code .mlp.fc1.{weight [I, W], bias}}, {@code .mlp.fc2.{weight [W, I], bias}},
 * {@code text_model.final_layer_norm.*}, {@code text_projection.weight [P, W]}. The vision tower of a full
 * {@code CLIPModel} file ({@code vision_model.*}, {@code visual_projection.weight}, {@code logit_scale}) and the
 * int64 {@code text_model.embeddings.position_ids} buffer of older files are ignored; any other unused
 * {@code text_model.*} tensor is an error (a different architecture). Sizes come from the shapes and
 * {@code config.json} (ViT-B/32: W 512, 12 layers, 8 heads, P 512; ViT-L/14: W 768, 12 layers, 12 heads, P 768);
 * where both give a size they must agree, and every disagreement names the tensor.
 *
 * <p>Under the causal mask a token never sees later ones, so the graph runs on the first
 * {@code max(end-of-text position) + 1} positions of a batch only, rounded up to a multiple of 8
 * (8 for a function phrase instead of 77). The result equals that of the full context up to float rounding
 * (BLAS sums in shape-dependent order; measured ≤ 2e-6), and on a CPU a phrase gets bit for bit the same vector
 * alone as in any batch.
 *
 * <p><b>Threading:</b> {@link #forward} is synchronized (one graph, one caller at a time).
 */
public final class ClipTextModel implements AutoCloseable {
    static final String TOKEN_EMBEDDING = "text_model.embeddings.token_embedding.weight";
    static final String POSITION_EMBEDDING = "text_model.embeddings.position_embedding.weight";
    static final String POSITION_IDS = "text_model.embeddings.position_ids";
    static final String FINAL_LN = "text_model.final_layer_norm.";
    static final String PROJECTION = "text_projection.weight";
    private static final float MASKED = -1e30f;
    /**
     * Run lengths are multiples of this, so that every sequence's rows start at the same offset of BLAS's row
     * blocks whatever the batch: matrix kernels round edge rows differently from full blocks, and without this a
     * phrase embedded alone would differ from its row in a batch in the last bits.
     */
    static final int ROW_BLOCK = 8;

    /**
     * The settings of a {@code config.json} that matter here; {@code null} where the file does not say (the
     * size then comes from the tensor shapes). A Hugging Face {@code CLIPConfig} keeps them under
     * {@code text_config} with {@code projection_dim} at the top; a {@code CLIPTextConfig} has them at the top.
     *
     * @param hiddenAct    {@code quick_gelu} or {@code gelu}
     * @param layerNormEps LayerNorm epsilon (1e-5 in CLIP)
     * @param source       the file, for messages; {@code null} for {@link #inferred()}
     */
    public record Config(Integer vocabSize, Integer hiddenSize, Integer intermediateSize, Integer numHiddenLayers,
            Integer numAttentionHeads, Integer maxPositionEmbeddings, Integer projectionDim, String hiddenAct,
            double layerNormEps, Path source) {

        /** No file: every size from the tensors, width/64 heads, quick_gelu, epsilon 1e-5. */
        public static Config inferred() {
            return new Config(null, null, null, null, null, null, null, "quick_gelu", 1e-5, null);
        }

        /**
         * Reads a Hugging Face {@code config.json}.
         *
         * @throws DfcException naming the file (and key) if it is missing, not JSON, or holds a value of the
         *                      wrong type
         */
        public static Config read(Path file) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(file.toFile());
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                throw new DfcException("config file " + file + " does not exist");
            } catch (IOException e) {
                throw new DfcException("config file " + file + " is not valid JSON: " + e.getMessage().split("\n")[0], e);
            }
            if (root == null || !root.isObject()) {
                throw new DfcException("config file " + file + " is not a JSON object");
            }
            JsonNode text = root.path("text_config").isObject() ? root.get("text_config") : root;
            Integer projection = integer(file, root, "projection_dim");
            if (projection == null && text != root) {
                projection = integer(file, text, "projection_dim");
            }
            JsonNode act = text.get("hidden_act");
            if (act != null && !act.isTextual()) {
                throw new DfcException(file + ": hidden_act must be a string, was " + act);
            }
            JsonNode eps = text.get("layer_norm_eps");
            if (eps != null && !(eps.isNumber() && eps.asDouble() > 0)) {
                throw new DfcException(file + ": layer_norm_eps must be a number > 0, was " + eps);
            }
            return new Config(integer(file, text, "vocab_size"), integer(file, text, "hidden_size"),
                    integer(file, text, "intermediate_size"), integer(file, text, "num_hidden_layers"),
                    integer(file, text, "num_attention_heads"), integer(file, text, "max_position_embeddings"),
                    projection, act == null ? "quick_gelu" : act.asText(), eps == null ? 1e-5 : eps.asDouble(), file);
        }

        private static Integer integer(Path file, JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() <= 0) {
                throw new DfcException(file + ": " + key + " must be a positive integer, was " + v);
            }
            return v.asInt();
        }

        private String where(String key) {
            return (source == null ? "" : source + ": ") + key;
        }
    }

    /**
     * The output of a batch.
     *
     * @param textEmbeds {@code [B, P]} the projection of the pooled state (Hugging Face's {@code text_embeds})
     * @param embeds     {@code [B, P]} the same rows L2-normalized
     */
    public record Output(INDArray textEmbeds, INDArray embeds) {
    }

    private final int vocabSize;
    private final int width;
    private final int layers;
    private final int heads;
    private final int intermediate;
    private final int contextLength;
    private final int projectionDim;
    private final String activation;
    private final double eps;
    private SameDiff sd;

    private ClipTextModel(int vocabSize, int width, int layers, int heads, int intermediate, int contextLength,
            int projectionDim, String activation, double eps) {
        this.vocabSize = vocabSize;
        this.width = width;
        this.layers = layers;
        this.heads = heads;
        this.intermediate = intermediate;
        this.contextLength = contextLength;
        this.projectionDim = projectionDim;
        this.activation = activation;
        this.eps = eps;
    }

    /**
     * Loads the text tower.
     *
     * @param weights a {@code .safetensors} (or {@code .npz}) file, or a directory holding {@code model.safetensors}
     * @param config  from {@link Config#read} or {@link Config#inferred()}
     * @throws ai.dfc.model.weights.WeightFileException naming the file and tensor if the checkpoint is unreadable,
     *                                                  truncated, lacks a tensor, or has a tensor of the wrong shape
     * @throws DfcException                             if the configuration is unusable (naming the key)
     */
    public static ClipTextModel load(Path weights, Config config) {
        try (NamedTensors tensors = WeightFiles.open(weights)) {
            CheckpointKeys probe = new CheckpointKeys(tensors, "a CLIP text model");
            long[] tok = probe.shape(TOKEN_EMBEDDING);
            long[] pos = probe.shape(POSITION_EMBEDDING);
            long[] proj = probe.shape(PROJECTION);
            int width = size(config.hiddenSize(), tok, 1);
            int vocab = size(config.vocabSize(), tok, 0);
            int context = size(config.maxPositionEmbeddings(), pos, 0);
            int projection = size(config.projectionDim(), proj, 0);
            int layers = config.numHiddenLayers() != null ? config.numHiddenLayers() : countLayers(probe);
            int intermediate = size(config.intermediateSize(), probe.shape(layer(0) + "mlp.fc1.weight"), 0);
            int heads = config.numAttentionHeads() != null ? config.numAttentionHeads() : Math.max(1, width / 64);
            if (width % heads != 0) {
                throw new DfcException(config.where("num_attention_heads") + " = " + heads + " does not divide the width "
                        + width + (config.numAttentionHeads() == null ? " (no config: width/64 heads assumed; give config.json)" : ""));
            }
            String act = config.hiddenAct().toLowerCase(Locale.ROOT);
            if (!act.equals("quick_gelu") && !act.equals("gelu")) {
                throw new DfcException(config.where("hidden_act") + " '" + config.hiddenAct()
                        + "' is not supported (quick_gelu as CLIP, or gelu)");
            }
            ClipTextModel model = new ClipTextModel(vocab, width, layers, heads, intermediate, context, projection, act,
                    config.layerNormEps());
            CheckpointKeys keys = new CheckpointKeys(tensors, model.describe());
            for (String name : tensors.names()) {
                if (name.startsWith("vision_model.") || name.startsWith("visual_projection.") || name.equals("logit_scale")
                        || name.equals(POSITION_IDS)) {
                    keys.ignore(name); // the vision tower of a full CLIPModel, and an int64 buffer of older files
                }
            }
            model.build(keys);
            keys.requireAllUsed("text_model.");
            keys.requireAllUsed("text_projection");
            return model;
        }
    }

    private static int size(Integer configured, long[] shape, int axis) {
        if (configured != null) {
            return configured;
        }
        return shape.length > axis ? (int) shape[axis] : 1; // a wrong rank is reported by the shape-checked load
    }

    private static int countLayers(CheckpointKeys keys) {
        int n = 0;
        while (keys.has(layer(n) + "layer_norm1.weight")) {
            n++;
        }
        keys.shape(layer(0) + "layer_norm1.weight"); // none at all: report layer 0 as missing
        return n;
    }

    private static String layer(int i) {
        return "text_model.encoder.layers." + i + ".";
    }

    private String describe() {
        return String.format(Locale.ROOT, "the CLIP text model (vocab %d, width %d, %d layers, %d heads, MLP %d, "
                + "context %d, projection %d)", vocabSize, width, layers, heads, intermediate, contextLength, projectionDim);
    }

    private void build(CheckpointKeys keys) {
        sd = SameDiff.create();
        SDVariable ids = sd.placeHolder("ids", DataType.INT32, -1);
        SDVariable positions = sd.placeHolder("positions", DataType.INT32, -1);
        SDVariable mask = sd.placeHolder("mask", DataType.FLOAT, -1, -1);
        SDVariable headShape = sd.placeHolder("head_shape", DataType.INT64, 4);
        SDVariable pool = sd.placeHolder("pool", DataType.INT32, -1);

        SDVariable tokens = sd.constant("token_embedding", keys.load(TOKEN_EMBEDDING, vocabSize, width));
        SDVariable posTable = sd.constant("position_embedding", keys.load(POSITION_EMBEDDING, contextLength, width));
        SDVariable x = sd.gather(tokens, ids, 0).add(sd.gather(posTable, positions, 0)); // [B*L, W]
        double scale = 1 / Math.sqrt(width / heads);
        for (int i = 0; i < layers; i++) {
            String p = layer(i);
            SDVariable h = layerNorm(x, keys, p + "layer_norm1.");
            SDVariable q = linear(h, keys, p + "self_attn.q_proj.", width, width).mul(scale);
            SDVariable k = linear(h, keys, p + "self_attn.k_proj.", width, width);
            SDVariable v = linear(h, keys, p + "self_attn.v_proj.", width, width);
            SDVariable scores = sd.mmul(heads(q, headShape), heads(k, headShape), false, true, false).add(mask);
            SDVariable attention = sd.nn().softmax(scores, 3);
            SDVariable context = sd.permute(sd.mmul(attention, heads(v, headShape)), 0, 2, 1, 3).reshape(-1, width);
            x = x.add(linear(context, keys, p + "self_attn.out_proj.", width, width));
            SDVariable f = linear(layerNorm(x, keys, p + "layer_norm2."), keys, p + "mlp.fc1.", intermediate, width);
            x = x.add(linear(activate(f), keys, p + "mlp.fc2.", width, intermediate));
        }
        // project every position, then pool: the same rows as pooling first, but the product never has a single
        // row, for which BLAS takes its matrix-vector path and rounds differently (a phrase alone would then not
        // give exactly its row of a batch)
        SDVariable projection = sd.constant("text_projection", keys.load(PROJECTION, projectionDim, width));
        SDVariable projected = sd.mmul(layerNorm(x, keys, FINAL_LN), projection, false, true, false); // [B*L, P]
        SDVariable textEmbeds = sd.gather(projected, pool, 0);
        sd.identity("text_embeds", textEmbeds);
        textEmbeds.div("embeds", textEmbeds.norm2(true, 1));
    }

    /** {@code [B*L, W]} → {@code [B, H, L, W/H]}. */
    private SDVariable heads(SDVariable x, SDVariable headShape) {
        return sd.permute(sd.reshape(x, headShape), 0, 2, 1, 3);
    }

    private SDVariable linear(SDVariable x, CheckpointKeys keys, String prefix, int out, int in) {
        SDVariable w = sd.constant(prefix + "weight", keys.load(prefix + "weight", out, in));
        SDVariable b = sd.constant(prefix + "bias", keys.load(prefix + "bias", out));
        return sd.mmul(x, w, false, true, false).add(b);
    }

    private SDVariable layerNorm(SDVariable x, CheckpointKeys keys, String prefix) {
        SDVariable gain = sd.constant(prefix + "weight", keys.load(prefix + "weight", width));
        SDVariable bias = sd.constant(prefix + "bias", keys.load(prefix + "bias", width));
        SDVariable centred = x.sub(x.mean(true, 1));
        SDVariable variance = centred.mul(centred).mean(true, 1);
        return centred.mul(sd.math().rsqrt(variance.add(eps))).mul(gain).add(bias);
    }

    private SDVariable activate(SDVariable x) {
        if (activation.equals("quick_gelu")) {
            return x.mul(sd.nn().sigmoid(x.mul(1.702)));
        }
        return x.mul(0.5).mul(sd.math().erf(x.mul(1 / Math.sqrt(2))).add(1.0));
    }

    /**
     * Embeds a batch of token sequences.
     *
     * @param ids   {@code B} sequences of equal length {@code <=} {@link #contextLength()}, each with
     *              {@code eotId} somewhere (the first occurrence is pooled); ids in {@code [0, vocabSize)}
     * @param eotId the end-of-text id of the tokenizer
     * @throws IllegalArgumentException if the batch is empty, ragged, too long, lacks an end-of-text token or has
     *                                  an id outside the vocabulary
     */
    public Output forward(int[][] ids, int eotId) {
        int[] eot = endPositions(ids, eotId);
        return run(ids, eot, runLength(Arrays.stream(eot).max().orElseThrow() + 1));
    }

    /** {@code needed} rounded up to a multiple of {@link #ROW_BLOCK}. */
    static int runLength(int needed) {
        return (needed + ROW_BLOCK - 1) / ROW_BLOCK * ROW_BLOCK;
    }

    /** The first end-of-text position of each sequence, after checking the batch. */
    int[] endPositions(int[][] ids, int eotId) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        int[] eot = new int[ids.length];
        for (int b = 0; b < ids.length; b++) {
            if (ids[b].length != ids[0].length || ids[b].length > contextLength) {
                throw new IllegalArgumentException("sequence " + b + " has " + ids[b].length + " ids; all must have the "
                        + "same length <= " + contextLength);
            }
            eot[b] = -1;
            for (int t = 0; t < ids[b].length && eot[b] < 0; t++) {
                if (ids[b][t] == eotId) {
                    eot[b] = t;
                }
            }
            if (eot[b] < 0) {
                throw new IllegalArgumentException("sequence " + b + " has no end-of-text token (id " + eotId + ")");
            }
        }
        return eot;
    }

    /**
     * The graph on {@code length} positions, at least every end-of-text position + 1; positions past a sequence's
     * ids (or past the context) are filler (id 0) that the causal mask hides from every real position.
     */
    synchronized Output run(int[][] ids, int[] eot, int length) {
        if (sd == null) {
            throw new IllegalStateException("the CLIP text model is closed");
        }
        int batch = ids.length;
        int[] flat = new int[batch * length];
        int[] positions = new int[batch * length];
        int[] pool = new int[batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                int id = t < ids[b].length ? ids[b][t] : 0;
                if (id < 0 || id >= vocabSize) {
                    throw new IllegalArgumentException("sequence " + b + " position " + t + ": id " + id
                            + " outside the vocabulary [0, " + vocabSize + ")");
                }
                flat[b * length + t] = id;
                positions[b * length + t] = Math.min(t, contextLength - 1);
            }
            pool[b] = b * length + eot[b];
        }
        float[][] mask = new float[length][length];
        for (int i = 0; i < length; i++) {
            Arrays.fill(mask[i], i + 1, length, MASKED);
        }
        Map<String, INDArray> out = sd.output(Map.of(
                "ids", Nd4j.createFromArray(flat),
                "positions", Nd4j.createFromArray(positions),
                "mask", Nd4j.createFromArray(mask),
                "head_shape", Nd4j.createFromArray((long) batch, length, heads, width / heads),
                "pool", Nd4j.createFromArray(pool)), "text_embeds", "embeds");
        return new Output(out.get("text_embeds").detach(), out.get("embeds").detach());
    }

    /** Size of the vocabulary (rows of the token embedding). */
    public int vocabSize() {
        return vocabSize;
    }

    /** The transformer width {@code W}. */
    public int width() {
        return width;
    }

    /** Number of transformer layers. */
    public int layers() {
        return layers;
    }

    /** Number of attention heads. */
    public int heads() {
        return heads;
    }

    /** The number of positions {@code C} (77). */
    public int contextLength() {
        return contextLength;
    }

    /** The embedding dimension {@code P}. */
    public int projectionDim() {
        return projectionDim;
    }

    /** {@code quick_gelu} or {@code gelu}. */
    public String activation() {
        return activation;
    }

    @Override
    public synchronized void close() {
        sd = null;
    }

    @Override
    public String toString() {
        return describe();
    }
}
