package ai.dfc.testing;

import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.text.TextEncoder;
import ai.dfc.testing.fixtures.LetterHistogramTextEncoder;
import java.util.Map;

class LetterHistogramTextEncoderContractTest extends TextEncoderContractTest<LetterHistogramTextEncoder.Config> {
    @Override
    protected PluginFactory<LetterHistogramTextEncoder.Config, TextEncoder> factory() {
        return new LetterHistogramTextEncoder.Factory();
    }

    @Override
    protected LetterHistogramTextEncoder.Config nonDefaultSettings() {
        return new LetterHistogramTextEncoder.Config(100);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("dimension", "wide");
    }
}
