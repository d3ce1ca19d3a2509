package ai.dfc.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.correspondence.PixelFeatures;
import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.FunctionName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EncoderBaselineTest {
    /** Two layers over a 2×2 grid of 3-channel tokens: layer 1 = token index one-hot-ish, layer 2 = twice that. */
    private static final Encoder TOY = new Encoder() {
        @Override
        public EncoderSpec spec() {
            return new EncoderSpec(14, 3, List.of(0, 1));
        }

        @Override
        public DenseTokens encode(INDArray images) {
            float[] t = new float[2 * 4 * 3];
            for (int k = 0; k < 4; k++) {
                t[k * 3 + k % 3] = 1 + k;
                t[12 + k * 3 + k % 3] = 2 * (1 + k);
            }
            return new DenseTokens(Nd4j.createFromArray(t).reshape(1, 2, 4, 3), 2, 2, 14);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void averagesLayersNormalizesSamplesAndNormalizesAgain() {
        EvalImage image = new EvalImage(RgbImage.filled(ImageSize.square(28), 0x808080),
                Mask.empty(ImageSize.square(28)));
        PixelFeatures f = new EncoderBaseline(TOY, "toy").describe(image, FunctionName.of("cut-with"));
        assertThat(f.features().shape()).containsExactly(28 * 28, 3);
        assertThat(f.functionalMask()).isNull();
        // every pixel's feature has unit length
        INDArray norms = f.features().norm2(1);
        for (int i = 0; i < 28 * 28; i++) {
            assertThat(norms.getDouble(i)).isCloseTo(1.0, within(1e-5));
        }
        // pixel (7, 7) sits exactly on token (0, 0)'s centre (7·2/28 − 0.5 = 0): its feature is token 0's direction
        assertThat(f.features().getDouble(7 * 28 + 7, 0)).isCloseTo(1.0, within(1e-6));
        // pixel (21, 7) is token (1, 0) = index 2 → channel 2
        assertThat(f.features().getDouble(21 * 28 + 7, 2)).isCloseTo(1.0, within(1e-6));
    }
}
