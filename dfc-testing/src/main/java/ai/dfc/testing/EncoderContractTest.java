package ai.dfc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.api.plugin.Role;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The {@link Encoder} contract: output shape {@code [B, L, h·w, C]} as the spec says, float32, finite; each
 * image's tokens independent of the rest of the batch; deterministic; bad input and use after close rejected.
 *
 * @param <C> the settings record
 */
public abstract class EncoderContractTest<C extends Record> extends PluginContractTest<C, Encoder> {

    @Override
    protected final Role role() {
        return Role.ENCODER;
    }

    /** Input height for the checks; a multiple of the stride is not required. */
    protected int imageHeight() {
        return 56;
    }

    /** Input width for the checks; deliberately different from the height to catch transposed grids. */
    protected int imageWidth() {
        return 70;
    }

    /** Absolute tolerance between a token computed in a batch and alone. */
    protected double batchTolerance() {
        return 1e-4;
    }

    private INDArray images(int batch, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, batch, 3, imageHeight(), imageWidth());
    }

    @Test
    void outputShapeMatchesTheSpec() {
        try (Encoder encoder = create()) {
            EncoderSpec spec = encoder.spec();
            DenseTokens tokens = encoder.encode(images(2, 1));
            int h = spec.gridHeight(imageHeight());
            int w = spec.gridWidth(imageWidth());
            assertThat(tokens.tokens().shape()).containsExactly(2, spec.layers().size(), (long) h * w, spec.channels());
            assertThat(tokens.gridHeight()).isEqualTo(h);
            assertThat(tokens.gridWidth()).isEqualTo(w);
            assertThat(tokens.stride()).isEqualTo(spec.stride());
            assertThat(tokens.tokens().dataType()).isEqualTo(DataType.FLOAT);
            assertThat(tokens.tokens().isInfinite().any() || tokens.tokens().isNaN().any()).as("finite tokens").isFalse();
        }
    }

    @Test
    void tokensOfAnImageDoNotDependOnTheRestOfTheBatch() {
        try (Encoder encoder = create()) {
            INDArray batch = images(3, 2);
            INDArray together = encoder.encode(batch).tokens();
            for (int b = 0; b < 3; b++) {
                INDArray alone = encoder.encode(batch.get(NDArrayIndex.interval(b, b + 1)).dup()).tokens();
                double diff = Transforms.maxAbsDiff(together.get(NDArrayIndex.interval(b, b + 1)), alone);
                assertThat(diff).as("max |batch − alone| for image %d", b).isLessThanOrEqualTo(batchTolerance());
            }
        }
    }

    @Test
    void isDeterministicAndLeavesTheInputAlone() {
        try (Encoder encoder = create()) {
            INDArray input = images(1, 3);
            INDArray copy = input.dup();
            INDArray a = encoder.encode(input).tokens();
            INDArray b = encoder.encode(input).tokens();
            assertThat(Transforms.maxAbsDiff(a, b)).isZero();
            assertThat(input).isEqualTo(copy);
        }
    }

    @Test
    void rejectsMalformedInput() {
        try (Encoder encoder = create()) {
            assertThatThrownBy(() -> encoder.encode(Nd4j.rand(DataType.FLOAT, 3, imageHeight(), imageWidth())))
                    .as("rank-3 input").isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> encoder.encode(Nd4j.rand(DataType.FLOAT, 1, 4, imageHeight(), imageWidth())))
                    .as("4 channels").isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesToEncodeAfterClose() {
        Encoder encoder = create();
        encoder.close();
        assertThatThrownBy(() -> encoder.encode(images(1, 4))).isInstanceOf(IllegalStateException.class);
    }
}
