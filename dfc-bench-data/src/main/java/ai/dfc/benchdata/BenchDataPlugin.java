package ai.dfc.benchdata;

import ai.dfc.api.benchmark.BenchmarkFactory;
import ai.dfc.api.plugin.DfcPlugin;
import ai.dfc.benchdata.benchmark.ProceduralBenchmarkFactory;
import ai.dfc.benchdata.benchmark.ReferenceLayoutBenchmarkFactory;
import java.util.List;

/** The built-in plugins of dfc-bench-data, registered through {@code META-INF/services} like any other plugin. */
public final class BenchDataPlugin implements DfcPlugin {
    @Override
    public String id() {
        return "dfc-bench-data";
    }

    @Override
    public List<BenchmarkFactory<?>> benchmarks() {
        return List.of(new ProceduralBenchmarkFactory(), ReferenceLayoutBenchmarkFactory.objaverse(),
                ReferenceLayoutBenchmarkFactory.handal());
    }
}
