package ai.dfc.runtime.testplugin;

import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.loss.Loss;
import ai.dfc.api.loss.LossFactory;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.DfcPlugin;
import ai.dfc.api.plugin.NoSettings;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Settings;
import ai.dfc.api.text.TextEncoder;
import ai.dfc.api.text.TextEncoderFactory;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A plugin that exists only in dfc-runtime's test code, discovered through its META-INF/services file. */
public final class EchoPlugin implements DfcPlugin {

    /** What a created text encoder remembers: its settings and context. */
    public record EchoTextEncoder(EchoSettings settings, PluginContext context) implements TextEncoder {
        @Override
        public int dimension() {
            return settings.dimension();
        }

        @Override
        public org.nd4j.linalg.api.ndarray.INDArray encode(List<String> phrases) {
            throw new UnsupportedOperationException("test fixture");
        }

        @Override
        public void close() {
        }
    }

    public static final class EchoFactory extends AbstractPluginFactory<EchoSettings, TextEncoder>
            implements TextEncoderFactory<EchoSettings> {
        public EchoFactory() {
            super("test-echo", "test-only text encoder", EchoSettings.DEFAULTS);
        }

        @Override
        public TextEncoder create(EchoSettings settings, PluginContext context) {
            if (settings.endpoint().equals("crash")) {
                throw new IllegalStateException("boom");
            }
            return new EchoTextEncoder(settings, context);
        }
    }

    public record LossSettings(@JsonPropertyDescription("temperature") double temperature) {
        public LossSettings {
            Settings.positive("temperature", temperature);
        }
    }

    public static final class TestLossFactory extends AbstractPluginFactory<LossSettings, Loss>
            implements LossFactory<LossSettings> {
        public TestLossFactory() {
            super("test-loss", "test-only loss", new LossSettings(0.1));
        }

        @Override
        public Loss create(LossSettings settings, PluginContext context) {
            throw new UnsupportedOperationException("test fixture");
        }
    }

    public static final class PlainEncoderFactory extends AbstractPluginFactory<NoSettings, Encoder>
            implements EncoderFactory<NoSettings> {
        public PlainEncoderFactory() {
            super("test-encoder", "test-only encoder without settings", NoSettings.INSTANCE);
        }

        @Override
        public Encoder create(NoSettings settings, PluginContext context) {
            throw new UnsupportedOperationException("test fixture");
        }
    }

    @Override
    public List<TextEncoderFactory<?>> textEncoders() {
        return List.of(new EchoFactory());
    }

    @Override
    public List<LossFactory<?>> losses() {
        return List.of(new TestLossFactory());
    }

    @Override
    public List<EncoderFactory<?>> encoders() {
        return List.of(new PlainEncoderFactory());
    }
}
