package ai.dfc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.text.TextEncoder;
import ai.dfc.api.text.TextEncoderFactory;
import ai.dfc.testing.fixtures.LetterHistogramTextEncoder;
import ai.dfc.testing.fixtures.MeanColourEncoder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contracts are tests too: each defective plugin below must fail exactly the check aimed at its defect
 * (and the healthy fixtures pass everything, see the *ContractTest classes). The defective contract classes
 * are nested, so Surefire does not run them on their own.
 */
class ContractsCatchDefectsTest {

    private static List<String> failedChecks(Class<?> contract) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
        assertThat(tests.started().count()).as("checks run for %s", contract.getSimpleName()).isPositive();
        return tests.failed().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName().replace("()", "")).toList();
    }

    @Test
    void unnormalizedTextEmbeddingsFailTheUnitNormCheck() {
        assertThat(failedChecks(UnnormalizedTextEncoderContract.class)).contains("returnsUnitRowsOfTheStatedDimension");
    }

    @Test
    void batchDependentTokensFailTheIndependenceCheck() {
        // the wrapper is not the registered factory class, so discovery fails too
        assertThat(failedChecks(BatchDependentEncoderContract.class)).containsExactlyInAnyOrder(
                "tokensOfAnImageDoNotDependOnTheRestOfTheBatch", "isDiscoveredUnderItsRoleAndName");
    }

    @Test
    void anUnregisteredPluginFailsDiscovery() {
        assertThat(failedChecks(UnregisteredEncoderContract.class)).containsExactlyInAnyOrder(
                "isDiscoveredUnderItsRoleAndName", "isSelectableByTypeThroughTheConfigLoader");
    }

    @Test
    void settingsThatAcceptAnythingFailTheRejectionCheck() {
        assertThat(failedChecks(LaxSettingsContract.class)).containsExactly("rejectsInvalidValuesNamingTheirKey");
    }

    /** Normalization forgotten. */
    static final class UnnormalizedTextEncoderContract extends TextEncoderContractTest<LetterHistogramTextEncoder.Config> {
        @Override
        protected PluginFactory<LetterHistogramTextEncoder.Config, TextEncoder> factory() {
            return new Unnormalized();
        }

        private static final class Unnormalized extends AbstractPluginFactory<LetterHistogramTextEncoder.Config, TextEncoder>
                implements TextEncoderFactory<LetterHistogramTextEncoder.Config> {
            Unnormalized() {
                super("letter-histogram", "defective: not normalized", new LetterHistogramTextEncoder.Config(64));
            }

            @Override
            public TextEncoder create(LetterHistogramTextEncoder.Config settings, PluginContext context) {
                return new LetterHistogramTextEncoder(settings.dimension(), false);
            }
        }

        @Override
        protected LetterHistogramTextEncoder.Config nonDefaultSettings() {
            return new LetterHistogramTextEncoder.Config(100);
        }

        @Override
        protected Map<String, Object> invalidSettings() {
            return Map.of("dimension", 1);
        }
    }

    /** Adds the batch size to every token: an image's tokens depend on the batch. */
    static final class BatchDependentEncoderContract extends MeanColourEncoderContractTest {
        @Override
        protected PluginFactory<MeanColourEncoder.Config, Encoder> factory() {
            return new DelegatingFactory("mean-colour") {
                @Override
                INDArray postProcess(INDArray tokens) {
                    return tokens.add(tokens.size(0));
                }
            };
        }
    }

    /** A factory whose name no DfcPlugin lists. */
    static final class UnregisteredEncoderContract extends MeanColourEncoderContractTest {
        @Override
        protected PluginFactory<MeanColourEncoder.Config, Encoder> factory() {
            return new DelegatingFactory("never-registered");
        }
    }

    /** Claims an invalid value that its settings record actually accepts. */
    static final class LaxSettingsContract extends MeanColourEncoderContractTest {
        @Override
        protected Map<String, Object> invalidSettings() {
            return Map.of("stride", 1000);
        }
    }

    /** The mean-colour encoder under another name, optionally post-processing its tokens. */
    private static class DelegatingFactory extends AbstractPluginFactory<MeanColourEncoder.Config, Encoder>
            implements EncoderFactory<MeanColourEncoder.Config> {
        DelegatingFactory(String name) {
            super(name, "defective fixture", new MeanColourEncoder.Config(8, 1));
        }

        INDArray postProcess(INDArray tokens) {
            return tokens;
        }

        @Override
        public Encoder create(MeanColourEncoder.Config settings, PluginContext context) {
            Encoder inner = new MeanColourEncoder.Factory().create(settings, context);
            return new Encoder() {
                @Override
                public EncoderSpec spec() {
                    return inner.spec();
                }

                @Override
                public DenseTokens encode(INDArray images) {
                    DenseTokens t = inner.encode(images);
                    return new DenseTokens(postProcess(t.tokens()), t.gridHeight(), t.gridWidth(), t.stride());
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }
    }
}
