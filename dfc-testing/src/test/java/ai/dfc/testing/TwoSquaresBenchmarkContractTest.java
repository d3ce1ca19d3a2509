package ai.dfc.testing;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.testing.fixtures.TwoSquaresBenchmark;
import java.util.Map;

class TwoSquaresBenchmarkContractTest extends BenchmarkContractTest<TwoSquaresBenchmark.Config> {
    @Override
    protected PluginFactory<TwoSquaresBenchmark.Config, Benchmark> factory() {
        return new TwoSquaresBenchmark.Factory();
    }

    @Override
    protected TwoSquaresBenchmark.Config nonDefaultSettings() {
        return new TwoSquaresBenchmark.Config(64, 4);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("size", 8, "points", 0);
    }
}
