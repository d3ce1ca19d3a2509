package ai.dfc.model.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.text.TextEncoder;
import ai.dfc.testing.TextEncoderContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashedNgramTextEncoderTest extends TextEncoderContractTest<HashedNgramTextEncoder.Config> {
    @Override
    protected PluginFactory<HashedNgramTextEncoder.Config, TextEncoder> factory() {
        return new HashedNgramTextEncoder.Factory();
    }

    @Override
    protected HashedNgramTextEncoder.Config nonDefaultSettings() {
        return new HashedNgramTextEncoder.Config(256, 2, 4, 7);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("dimension", 4, "min_n", 0, "max_n", 99, "seed", "x");
    }

    private static float[] embed(String phrase) {
        return new HashedNgramTextEncoder(new HashedNgramTextEncoder.Factory().defaultSettings()).embed(phrase);
    }

    /** Golden values from tools/hashed_ngram_reference.py, an independent Python implementation of the hash. */
    @Test
    void matchesTheIndependentReferenceImplementation() {
        int[] plus = {12, 15, 18, 21, 142, 163, 343, 356, 379, 453};
        int[] minus = {39, 62, 72, 84, 98, 270, 326, 397, 400, 447, 455};
        float[] v = embed("cut with");
        double unit = 1 / Math.sqrt(21); // "<cut with>" has 8 + 7 + 6 distinct 3-, 4- and 5-grams
        float[] expected = new float[512];
        for (int i : plus) {
            expected[i] = (float) unit;
        }
        for (int i : minus) {
            expected[i] = (float) -unit;
        }
        assertThat(v).containsExactly(expected, within(1e-7f));
        assertThat(HashedNgramTextEncoder.hash("cut", 0)).isEqualTo(2442957707366822984L);
        assertThat(HashedNgramTextEncoder.hash("cut", 7)).isEqualTo(1367142787367867360L);
    }

    @Test
    void normalizesCaseAndWhitespaceButNothingElse() {
        assertThat(embed("  Cut   WITH ")).containsExactly(embed("cut with"));
        assertThat(embed("cut-with")).isNotEqualTo(embed("cut with"));
    }
}
