package ai.dfc.model.clip;

import ai.dfc.model.weights.SafetensorsEdit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.DfcException;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.plugin.SettingException;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.text.TextEncoder;
import ai.dfc.testing.TextEncoderContractTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The plugin on the tiny PyTorch fixture checkpoint (tools/parity/clip_text_reference.py). */
class ClipTextEncoderTest extends TextEncoderContractTest<ClipTextEncoder.Config> {
    private static final String[] FILES = {"model.safetensors", "vocab.json", "merges.txt", "config.json"};

    @Override
    protected PluginFactory<ClipTextEncoder.Config, TextEncoder> factory() {
        return new ClipTextEncoder.Factory();
    }

    @Override
    protected ClipTextEncoder.Config nonDefaultSettings() {
        return new ClipTextEncoder.Config("clip/model.safetensors", "tok/vocab.json", "tok/merges.txt", "clip/config.json", 32);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("context_length", 1, "weights", List.of("a", "b"));
    }

    @Override
    protected ClipTextEncoder.Config workingSettings() {
        return ClipTextEncoder.Config.in(ClipFixture.dir());
    }

    @Test
    void encodesPhrasesLikePyTorch() {
        try (ClipTextEncoder encoder = ClipTextEncoder.open(workingSettings())) {
            assertThat(encoder.dimension()).isEqualTo(24);
            List<String> phrases = ClipFixture.phrases();
            ClipTextModel.Output out = encoder.forward(phrases);
            assertThat(ClipFixture.maxAbsDiff(out.textEmbeds(), ClipFixture.expected("text_embeds"))).isLessThanOrEqualTo(1e-4);
            INDArray embeds = encoder.encode(phrases);
            assertThat(ClipFixture.maxAbsDiff(embeds, ClipFixture.expected("embeds"))).isLessThanOrEqualTo(1e-4);
            // a phrase alone is bit for bit its row of the batch
            for (int i = 0; i < phrases.size(); i++) {
                assertThat(ClipFixture.maxAbsDiff(encoder.encode(List.of(phrases.get(i))), embeds.getRow(i, true)))
                        .as("phrase %d", i).isZero();
            }
        }
    }

