package ai.dfc.api.namer;

import ai.dfc.api.plugin.PluginFactory;

/**
 * Creates {@link PartNamer}s; listed by {@link ai.dfc.api.plugin.DfcPlugin#partNamers()}.
 *
 * @param <C> the settings record
 */
public interface PartNamerFactory<C extends Record> extends PluginFactory<C, PartNamer> {
}
