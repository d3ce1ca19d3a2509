package org.example.dfc;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.testing.EncoderContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The encoder contract (discovery, settings, shapes, batch independence, close) plus one value check. */
class GreyPatchEncoderTest extends EncoderContractTest<GreyPatchPlugin.GreyPatchSettings> {
    @Override
    protected PluginFactory<GreyPatchPlugin.GreyPatchSettings, Encoder> factory() {
        return new GreyPatchPlugin.Factory();
    }

    @Override
    protected GreyPatchPlugin.GreyPatchSettings nonDefaultSettings() {
        return new GreyPatchPlugin.GreyPatchSettings(8);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("cell", 0);
    }

    @Test
    void aUniformImageHasItsGreyLevelAndNoGradient() {
        try (Encoder e = create()) {
            float[] t = e.encode(Nd4j.zeros(1, 3, 28, 28).addi(0.25)).tokens().data().asFloat();
            assertThat(t).containsExactly(0.25f, 0f, 0f, 0.25f, 0f, 0f, 0.25f, 0f, 0f, 0.25f, 0f, 0f);
        }
    }
}
