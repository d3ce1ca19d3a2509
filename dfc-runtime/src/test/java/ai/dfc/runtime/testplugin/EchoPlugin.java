package ai.dfc.runtime.testplugin;

import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.loss.Loss;
import ai.dfc.api.loss.LossFactory;
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

    public static final class EchoFactory implements TextEncoderFactory<EchoSettings> {
        @Override
        public String name() {
            return "test-echo";
        }

        @Override
        public String description() {
            return "test-only text encoder";
        }

        @Override
        public Class<EchoSettings> settingsType() {
            return EchoSettings.class;
        }

        @Override
        public EchoSettings defaultSettings() {
            return EchoSettings.DEFAULTS;
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

    public static final class TestLossFactory implements LossFactory<LossSettings> {
        @Override
        public String name() {
            return "test-loss";
        }

        @Override
        public String description() {
            return "test-only loss";
        }

        @Override
        public Class<LossSettings> settingsType() {
            return LossSettings.class;
        }

        @Override
        public LossSettings defaultSettings() {
            return new LossSettings(0.1);
        }

        @Override
        public Loss create(LossSettings settings, PluginContext context) {
            throw new UnsupportedOperationException("test fixture");
        }
    }

    public static final class PlainEncoderFactory implements EncoderFactory<NoSettings> {
        @Override
        public String name() {
            return "test-encoder";
        }

        @Override
        public String description() {
            return "test-only encoder without settings";
        }

        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public NoSettings defaultSettings() {
            return NoSettings.INSTANCE;
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
