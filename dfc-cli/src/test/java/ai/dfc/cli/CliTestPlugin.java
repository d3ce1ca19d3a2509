package ai.dfc.cli;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.GrounderFactory;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.DfcPlugin;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Secret;
import ai.dfc.api.plugin.Settings;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A grounder and an encoder plugin that exist only in dfc-cli's test code. */
public final class CliTestPlugin implements DfcPlugin {

    public record Config(
            @JsonPropertyDescription("answers per query") int answers,
            @JsonPropertyDescription("API key") @Secret String apiKey) {
        public Config {
            Settings.positive("answers", answers);
        }
    }

    public static final class Factory extends AbstractPluginFactory<Config, Grounder>
            implements GrounderFactory<Config> {
        public Factory() {
            super("cli-test-grounder", "test-only grounder that finds nothing", new Config(4, ""));
        }

        @Override
        public Grounder create(Config settings, PluginContext context) {
            return new Grounder() {
                @Override
                public Grounding ground(ai.dfc.api.grounder.GroundingQuery query) {
                    return Grounding.of(List.of(), "");
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Override
    public List<GrounderFactory<?>> grounders() {
        return List.of(new Factory());
    }

    @Override
    public List<EncoderFactory<?>> encoders() {
        return List.of(new EncoderPlugin());
    }

    /** Settings of {@code cli-test-encoder}. */
    public record EncoderConfig(
            @JsonPropertyDescription("pixels per token") int stride,
            @JsonPropertyDescription("multiplies every token") float gain) {
        public EncoderConfig {
            Settings.positive("stride", stride);
        }
    }

    /** {@code cli-test-encoder}: the mean colour of each stride×stride cell times {@code gain}; counts the images it encodes. */
    public static final class EncoderPlugin extends AbstractPluginFactory<EncoderConfig, Encoder>
            implements EncoderFactory<EncoderConfig> {
        /** Images encoded by every instance, for tests that check the encoder was (not) run. */
        public static final AtomicInteger IMAGES = new AtomicInteger();

        public EncoderPlugin() {
            super("cli-test-encoder", "test-only encoder: mean colour per cell", new EncoderConfig(14, 1f));
        }

        @Override
        public Encoder create(EncoderConfig c, PluginContext context) {
            return new Encoder() {
                @Override
                public EncoderSpec spec() {
                    return new EncoderSpec(c.stride(), 3, List.of(0));
                }

                @Override
                public DenseTokens encode(org.nd4j.linalg.api.ndarray.INDArray images) {
                    int b = (int) images.size(0);
                    int height = (int) images.size(2);
                    int width = (int) images.size(3);
                    int s = c.stride();
                    int h = height / s;
                    int w = width / s;
                    float[] px = images.dup('c').data().asFloat();
                    float[] out = new float[b * h * w * 3];
                    for (int n = 0; n < b; n++) {
                        for (int ch = 0; ch < 3; ch++) {
                            for (int y = 0; y < h * s; y++) {
                                for (int x = 0; x < w * s; x++) {
                                    out[((n * h + y / s) * w + x / s) * 3 + ch] +=
                                            c.gain() * px[((n * 3 + ch) * height + y) * width + x] / (s * s);
                                }
                            }
                        }
                    }
                    IMAGES.addAndGet(b);
                    return new DenseTokens(Nd4j.create(out, new long[] {b, 1, (long) h * w, 3}, DataType.FLOAT), h, w, s);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
