package ai.dfc.model.dinov2;

import static ai.dfc.model.dinov2.ParityFixtures.array;
import static ai.dfc.model.dinov2.ParityFixtures.maxAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.encoder.Encoder;
import ai.dfc.geometry.numpy.NpyArray;
import ai.dfc.runtime.run.RunContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Our SameDiff DINOv2 against PyTorch (tools/parity/dinov2_reference.py) on tiny random checkpoints: same tokens
 * within 1e-4 for both namings, F16/BF16 storage, registers + SwiGLU, square, non-square and non-divisible inputs.
 */
class Dinov2ParityTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path temp;

    private static final String[] ENGINES = {"eager", "samediff"};

    private Encoder encoder(Path weights, int heads, int lastBlocks, String engine) {
        return new Dinov2Encoder.Factory().create(new Dinov2Encoder.Config(weights.toString(), "", heads, lastBlocks, engine),
                new RunContext(temp.resolve("run"), temp.resolve("cache"), 1, Map.of()));
    }

    private Encoder encoder(Path weights, int heads, int lastBlocks) {
        return encoder(weights, heads, lastBlocks, "eager");
    }

    @ParameterizedTest
    @ValueSource(strings = {"84x84", "112x112", "56x98", "60x75", "84x90"})
    void huggingFaceCheckpointMatchesPyTorch(String size) {
        Map<String, NpyArray> io = ParityFixtures.io("dinov2-hf");
        for (String engine : ENGINES) {
            try (Encoder e = encoder(ParityFixtures.dir("dinov2-hf"), 0, 3, engine)) {
                INDArray tokens = e.encode(array(io, "pixels_" + size)).tokens();
                double err = maxAbsDiff(tokens, array(io, "tokens_" + size));
                System.out.printf("dinov2 parity %s %s: max abs error %.3g%n", engine, size, err);
                assertThat(err).as(engine).isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"84x84", "112x112", "56x98", "60x75", "84x90"})
    void positionalEmbeddingIsResizedAsPyTorchDoes(String size) {
        Map<String, NpyArray> io = ParityFixtures.io("dinov2-hf");
        INDArray expected = array(io, "pos_" + size);
        INDArray pixels = array(io, "pixels_" + size);
        int h = (int) pixels.size(2) / 14;
        int w = (int) pixels.size(3) / 14;
        try (var tensors = ai.dfc.model.weights.WeightFiles.open(ParityFixtures.dir("dinov2-hf"))) {
            Dinov2Weights weights = Dinov2Checkpoint.load(tensors, null, 3);
            float[] grid = weights.positions().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 37),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c').data().asFloat();
            INDArray ours = org.nd4j.linalg.factory.Nd4j.create(PositionEmbedding.resize(grid, 6, 48, h, w,
                    pixels.size(2) == pixels.size(3)),
                    new long[] {(long) h * w, 48}, 'c');
            assertThat(maxAbsDiff(ours, expected)).isLessThanOrEqualTo(1e-5);
        }
    }

    @Test
    void torchHubNamingGivesTheSameTokens() {
        Map<String, NpyArray> io = ParityFixtures.io("dinov2-hub");
        try (Encoder e = encoder(ParityFixtures.dir("dinov2-hub").resolve("model.safetensors"), 3, 3)) {
            INDArray tokens = e.encode(array(io, "pixels_56x98")).tokens();
            assertThat(maxAbsDiff(tokens, array(io, "tokens_56x98"))).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"f16", "bf16"})
    void halfPrecisionCheckpointsConvertExactly(String dtype) {
        Map<String, NpyArray> io = ParityFixtures.io("dinov2-hub");
        try (Encoder e = encoder(ParityFixtures.dir("dinov2-hub").resolve("model-" + dtype + ".safetensors"), 3, 3)) {
            INDArray tokens = e.encode(array(io, "pixels_56x98")).tokens();
            assertThat(maxAbsDiff(tokens, array(io, "tokens_" + dtype + "_56x98"))).isLessThanOrEqualTo(TOLERANCE);
            // and the rounding is visible: the F32 expectation differs by more than the tolerance
            assertThat(maxAbsDiff(tokens, array(io, "tokens_56x98"))).isGreaterThan(TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"70x70", "56x84"})
    void registersAndSwigluMatchPyTorch(String size) {
        Map<String, NpyArray> io = ParityFixtures.io("dinov2-reg-swiglu");
        for (String engine : ENGINES) {
            try (Dinov2Encoder e = (Dinov2Encoder) encoder(ParityFixtures.dir("dinov2-reg-swiglu"), 0, 2, engine)) {
                assertThat(e.architecture().registers()).isEqualTo(4);
                assertThat(e.architecture().swiglu()).isTrue();
                assertThat(e.architecture().heads()).isEqualTo(4);
                INDArray tokens = e.encode(array(io, "pixels_" + size)).tokens();
                double err = maxAbsDiff(tokens, array(io, "tokens_" + size));
                System.out.printf("dinov2 parity reg-swiglu %s %s: max abs error %.3g%n", engine, size, err);
                assertThat(err).as(engine).isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    @Test
    void bothEnginesAgreeOnABatchOfMixedImages() {
        INDArray pixels = array(ParityFixtures.io("dinov2-hf"), "pixels_112x112");
        try (Encoder eager = encoder(ParityFixtures.dir("dinov2-hf"), 0, 4, "eager");
                Encoder graph = encoder(ParityFixtures.dir("dinov2-hf"), 0, 4, "samediff")) {
            INDArray a = eager.encode(pixels).tokens();
            INDArray b = graph.encode(pixels).tokens();
            assertThat(maxAbsDiff(a, b)).isLessThanOrEqualTo(1e-5);
            // a second call on reused buffers gives the same result
            assertThat(maxAbsDiff(eager.encode(pixels).tokens(), a)).isZero();
        }
    }

    @Test
    void architectureIsReadFromShapesAndConfig() {
        try (Dinov2Encoder e = (Dinov2Encoder) encoder(ParityFixtures.dir("dinov2-hf"), 0, 3)) {
            Dinov2Architecture a = e.architecture();
            assertThat(a).isEqualTo(new Dinov2Architecture(48, 4, 3, 192, false, 14, 6, 0, 1e-6));
            assertThat(e.spec().layers()).containsExactly(1, 2, 3);
            assertThat(e.spec().stride()).isEqualTo(14);
            assertThat(e.spec().channels()).isEqualTo(48);
        }
    }
}
