package ai.dfc.api.text;

import ai.dfc.api.plugin.PluginFactory;

/**
 * Creates {@link TextEncoder}s; listed by {@link ai.dfc.api.plugin.DfcPlugin#textEncoders()}.
 *
 * @param <C> the settings record
 */
public interface TextEncoderFactory<C extends Record> extends PluginFactory<C, TextEncoder> {
}
