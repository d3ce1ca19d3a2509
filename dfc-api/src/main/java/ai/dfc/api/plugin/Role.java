package ai.dfc.api.plugin;

import ai.dfc.api.benchmark.BenchmarkFactory;
import ai.dfc.api.edge.EdgeEstimatorFactory;
import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.grounder.GrounderFactory;
import ai.dfc.api.loss.LossFactory;
import ai.dfc.api.namer.PartNamerFactory;
import ai.dfc.api.text.TextEncoderFactory;
import java.util.List;
import java.util.function.Function;

/** The roles a plugin can fill, each with its factory type and the {@link DfcPlugin} method listing them. */
public enum Role {
    ENCODER("encoder", EncoderFactory.class, DfcPlugin::encoders),
    TEXT_ENCODER("text-encoder", TextEncoderFactory.class, DfcPlugin::textEncoders),
    GROUNDER("grounder", GrounderFactory.class, DfcPlugin::grounders),
    PART_NAMER("part-namer", PartNamerFactory.class, DfcPlugin::partNamers),
    EDGE_ESTIMATOR("edge-estimator", EdgeEstimatorFactory.class, DfcPlugin::edgeEstimators),
    LOSS("loss", LossFactory.class, DfcPlugin::losses),
    BENCHMARK("benchmark", BenchmarkFactory.class, DfcPlugin::benchmarks);

    private final String label;
    private final Class<?> factoryType;
    private final Function<DfcPlugin, List<? extends PluginFactory<?, ?>>> lister;

    Role(String label, Class<?> factoryType, Function<DfcPlugin, List<? extends PluginFactory<?, ?>>> lister) {
        this.label = label;
        this.factoryType = factoryType;
        this.lister = lister;
    }

    /** The kebab-case role name shown to users ({@code text-encoder}). */
    public String label() {
        return label;
    }

    /** The factory interface of this role. */
    public Class<?> factoryType() {
        return factoryType;
    }

    /** The factories {@code plugin} contributes in this role; never null. */
    public List<? extends PluginFactory<?, ?>> factoriesOf(DfcPlugin plugin) {
        List<? extends PluginFactory<?, ?>> list = lister.apply(plugin);
        return list == null ? List.of() : list;
    }
}
