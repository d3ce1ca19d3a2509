package ai.dfc.testing;

import ai.dfc.api.loss.Loss;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.testing.fixtures.SquaredDistanceLoss;
import java.util.Map;

class SquaredDistanceLossContractTest extends LossContractTest<SquaredDistanceLoss.Config> {
    @Override
    protected PluginFactory<SquaredDistanceLoss.Config, Loss> factory() {
        return new SquaredDistanceLoss.Factory();
    }

    @Override
    protected SquaredDistanceLoss.Config nonDefaultSettings() {
        return new SquaredDistanceLoss.Config(2.5);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("scale", 0);
    }
}
