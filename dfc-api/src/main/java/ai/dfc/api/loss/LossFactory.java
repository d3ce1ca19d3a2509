package ai.dfc.api.loss;

import ai.dfc.api.plugin.PluginFactory;

/**
 * Creates {@link Loss} terms; listed by {@link ai.dfc.api.plugin.DfcPlugin#losses()}. The term's weight is
 * part of the training configuration, not of the settings record.
 *
 * @param <C> the settings record (temperature, …)
 */
public interface LossFactory<C extends Record> extends PluginFactory<C, Loss> {
}
