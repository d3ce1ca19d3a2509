package ai.dfc.api.grounder;

import ai.dfc.api.plugin.PluginFactory;

/**
 * Creates {@link Grounder}s; listed by {@link ai.dfc.api.plugin.DfcPlugin#grounders()}.
 *
 * @param <C> the settings record
 */
public interface GrounderFactory<C extends Record> extends PluginFactory<C, Grounder> {
}