    @Test
    void embedsAFunctionByItsClipPhrase() {
        try (ClipTextEncoder encoder = ClipTextEncoder.open(workingSettings())) {
            int applyTorque = ClipFixture.phrases().indexOf("apply torque with");
            INDArray expected = ClipFixture.expected("embeds").getRow(applyTorque, true);
            assertThat(ClipFixture.maxAbsDiff(encoder.encode(FunctionName.of("apply torque-with")), expected))
                    .isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void rejectsPhrasesThatAreBlankAfterCleaning() {
        try (ClipTextEncoder encoder = ClipTextEncoder.open(workingSettings())) {
            assertThatThrownBy(() -> encoder.encode(List.of("cut with", "\u00a0\u001c"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("phrase 1");
            assertThatThrownBy(() -> encoder.encode(java.util.Arrays.asList("cut with", null)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aMissingWeightsSettingNamesTheKeyAndWhereToGetTheFiles() {
        assertThatThrownBy(() -> factory().create(factory().defaultSettings(), context()))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("weights"))
                .hasMessageContaining("required").hasMessageContaining("huggingface.co/openai/clip-vit-base-patch32");
        Path nowhere = tempDir.resolve("nowhere/model.safetensors");
        assertThatThrownBy(() -> factory().create(new ClipTextEncoder.Config(nowhere.toString(), "", "", "", 77), context()))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("weights"))
                .hasMessageContaining(nowhere.toString()).hasMessageContaining("huggingface.co/openai/clip-vit-base-patch32");
    }

    @Test
    void aMissingVocabFileNamesTheKey() throws IOException {
        Path folder = copyFixture("no-vocab", "vocab.json");
        assertThatThrownBy(() -> ClipTextEncoder.open(ClipTextEncoder.Config.in(folder)))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("vocab"))
                .hasMessageContaining(folder.resolve("vocab.json").toString()).hasMessageContaining("beside the weights");
        Path elsewhere = tempDir.resolve("elsewhere/vocab.json");
        assertThatThrownBy(() -> ClipTextEncoder.open(new ClipTextEncoder.Config(folder.resolve("model.safetensors").toString(),
                elsewhere.toString(), "", "", 77)))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("vocab"))
                .hasMessageContaining(elsewhere.toString());
        Path noMerges = copyFixture("no-merges", "merges.txt");
        assertThatThrownBy(() -> ClipTextEncoder.open(ClipTextEncoder.Config.in(noMerges)))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("merges"));
        assertThatThrownBy(() -> ClipTextEncoder.open(new ClipTextEncoder.Config(ClipFixture.dir().toString(), "", "",
                tempDir.resolve("none.json").toString(), 77)))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("config"));
    }

    @Test
    void filesCanBeNamedOneByOne() throws IOException {
        Path weights = copyFixture("weights-only", "vocab.json", "merges.txt", "config.json").resolve("model.safetensors");
        Path d = ClipFixture.dir();
        ClipTextEncoder.Config c = new ClipTextEncoder.Config(weights.toString(), d.resolve("vocab.json").toString(),
                d.resolve("merges.txt").toString(), d.resolve("config.json").toString(), 77);
        try (ClipTextEncoder encoder = ClipTextEncoder.open(c)) {
            assertThat(ClipFixture.maxAbsDiff(encoder.encode(ClipFixture.phrases()), ClipFixture.expected("embeds")))
                    .isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void aBrokenCheckpointFailsNamingTheTensor() throws IOException {
        Path folder = copyFixture("broken");
        String name = "text_model.encoder.layers.1.self_attn.out_proj.weight";
        Map<String, SafetensorsEdit.Tensor> tensors = SafetensorsEdit.read(folder.resolve("model.safetensors"));
        tensors.put(name, tensors.get(name).reshapedF32(32, 16));
        SafetensorsEdit.write(folder.resolve("model.safetensors"), tensors);
        assertThatThrownBy(() -> ClipTextEncoder.open(ClipTextEncoder.Config.in(folder))).isInstanceOf(DfcException.class)
                .hasMessageContaining("'" + name + "'").hasMessageContaining("[32, 16]");
    }

    @Test
    void aVocabularyOfAnotherModelIsRejected() throws IOException {
        Path folder = copyFixture("other-vocab");
        String vocab = Files.readString(folder.resolve("vocab.json"));
        Files.writeString(folder.resolve("vocab.json"), vocab.replace("\"<|endoftext|>\": 731", "\"<|endoftext|>\": 49407"));
        assertThatThrownBy(() -> ClipTextEncoder.open(ClipTextEncoder.Config.in(folder))).isInstanceOf(DfcException.class)
                .hasMessageContaining("49407").hasMessageContaining("732 rows");
    }

    @Test
    void theContextLengthCannotExceedTheModelsPositions() {
        ClipTextEncoder.Config c = new ClipTextEncoder.Config(ClipFixture.dir().toString(), "", "", "", 78);
        assertThatThrownBy(() -> ClipTextEncoder.open(c))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("context_length"));
        // a shorter context cuts phrases sooner, keeping the end token
        try (ClipTextEncoder encoder = ClipTextEncoder.open(new ClipTextEncoder.Config(ClipFixture.dir().toString(), "", "", "", 3))) {
            int[] ids = encoder.tokenize(List.of("apply torque with"))[0];
            assertThat(ids).containsExactly(encoder.tokenizer().startId(), encoder.tokenizer().encode("apply")[0],
                    encoder.tokenizer().endId());
            assertThat(encoder.encode(List.of("apply torque with")).shape()).containsExactly(1, 24);
        }
    }

    private Path copyFixture(String name, String... leaveOut) throws IOException {
        Path folder = Files.createDirectories(tempDir.resolve(name));
        for (String f : FILES) {
            if (!List.of(leaveOut).contains(f)) {
                Files.copy(ClipFixture.dir().resolve(f), folder.resolve(f));
            }
        }
        return folder;
    }
}
