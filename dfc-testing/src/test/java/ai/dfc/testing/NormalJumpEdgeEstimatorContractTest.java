package ai.dfc.testing;

import ai.dfc.api.edge.EdgeEstimator;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.testing.fixtures.NormalJumpEdgeEstimator;
import java.util.Map;

class NormalJumpEdgeEstimatorContractTest extends EdgeEstimatorContractTest<NormalJumpEdgeEstimator.Config> {
    @Override
    protected PluginFactory<NormalJumpEdgeEstimator.Config, EdgeEstimator> factory() {
        return new NormalJumpEdgeEstimator.Factory();
    }

    @Override
    protected NormalJumpEdgeEstimator.Config nonDefaultSettings() {
        return new NormalJumpEdgeEstimator.Config(0.1);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("radius", -1);
    }
}
