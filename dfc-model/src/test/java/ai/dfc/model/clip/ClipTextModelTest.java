package ai.dfc.model.clip;

import ai.dfc.model.weights.SafetensorsEdit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.DfcException;
import ai.dfc.model.weights.SafetensorsFile;
import ai.dfc.model.weights.WeightFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The text transformer against PyTorch (tools/parity/clip_text_reference.py) on the fixture's own input ids. */
class ClipTextModelTest {
    private static final double TOLERANCE = 1e-4;
    private static final String FC2_BIAS = "text_model.encoder.layers.1.mlp.fc2.bias";
    private static final String V_PROJ = "text_model.encoder.layers.0.self_attn.v_proj.weight";

    @TempDir
    Path dir;

    private static ClipTextModel model;
    private static int eot;
    private static int[][] ids;

    @BeforeAll
    static void load() {
        model = ClipFixture.model();
        eot = ClipFixture.tokenizer().endId();
        ids = ClipFixture.inputIds();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void matchesPyTorchOnTheFixtureIds() {
        ClipTextModel.Output out = model.forward(ids, eot);
        INDArray expectedRaw = ClipFixture.expected("text_embeds");
        INDArray expected = ClipFixture.expected("embeds");
        assertThat(out.embeds().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(out.textEmbeds().shape()).containsExactly(ids.length, 24);
        assertThat(out.embeds().shape()).containsExactly(ids.length, 24);
        double raw = ClipFixture.maxAbsDiff(out.textEmbeds(), expectedRaw);
        double normalized = ClipFixture.maxAbsDiff(out.embeds(), expected);
        System.out.printf("clip-text parity (quick_gelu): max |text_embeds - torch| = %.3g, max |embeds - torch| = %.3g%n",
                raw, normalized);
        assertThat(raw).isLessThanOrEqualTo(TOLERANCE);
        assertThat(normalized).isLessThanOrEqualTo(TOLERANCE);
        // the reference is not degenerate: unnormalized rows are far from unit length, and rows differ
        assertThat(expectedRaw.norm2(1).minNumber().doubleValue()).isGreaterThan(1.5);
        assertThat(ClipFixture.maxAbsDiff(expected.getRow(0), expected.getRow(1))).isGreaterThan(0.05);
    }

    @Test
    void matchesPyTorchWithExactGelu() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, Files.readString(ClipFixture.dir().resolve("config.json"))
                .replace("\"quick_gelu\"", "\"gelu\""));
        try (ClipTextModel gelu = ClipTextModel.load(ClipFixture.dir().resolve("model.safetensors"),
                ClipTextModel.Config.read(config))) {
            assertThat(gelu.activation()).isEqualTo("gelu");
            INDArray embeds = gelu.forward(ids, eot).embeds();
            double err = ClipFixture.maxAbsDiff(embeds, ClipFixture.expected("embeds_gelu"));
            System.out.printf("clip-text parity (gelu): max |embeds - torch| = %.3g%n", err);
            assertThat(err).isLessThanOrEqualTo(TOLERANCE);
            // and the activation matters at this tolerance
            assertThat(ClipFixture.maxAbsDiff(embeds, ClipFixture.expected("embeds"))).isGreaterThan(10 * TOLERANCE);
        }
    }

    @Test
    void readsTheVariantFromShapesAndConfig() {
        assertThat(model.vocabSize()).isEqualTo(732);
        assertThat(model.width()).isEqualTo(32);
        assertThat(model.layers()).isEqualTo(2);
        assertThat(model.heads()).isEqualTo(4);
        assertThat(model.contextLength()).isEqualTo(77);
        assertThat(model.projectionDim()).isEqualTo(24);
        assertThat(model.activation()).isEqualTo("quick_gelu");
        // without config.json the heads are width/64 (1 here): a different model, so the config is really used
        try (ClipTextModel inferred = ClipTextModel.load(ClipFixture.dir(), ClipTextModel.Config.inferred())) {
            assertThat(inferred.heads()).isEqualTo(1);
            assertThat(inferred.layers()).isEqualTo(2);
            assertThat(ClipFixture.maxAbsDiff(inferred.forward(ids, eot).embeds(), ClipFixture.expected("embeds")))
                    .isGreaterThan(10 * TOLERANCE);
        }
    }

