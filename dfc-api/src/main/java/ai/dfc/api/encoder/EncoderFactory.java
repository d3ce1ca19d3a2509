package ai.dfc.api.encoder;

import ai.dfc.api.plugin.PluginFactory;

/**
 * Creates {@link Encoder}s; listed by {@link ai.dfc.api.plugin.DfcPlugin#encoders()}.
 *
 * @param <C> the settings record
 */
public interface EncoderFactory<C extends Record> extends PluginFactory<C, Encoder> {
}
