package ai.dfc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.benchmark.EvalPair;
import ai.dfc.api.plugin.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link Benchmark} contract: at least one pair; unique ids; the same pairs in the same order from a
 * second instance; every view loads, with image and mask of the ground truth's size.
 *
 * @param <C> the settings record
 */
public abstract class BenchmarkContractTest<C extends Record> extends PluginContractTest<C, Benchmark> {

    @Override
    protected final Role role() {
        return Role.BENCHMARK;
    }

    @Test
    void listsUniquePairsDeterministically() {
        List<EvalPair> first;
        try (Benchmark benchmark = create()) {
            first = benchmark.pairs();
        }
        assertThat(first).isNotEmpty();
        assertThat(first.stream().map(EvalPair::id)).doesNotHaveDuplicates();
        try (Benchmark again = create()) {
            assertThat(again.pairs()).isEqualTo(first);
        }
    }

    @Test
    void loadsEveryViewAtTheGroundTruthSize() {
        try (Benchmark benchmark = create()) {
            for (EvalPair pair : benchmark.pairs()) {
                assertThat(pair.groundTruth().size()).as("ground truth of %s", pair.id()).isPositive();
                EvalImage source = benchmark.image(pair.source());
                EvalImage target = benchmark.image(pair.target());
                assertThat(source.image().size()).as("source of %s", pair.id()).isEqualTo(pair.groundTruth().sourceSize());
                assertThat(target.image().size()).as("target of %s", pair.id()).isEqualTo(pair.groundTruth().targetSize());
            }
        }
    }
}