    /**
     * The graph runs only up to the longest end-of-text position (rounded up to 8): the same rows as on the full
     * context up to float rounding, and bit for bit the same as on any longer 8-aligned length.
     */
    @Test
    void runningToTheLongestEndTokenEqualsTheFullContext() {
        assertThat(ClipTextModel.runLength(4)).isEqualTo(8);
        assertThat(ClipTextModel.runLength(8)).isEqualTo(8);
        assertThat(ClipTextModel.runLength(9)).isEqualTo(16);
        assertThat(ClipTextModel.runLength(77)).isEqualTo(80);
        assertThat(Arrays.stream(model.endPositions(ids, eot)).max().orElseThrow()).isEqualTo(76); // the cut phrase
        int[][] shortOnes = Arrays.stream(ids).filter(r -> model.endPositions(new int[][] {r}, eot)[0] < 8)
                .toArray(int[][]::new);
        assertThat(shortOnes.length).isGreaterThan(25);
        int[] ends = model.endPositions(shortOnes, eot);
        ClipTextModel.Output trimmed = model.forward(shortOnes, eot); // 8 positions
        ClipTextModel.Output full = model.run(shortOnes, ends, 77);
        assertThat(ClipFixture.maxAbsDiff(trimmed.textEmbeds(), full.textEmbeds())).isLessThanOrEqualTo(2e-6);
        assertThat(ClipFixture.maxAbsDiff(trimmed.embeds(), full.embeds())).isLessThanOrEqualTo(1e-6);
        ClipTextModel.Output longer = model.run(shortOnes, ends, 80);
        assertThat(ClipFixture.maxAbsDiff(trimmed.textEmbeds(), longer.textEmbeds())).isZero();
        assertThat(ClipFixture.maxAbsDiff(trimmed.embeds(), longer.embeds())).isZero();
    }

    /** Bit for bit: a phrase's vector does not depend on the batch it is computed in (on a CPU). */
    @Test
    void aSequenceAloneEqualsItInABatch() {
        ClipTextModel.Output batch = model.forward(ids, eot);
        for (int i = 0; i < ids.length; i++) {
            ClipTextModel.Output alone = model.forward(new int[][] {ids[i]}, eot);
            assertThat(ClipFixture.maxAbsDiff(alone.embeds(), batch.embeds().getRow(i, true))).as("sequence %d", i).isZero();
            assertThat(ClipFixture.maxAbsDiff(alone.textEmbeds(), batch.textEmbeds().getRow(i, true))).isZero();
        }
        // nor on its place in the batch
        INDArray forward = model.forward(new int[][] {ids[3], ids[40]}, eot).embeds();
        INDArray reversed = model.forward(new int[][] {ids[40], ids[3]}, eot).embeds();
        assertThat(ClipFixture.maxAbsDiff(forward.getRow(0, true), reversed.getRow(1, true))).isZero();
    }

    @Test
    void poolsTheFirstEndOfTextToken() {
        int[] row = ids[0].clone(); // "brush with": sot brush with eot 0 ...
        int[] twice = row.clone();
        twice[5] = eot; // a second end token later changes nothing
        INDArray a = model.forward(new int[][] {row}, eot).embeds();
        assertThat(ClipFixture.maxAbsDiff(a, model.forward(new int[][] {twice}, eot).embeds())).isLessThanOrEqualTo(1e-6);
        int[] early = row.clone();
        early[2] = eot; // an end token before "with" pools there
        assertThat(ClipFixture.maxAbsDiff(a, model.forward(new int[][] {early}, eot).embeds())).isGreaterThan(1e-3);
    }

    @Test
    void rejectsBadBatches() {
        assertThatThrownBy(() -> model.forward(new int[0][], eot)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.forward(new int[][] {{eot - 1, 5, 6}}, eot)).hasMessageContaining("no end-of-text");
        assertThatThrownBy(() -> model.forward(new int[][] {{eot - 1, 9999, eot}}, eot)).hasMessageContaining("9999")
                .hasMessageContaining("outside the vocabulary");
        assertThatThrownBy(() -> model.forward(new int[][] {{1, eot}, {eot}}, eot)).hasMessageContaining("same length");
        assertThatThrownBy(() -> model.forward(new int[][] {new int[78]}, eot)).hasMessageContaining("<= 77");
    }

    @Test
    void ignoresTheVisionTowerAndThePositionIdsBuffer() {
        try (SafetensorsFile f = SafetensorsFile.open(ClipFixture.dir().resolve("model.safetensors"))) {
            assertThat(f.names()).contains("text_model.embeddings.position_ids", "logit_scale", "visual_projection.weight",
                    "vision_model.embeddings.class_embedding");
            assertThat(f.entry("text_model.embeddings.position_ids").orElseThrow().dtype().floating()).isFalse();
        }
        // loading the fixture (done in @BeforeAll) succeeded despite them; an unknown text tensor is not ignored:
        assertThatThrownBy(() -> loadEdited(t -> t.put("text_model.encoder.layers.2.layer_norm1.weight",
                t.get("text_model.final_layer_norm.weight"))))
                .isInstanceOf(WeightFileException.class).hasMessageContaining("does not use")
                .hasMessageContaining("text_model.encoder.layers.2.layer_norm1.weight");
    }

