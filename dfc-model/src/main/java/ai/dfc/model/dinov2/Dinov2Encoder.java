package ai.dfc.model.dinov2;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.encoder.EncoderInput;
import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.SettingException;
import ai.dfc.api.plugin.Settings;
import ai.dfc.model.weights.NamedTensors;
import ai.dfc.model.weights.WeightFiles;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code dinov2} encoder: a frozen DINOv2 ViT (S/14, B/14, L/14, G/14, with or without registers) from a
 * checkpoint the user brings, returning the patch tokens of the last {@code last_blocks} blocks without the final
 * norm — the reference's {@code get_intermediate_layers(n=3, norm=False)} (SPEC §5.1). Input pixels in [0, 1]; the
 * ImageNet normalization is applied inside. Any input size ≥ 14 px works; the positional embedding is resized with
 * DINOv2's own bicubic +0.1 rule ({@link PositionEmbedding}).
 *
 * <p>Weights: Hugging Face {@code facebook/dinov2-*} ({@code model.safetensors}, with its {@code config.json}
 * beside it) or a torch-hub state dict saved with {@code safetensors.torch.save_file} (set {@code heads} if the
 * width is not 64 per head); {@code .npz} of either naming also works. See {@link Dinov2Checkpoint}. Nothing is
 * downloaded.
 */
public final class Dinov2Encoder implements Encoder {

    /** Settings of {@code dinov2}. */
    public record Config(
            @JsonPropertyDescription("checkpoint: a model.safetensors (or .npz) file, or the Hugging Face directory holding it;"
                    + " download it yourself, e.g. from huggingface.co/facebook/dinov2-base") String weights,
            @JsonPropertyDescription("Hugging Face config.json; empty: the one beside the weights if present") String config,
            @JsonPropertyDescription("attention heads when no config.json says; 0: width / 64 as in every published model") int heads,
            @JsonPropertyDescription("number of final blocks whose patch tokens are returned (the reference uses 3)") int lastBlocks,
            @JsonPropertyDescription("how the blocks run: eager (in-place ND4J ops, faster on CPU) or samediff (one SameDiff graph);"
                    + " both compute the same function") String engine) {
        public Config {
            Settings.nonNegative("heads", heads);
            Settings.inRange("last_blocks", lastBlocks, 1, 64);
            weights = weights == null ? "" : weights;
            config = config == null ? "" : config;
            Settings.oneOf("engine", engine, java.util.List.of("eager", "samediff"));
        }

        Dinov2Network.Engine networkEngine() {
            return Dinov2Network.Engine.valueOf(engine.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The factory, registered by {@link ai.dfc.model.ModelPlugin}. */
    public static final class Factory extends AbstractPluginFactory<Config, Encoder> implements EncoderFactory<Config> {
        public Factory() {
            super("dinov2", "DINOv2 ViT (S/B/L/G) from a safetensors checkpoint you bring; last blocks' patch tokens",
                    new Config("", "", 0, 3, "eager"));
        }

        @Override
        public Encoder create(Config settings, PluginContext context) {
            if (settings.weights().isBlank()) {
                throw new SettingException("weights", "is required: the path of a DINOv2 checkpoint (model.safetensors from"
                        + " huggingface.co/facebook/dinov2-base, or a torch-hub state dict saved as safetensors)");
            }
            Path weights = Path.of(settings.weights());
            Path dir = Files.isDirectory(weights) ? weights : weights.toAbsolutePath().getParent();
            Path config = settings.config().isBlank() ? dir.resolve("config.json") : Path.of(settings.config());
            if (!settings.config().isBlank() && !Files.isRegularFile(config)) {
                throw new SettingException("config", "file " + config + " does not exist");
            }
            try (NamedTensors tensors = WeightFiles.open(weights)) {
                Dinov2Weights w = Dinov2Checkpoint.load(tensors, Files.isRegularFile(config) ? config : null,
                        settings.heads());
                if (settings.lastBlocks() > w.architecture().depth()) {
                    throw new SettingException("last_blocks", "must be at most the model's " + w.architecture().depth()
                            + " blocks, was " + settings.lastBlocks());
                }
                return new Dinov2Encoder(new Dinov2Network(w, settings.lastBlocks(), settings.networkEngine()));
            }
        }
    }

    private final Dinov2Network network;
    private final EncoderSpec spec;
    private boolean closed;

    /** Wraps a network (e.g. of random weights for benchmarks); the encoder owns it. */
    public Dinov2Encoder(Dinov2Network network) {
        this.network = network;
        Dinov2Architecture a = network.architecture();
        this.spec = new EncoderSpec(a.patch(), a.width(), network.returnedBlocks());
    }

    /** The architecture read from the checkpoint. */
    public Dinov2Architecture architecture() {
        return network.architecture();
    }

    @Override
    public EncoderSpec spec() {
        return spec;
    }

    @Override
    public DenseTokens encode(INDArray images) {
        if (closed) {
            throw new IllegalStateException("dinov2 encoder is closed");
        }
        int p = spec.stride();
        EncoderInput.check(images, p, "dinov2");
        INDArray tokens = network.forward(images);
        return new DenseTokens(tokens, spec.gridHeight((int) images.size(2)), spec.gridWidth((int) images.size(3)), p);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            network.close();
        }
    }
}
