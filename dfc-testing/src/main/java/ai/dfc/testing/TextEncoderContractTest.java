package ai.dfc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.plugin.Role;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.text.TextEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link TextEncoder} contract: {@code [N, D]} float32 rows of unit length, a phrase's vector independent
 * of the others in the call, deterministic, different phrases not all mapped to one vector, empty input rejected.
 *
 * @param <C> the settings record
 */
public abstract class TextEncoderContractTest<C extends Record> extends PluginContractTest<C, TextEncoder> {

    @Override
    protected final Role role() {
        return Role.TEXT_ENCODER;
    }

    private static List<String> phrases() {
        return FunctionName.REFERENCE.subList(0, 6).stream().map(FunctionName::phrase).toList();
    }

    @Test
    void returnsUnitRowsOfTheStatedDimension() {
        try (TextEncoder encoder = create()) {
            INDArray e = encoder.encode(phrases());
            assertThat(e.shape()).containsExactly(phrases().size(), encoder.dimension());
            assertThat(e.dataType()).isEqualTo(DataType.FLOAT);
            for (int i = 0; i < phrases().size(); i++) {
                assertThat(e.getRow(i).norm2Number().doubleValue()).as("norm of row %d", i).isCloseTo(1.0, within(1e-4));
            }
        }
    }

    @Test
    void embedsEachPhraseIndependentlyAndDeterministically() {
        try (TextEncoder encoder = create()) {
            INDArray all = encoder.encode(phrases());
            for (int i = 0; i < phrases().size(); i++) {
                INDArray alone = encoder.encode(List.of(phrases().get(i)));
                assertThat(Transforms.maxAbsDiff(all.getRow(i, true), alone)).as("phrase %d", i).isLessThanOrEqualTo(1e-5);
            }
            assertThat(Transforms.maxAbsDiff(all, encoder.encode(phrases()))).isZero();
            INDArray viaFunction = encoder.encode(FunctionName.of("pick up-with"));
            assertThat(Transforms.maxAbsDiff(viaFunction, encoder.encode(List.of("pick up with")))).isZero();
        }
    }

    @Test
    void distinguishesDifferentPhrases() {
        try (TextEncoder encoder = create()) {
            INDArray e = encoder.encode(phrases());
            for (int i = 1; i < phrases().size(); i++) {
                assertThat(Transforms.maxAbsDiff(e.getRow(0, true), e.getRow(i, true)))
                        .as("'%s' vs '%s'", phrases().get(0), phrases().get(i)).isGreaterThan(1e-3);
            }
        }
    }

    @Test
    void rejectsEmptyInput() {
        try (TextEncoder encoder = create()) {
            assertThatThrownBy(() -> encoder.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> encoder.encode(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
