package ai.dfc.api.edge;

import ai.dfc.api.plugin.PluginFactory;

/**
 * Creates {@link EdgeEstimator}s; listed by {@link ai.dfc.api.plugin.DfcPlugin#edgeEstimators()}.
 *
 * @param <C> the settings record
 */
public interface EdgeEstimatorFactory<C extends Record> extends PluginFactory<C, EdgeEstimator> {
}
