package ai.dfc.api.plugin;

import ai.dfc.api.benchmark.BenchmarkFactory;
import ai.dfc.api.edge.EdgeEstimatorFactory;
import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.grounder.GrounderFactory;
import ai.dfc.api.loss.LossFactory;
import ai.dfc.api.namer.PartNamerFactory;
import ai.dfc.api.text.TextEncoderFactory;
import java.util.List;

/**
 * The entry point of a plugin jar. List exactly one implementation in
 * {@code META-INF/services/ai.dfc.api.plugin.DfcPlugin}; the runtime finds it with
 * {@link java.util.ServiceLoader} (so it needs a public no-argument constructor). Built-in plugins
 * register exactly the same way.
 *
 * <p>Every method has a default returning no factories: override those of the roles the plugin fills.
 * The methods are called once at start-up, must be cheap and must return the same factories each time.
 * Factory names must be unique within a role across all plugins on the class path; duplicates fail at
 * start-up naming both plugins.
 */
public interface DfcPlugin {

    /** A human-readable plugin identifier for listings and error messages; by default the class name. */
    default String id() {
        return getClass().getName();
    }

    /** Image encoders: dense token grids from image batches. */
    default List<EncoderFactory<?>> encoders() {
        return List.of();
    }

    /** Text encoders: L2-normalized phrase embeddings. */
    default List<TextEncoderFactory<?>> textEncoders() {
        return List.of();
    }

    /** Grounders: part boxes in images. */
    default List<GrounderFactory<?>> grounders() {
        return List.of();
    }

    /** Part namers: functional parts of (category, function) pairs. */
    default List<PartNamerFactory<?>> partNamers() {
        return List.of();
    }

    /** Edge estimators: per-point edge probabilities on point clouds. */
    default List<EdgeEstimatorFactory<?>> edgeEstimators() {
        return List.of();
    }

    /** Loss terms of the training objective. */
    default List<LossFactory<?>> losses() {
        return List.of();
    }

    /** Evaluation benchmarks. */
    default List<BenchmarkFactory<?>> benchmarks() {
        return List.of();
    }
}