    @Test
    void aMissingTensorIsNamed() {
        assertThatThrownBy(() -> loadEdited(t -> t.remove(FC2_BIAS))).isInstanceOf(WeightFileException.class)
                .hasMessageContaining("no tensor '" + FC2_BIAS + "'");
        // a CLIPTextModel file (no projection) is not enough
        assertThatThrownBy(() -> loadEdited(t -> t.remove("text_projection.weight")))
                .hasMessageContaining("no tensor 'text_projection.weight'");
    }

    @Test
    void aWrongShapeIsNamed() {
        assertThatThrownBy(() -> loadEdited(t -> t.put(V_PROJ, t.get(V_PROJ).reshapedF32(32, 31))))
                .isInstanceOf(WeightFileException.class).hasMessageContaining("'" + V_PROJ + "'")
                .hasMessageContaining("[32, 31]").hasMessageContaining("[32, 32]");
        assertThatThrownBy(() -> loadEdited(t -> t.put(FC2_BIAS, t.get(FC2_BIAS).reshapedF32(31))))
                .hasMessageContaining("'" + FC2_BIAS + "'").hasMessageContaining("[31]");
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        Path cut = dir.resolve("cut.safetensors");
        byte[] bytes = Files.readAllBytes(ClipFixture.dir().resolve("model.safetensors"));
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 1000));
        assertThatThrownBy(() -> ClipTextModel.load(cut, ClipTextModel.Config.inferred()))
                .isInstanceOf(WeightFileException.class).hasMessageContaining("truncated").hasMessageContaining(cut.toString());
    }

    @Test
    void aConfigThatContradictsTheTensorsIsRejected() throws IOException {
        String json = Files.readString(ClipFixture.dir().resolve("config.json"));
        assertThatThrownBy(() -> withConfig(json.replace("\"hidden_size\": 32", "\"hidden_size\": 64")))
                .isInstanceOf(WeightFileException.class)
                .hasMessageContaining("'text_model.embeddings.token_embedding.weight'").hasMessageContaining("[732, 64]");
        assertThatThrownBy(() -> withConfig(json.replace("\"num_hidden_layers\": 2", "\"num_hidden_layers\": 3")))
                .hasMessageContaining("text_model.encoder.layers.2.");
        assertThatThrownBy(() -> withConfig(json.replace("\"num_attention_heads\": 4", "\"num_attention_heads\": 5")))
                .isInstanceOf(DfcException.class).hasMessageContaining("num_attention_heads");
        assertThatThrownBy(() -> withConfig(json.replace("\"quick_gelu\"", "\"relu\"")))
                .hasMessageContaining("hidden_act").hasMessageContaining("relu");
        assertThatThrownBy(() -> withConfig(json.replace("\"layer_norm_eps\": 1e-05", "\"layer_norm_eps\": \"small\"")))
                .hasMessageContaining("layer_norm_eps");
        assertThatThrownBy(() -> withConfig("[1, 2]")).hasMessageContaining("not a JSON object");
    }

    @Test
    void readsTheTextConfigOfAFullClipConfig() throws IOException {
        Path file = dir.resolve("clip-config.json");
        Files.writeString(file, "{\"projection_dim\": 24, \"text_config\": {\"hidden_size\": 32, \"num_attention_heads\": 4,"
                + " \"hidden_act\": \"quick_gelu\", \"eos_token_id\": 2, \"projection_dim\": 512},"
                + " \"vision_config\": {\"hidden_size\": 768}}");
        ClipTextModel.Config c = ClipTextModel.Config.read(file);
        assertThat(c.projectionDim()).isEqualTo(24);
        assertThat(c.hiddenSize()).isEqualTo(32);
        assertThat(c.numAttentionHeads()).isEqualTo(4);
        assertThat(c.layerNormEps()).isEqualTo(1e-5);
        try (ClipTextModel m = ClipTextModel.load(ClipFixture.dir(), c)) {
            assertThat(ClipFixture.maxAbsDiff(m.forward(ids, eot).embeds(), ClipFixture.expected("embeds")))
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    private void withConfig(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        ClipTextModel.load(ClipFixture.dir().resolve("model.safetensors"), ClipTextModel.Config.read(file)).close();
    }

    private void loadEdited(Consumer<Map<String, SafetensorsEdit.Tensor>> edit) throws IOException {
        Map<String, SafetensorsEdit.Tensor> tensors = SafetensorsEdit.read(ClipFixture.dir().resolve("model.safetensors"));
        edit.accept(tensors);
        Path file = SafetensorsEdit.write(dir.resolve("edited/model.safetensors"), tensors);
        ClipTextModel.load(file, ClipTextModel.Config.read(ClipFixture.dir().resolve("config.json"))).close();
    }
}
