package ai.dfc.model;

import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.plugin.DfcPlugin;
import ai.dfc.api.text.TextEncoderFactory;
import ai.dfc.model.clip.ClipTextEncoder;
import ai.dfc.model.descriptor.DenseDescriptorEncoder;
import ai.dfc.model.dinov2.Dinov2Encoder;
import ai.dfc.model.text.HashedNgramTextEncoder;
import java.util.List;

/** The built-in plugins of dfc-model, registered through {@code META-INF/services} like any other plugin. */
public final class ModelPlugin implements DfcPlugin {
    @Override
    public String id() {
        return "dfc-model";
    }

    @Override
    public List<EncoderFactory<?>> encoders() {
        return List.of(new DenseDescriptorEncoder.Factory(), new Dinov2Encoder.Factory());
    }

    @Override
    public List<TextEncoderFactory<?>> textEncoders() {
        return List.of(new HashedNgramTextEncoder.Factory(), new ClipTextEncoder.Factory());
    }
}
