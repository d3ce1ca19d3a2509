package ai.dfc.testing;

import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.testing.fixtures.MeanColourEncoder;
import java.util.Map;

class MeanColourEncoderContractTest extends EncoderContractTest<MeanColourEncoder.Config> {
    @Override
    protected PluginFactory<MeanColourEncoder.Config, Encoder> factory() {
        return new MeanColourEncoder.Factory();
    }

    @Override
    protected MeanColourEncoder.Config nonDefaultSettings() {
        return new MeanColourEncoder.Config(7, 3);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("stride", 0, "layers", 9);
    }
}
