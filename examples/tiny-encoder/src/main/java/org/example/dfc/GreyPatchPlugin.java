package org.example.dfc;

import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.DfcPlugin;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Settings;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The plugin: one encoder named {@code grey-patch}, configured by {@code encoder: {type: grey-patch, cell: 14}}. */
public final class GreyPatchPlugin implements DfcPlugin {

    /** Settings: the keys users write under the encoder section, validated on construction. */
    public record GreyPatchSettings(@JsonPropertyDescription("cell size in pixels (the token stride)") int cell) {
        public GreyPatchSettings {
            Settings.inRange("cell", cell, 1, 64);
        }
    }

    public static final class Factory extends AbstractPluginFactory<GreyPatchSettings, Encoder>
            implements EncoderFactory<GreyPatchSettings> {
        public Factory() {
            super("grey-patch", "mean grey level and gradient per cell (an example plugin)", new GreyPatchSettings(14));
        }

        @Override
        public Encoder create(GreyPatchSettings settings, PluginContext context) {
            return new GreyPatchEncoder(settings.cell());
        }
    }

    @Override
    public List<EncoderFactory<?>> encoders() {
        return List.of(new Factory());
    }
}
