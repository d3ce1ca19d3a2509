package ai.dfc.model.clip;

import ai.dfc.api.DfcException;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.SettingException;
import ai.dfc.api.plugin.Settings;
import ai.dfc.api.text.TextEncoder;
import ai.dfc.api.text.TextEncoderFactory;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code clip-text} text encoder: OpenAI CLIP's text tower ({@link ClipTextModel}) behind CLIP's BPE
 * tokenizer ({@link ClipTokenizer}); a phrase ("cut with") becomes its L2-normalized {@code text_embeds}, 512-d
 * for ViT-B/32 (768-d for ViT-L/14), as the method conditions on.
 *
 * <p>The files are the user's: {@code model.safetensors}, {@code vocab.json}, {@code merges.txt} and
 * {@code config.json} of <a href="https://huggingface.co/openai/clip-vit-base-patch32">openai/clip-vit-base-patch32</a>
 * (or {@code openai/clip-vit-large-patch14}); nothing is downloaded. {@code weights} names the safetensors file
 * or the folder holding all four; the others default to the files beside it. Phrases longer than
 * {@code context_length} tokens are cut (the end-of-text token kept), as {@code clip.tokenize(..., truncate=True)}.
 *
 * <p>Thread-safe: tokenization is concurrent, the forward pass one batch at a time.
 */
public final class ClipTextEncoder implements TextEncoder {
    static final String WHERE_TO_GET = "download model.safetensors, vocab.json, merges.txt and config.json of "
            + "openai/clip-vit-base-patch32 from https://huggingface.co/openai/clip-vit-base-patch32 (no registry DFC "
            + "reaches ships them)";

    /** Settings of {@code clip-text}. */
    public record Config(
            @JsonPropertyDescription("model.safetensors of openai/clip-vit-base-patch32 (or -large-patch14), or the "
                    + "folder holding it with vocab.json, merges.txt and config.json; required (get them from "
                    + "https://huggingface.co/openai/clip-vit-base-patch32)") String weights,
            @JsonPropertyDescription("the tokenizer's vocab.json; empty for the one beside the weights") String vocab,
            @JsonPropertyDescription("the tokenizer's merges.txt; empty for the one beside the weights") String merges,
            @JsonPropertyDescription("the model's config.json; empty for the one beside the weights (if there is "
                    + "none, sizes come from the tensor shapes, width/64 heads, quick_gelu)") String config,
            @JsonPropertyDescription("tokens per phrase including start and end tokens (CLIP: 77); longer phrases "
                    + "are cut") int contextLength) {
        public Config {
            Settings.present("weights", weights);
            Settings.present("vocab", vocab);
            Settings.present("merges", merges);
            Settings.present("config", config);
            Settings.inRange("context_length", contextLength, 2, 4096);
        }

        /** All files in {@code folder}, context 77. */
        public static Config in(Path folder) {
            return new Config(folder.toString(), "", "", "", ClipTokenizer.CONTEXT_LENGTH);
        }
    }

    /** The factory, registered by {@link ai.dfc.model.ModelPlugin}. */
    public static final class Factory extends AbstractPluginFactory<Config, TextEncoder>
            implements TextEncoderFactory<Config> {
        public Factory() {
            super("clip-text", "OpenAI CLIP text tower (ViT-B/32 or L/14) from the Hugging Face files you provide; "
                    + "L2-normalized phrase embeddings", new Config("", "", "", "", ClipTokenizer.CONTEXT_LENGTH));
        }

        @Override
        public TextEncoder create(Config settings, PluginContext context) {
            return open(settings);
        }
    }

    private final ClipTokenizer tokenizer;
    private final ClipTextModel model;
    private final int contextLength;

    private ClipTextEncoder(ClipTokenizer tokenizer, ClipTextModel model, int contextLength) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.contextLength = contextLength;
    }

    /**
     * Loads the tokenizer and the model.
     *
     * @throws SettingException naming the key when a file is not given or does not exist
     * @throws DfcException     naming the file (and tensor or key) when a file is unusable
     */
    public static ClipTextEncoder open(Config c) {
        if (c.weights().isBlank()) {
            throw new SettingException("weights", "is required: the path to model.safetensors or its folder; "
                    + WHERE_TO_GET);
        }
        Path weights = Path.of(c.weights());
        if (!Files.exists(weights)) {
            throw new SettingException("weights", "'" + weights + "' does not exist; " + WHERE_TO_GET);
        }
        Path folder = Files.isDirectory(weights) ? weights
                : weights.toAbsolutePath().getParent();
        Path vocab = file("vocab", c.vocab(), folder, "vocab.json");
        Path merges = file("merges", c.merges(), folder, "merges.txt");
        ClipTextModel.Config config;
        if (!c.config().isBlank()) {
            config = ClipTextModel.Config.read(file("config", c.config(), folder, "config.json"));
        } else {
            Path beside = folder.resolve("config.json");
            config = Files.isRegularFile(beside) ? ClipTextModel.Config.read(beside) : ClipTextModel.Config.inferred();
        }
        ClipTokenizer tokenizer = ClipTokenizer.load(vocab, merges);
        ClipTextModel model = ClipTextModel.load(weights, config);
        if (tokenizer.maxId() >= model.vocabSize()) {
            model.close();
            throw new DfcException(vocab + " has ids up to " + tokenizer.maxId() + " but the token embedding of "
                    + weights + " has " + model.vocabSize() + " rows: tokenizer and model files of different models");
        }
        if (c.contextLength() > model.contextLength()) {
            model.close();
            throw new SettingException("context_length", "must be <= the model's " + model.contextLength()
                    + " positions, was " + c.contextLength());
        }
        return new ClipTextEncoder(tokenizer, model, c.contextLength());
    }

    private static Path file(String key, String value, Path folder, String defaultName) {
        Path p = value.isBlank() ? folder.resolve(defaultName) : Path.of(value);
        if (!Files.isRegularFile(p)) {
            throw new SettingException(key, "'" + p + "' does not exist"
                    + (value.isBlank() ? " (the default: " + defaultName + " beside the weights)" : "") + "; " + WHERE_TO_GET);
        }
        return p;
    }

    /** The tokenizer. */
    public ClipTokenizer tokenizer() {
        return tokenizer;
    }

    /** The model. */
    public ClipTextModel model() {
        return model;
    }

    @Override
    public int dimension() {
        return model.projectionDim();
    }

    /** The token ids of a batch ({@code [N][context_length]}), as the model receives them. */
    public int[][] tokenize(List<String> phrases) {
        if (phrases == null || phrases.isEmpty()) {
            throw new IllegalArgumentException("encode needs at least one phrase");
        }
        int[][] ids = new int[phrases.size()][];
        for (int i = 0; i < ids.length; i++) {
            String phrase = phrases.get(i);
            if (phrase == null || ClipTokenizer.clean(phrase).isEmpty()) {
                throw new IllegalArgumentException("phrase " + i + " must not be blank, was '" + phrase + "'");
            }
            ids[i] = tokenizer.tokenize(phrase, contextLength);
        }
        return ids;
    }

    /** Both outputs of a batch: {@code text_embeds} and the normalized rows. */
    public ClipTextModel.Output forward(List<String> phrases) {
        return model.forward(tokenize(phrases), tokenizer.endId());
    }

    @Override
    public INDArray encode(List<String> phrases) {
        return forward(phrases).embeds();
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "clip-text[" + model + "]";
    }
}
