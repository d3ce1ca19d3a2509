package ai.dfc.testing;

import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.testing.fixtures.FixedPartNamer;
import java.util.List;
import java.util.Map;

class FixedPartNamerContractTest extends PartNamerContractTest<FixedPartNamer.Config> {
    @Override
    protected PluginFactory<FixedPartNamer.Config, PartNamer> factory() {
        return new FixedPartNamer.Factory();
    }

    @Override
    protected FixedPartNamer.Config nonDefaultSettings() {
        return new FixedPartNamer.Config(Map.of("knife", Map.of("cut-with", List.of("- Blade - The flat part."))));
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("parts", Map.of("mug", Map.of("pour-with", List.of("Rim without a dash"))));
    }

    @Override
    protected ObjectCategory knownCategory() {
        return ObjectCategory.of("mug");
    }

    @Override
    protected FunctionName knownFunction() {
        return FunctionName.of("pour-with");
    }
}
