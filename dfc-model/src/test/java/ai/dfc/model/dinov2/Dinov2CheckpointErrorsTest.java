package ai.dfc.model.dinov2;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.plugin.SettingException;
import ai.dfc.model.weights.SafetensorsEdit;
import ai.dfc.model.weights.WeightFileException;
import ai.dfc.runtime.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong, truncated and mismatched checkpoints fail naming the tensor (or the setting). */
class Dinov2CheckpointErrorsTest {
    @TempDir
    Path temp;

    private void create(Path weights, int heads) {
        new Dinov2Encoder.Factory().create(new Dinov2Encoder.Config(weights.toString(), "", heads, 3, "eager"),
                new RunContext(temp.resolve("run"), temp.resolve("cache"), 1, Map.of())).close();
    }

    private Path hub() {
        return ParityFixtures.dir("dinov2-hub").resolve("model.safetensors");
    }

    @Test
    void missingTensorIsNamed() throws IOException {
        Path p = SafetensorsEdit.rewrite(hub(), temp.resolve("m.safetensors"), t -> {
            t.remove("blocks.2.attn.proj.weight");
        });
        assertThatThrownBy(() -> create(p, 3)).isInstanceOf(WeightFileException.class)
                .hasMessageContaining("no tensor 'blocks.2.attn.proj.weight'").hasMessageContaining(p.toString());
    }

    @Test
    void wrongShapeIsNamedWithBothShapes() throws IOException {
        Path p = SafetensorsEdit.rewrite(hub(), temp.resolve("s.safetensors"), t -> {
            t.put("blocks.1.mlp.fc2.weight", t.get("blocks.1.mlp.fc2.weight").reshapedF32(48, 96));
        });
        assertThatThrownBy(() -> create(p, 3)).isInstanceOf(WeightFileException.class)
                .hasMessageContaining("'blocks.1.mlp.fc2.weight' has shape [48, 96]").hasMessageContaining("[48, 192]");
    }

    @Test
    void missingBlockIsNamed() throws IOException {
        Path p = SafetensorsEdit.rewrite(hub(), temp.resolve("b.safetensors"), t -> {
            t.keySet().removeIf(k -> k.startsWith("blocks.1."));
        });
        assertThatThrownBy(() -> create(p, 3)).hasMessageContaining("no tensors for block 1");
    }

    @Test
    void truncatedFileFails() throws IOException {
        byte[] bytes = Files.readAllBytes(hub());
        Path p = temp.resolve("t.safetensors");
        Files.write(p, Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> create(p, 3)).isInstanceOf(WeightFileException.class).hasMessageContaining("truncated")
                .hasMessageContaining("norm.bias");
    }

    @Test
    void anotherModelsFileIsRecognisedAsSuch() throws IOException {
        Path p = temp.resolve("clip.safetensors");
        SafetensorsEdit.write(p, Map.of("text_model.embeddings.token_embedding.weight",
                SafetensorsEdit.Tensor.f32(org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 2))));
        assertThatThrownBy(() -> create(p, 0)).hasMessageContaining("not a DINOv2 checkpoint");
    }

    @Test
    void unexpectedExtraTensorsAreRejected() throws IOException {
        Path p = SafetensorsEdit.rewrite(hub(), temp.resolve("x.safetensors"), t -> {
            t.put("blocks.0.attn.q_norm.weight", SafetensorsEdit.Tensor.f32(
                    org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 48)));
        });
        assertThatThrownBy(() -> create(p, 3)).hasMessageContaining("does not use").hasMessageContaining("blocks.0.attn.q_norm.weight");
    }

    @Test
    void headsThatDoNotDivideTheWidthAreRejected() {
        assertThatThrownBy(() -> create(hub(), 5)).hasMessageContaining("not divisible by 5 heads");
    }

    @Test
    void settingsErrorsNameTheKey() {
        assertThatThrownBy(() -> create(Path.of(""), 0)).isInstanceOf(SettingException.class)
                .hasMessageContaining("weights");
        assertThatThrownBy(() -> create(temp.resolve("absent.safetensors"), 0)).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new Dinov2Encoder.Factory().create(new Dinov2Encoder.Config(hub().toString(), "", 3, 9, "eager"),
                new RunContext(temp.resolve("run"), temp.resolve("cache"), 1, Map.of()))).isInstanceOf(SettingException.class)
                .hasMessageContaining("last_blocks");
    }
}
