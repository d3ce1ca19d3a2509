package ai.dfc.model.dinov2;

import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.testing.EncoderContractTest;
import java.util.Map;

/** The encoder contract for {@code dinov2} on the tiny Hugging Face fixture checkpoint. */
class Dinov2EncoderContractTest extends EncoderContractTest<Dinov2Encoder.Config> {
    @Override
    protected PluginFactory<Dinov2Encoder.Config, Encoder> factory() {
        return new Dinov2Encoder.Factory();
    }

    @Override
    protected Dinov2Encoder.Config workingSettings() {
        return new Dinov2Encoder.Config(ParityFixtures.dir("dinov2-hf").toString(), "", 0, 3, "eager");
    }

    @Override
    protected Dinov2Encoder.Config nonDefaultSettings() {
        return new Dinov2Encoder.Config("/models/dinov2-base", "/models/dinov2-base/config.json", 12, 4, "samediff");
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("heads", -1, "last_blocks", 0, "engine", "tensorflow");
    }
}
