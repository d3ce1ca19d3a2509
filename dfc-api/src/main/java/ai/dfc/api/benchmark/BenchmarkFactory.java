package ai.dfc.api.benchmark;

import ai.dfc.api.plugin.PluginFactory;

/**
 * Creates {@link Benchmark}s; listed by {@link ai.dfc.api.plugin.DfcPlugin#benchmarks()}.
 *
 * @param <C> the settings record (data directory, split, seed, …)
 */
public interface BenchmarkFactory<C extends Record> extends PluginFactory<C, Benchmark> {
}
