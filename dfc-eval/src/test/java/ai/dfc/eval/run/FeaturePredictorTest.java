package ai.dfc.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.correspondence.CorrespondenceMethod;
import ai.dfc.api.correspondence.PixelFeatures;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.FunctionName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The functional-region rules: restriction, the 16-pixel fallback, functional proposals first. */
class FeaturePredictorTest {
    private static final int W = 20;
    private static final FunctionName POUR = FunctionName.of("pour-with");

    /** Object = rows/cols 2–11 (100 px); features one-hot of the pixel's position in that square. */
    private static EvalImage image() {
        boolean[] m = new boolean[W * W];
        for (int r = 2; r < 12; r++) {
            for (int c = 2; c < 12; c++) {
                m[r * W + c] = true;
            }
        }
        return new EvalImage(RgbImage.filled(ImageSize.square(W), 0), Mask.fromBooleans(ImageSize.square(W), m));
    }

    private static Mask block(int r0, int c0, int side) {
        boolean[] m = new boolean[W * W];
        for (int r = r0; r < r0 + side; r++) {
            for (int c = c0; c < c0 + side; c++) {
                m[r * W + c] = true;
            }
        }
        return Mask.fromBooleans(ImageSize.square(W), m);
    }

    private static CorrespondenceMethod withRegion(Mask region) {
        return new CorrespondenceMethod() {
            @Override
            public String name() {
                return "one-hot";
            }

            @Override
            public PixelFeatures describe(EvalImage image, FunctionName function) {
                float[][] f = new float[W * W][100];
                for (int r = 2; r < 12; r++) {
                    for (int c = 2; c < 12; c++) {
                        f[r * W + c][(r - 2) * 10 + (c - 2)] = 1;
                    }
                }
                return new PixelFeatures(Nd4j.createFromArray(f), ImageSize.square(W), region);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void transferSearchesTheFunctionalRegionOrFallsBackBelow16Pixels() {
        EvalImage a = image();
        EvalImage b = image();
        int[] query = {10, 10};
        // a 4×4 region (16 px) is used: the match of (10, 10) must lie inside it although its twin is outside
        int[] inside = new FeaturePredictor(withRegion(block(2, 2, 4))).transfer(a, b, POUR, query);
        assertThat(inside[0]).isBetween(2, 5);
        assertThat(inside[1]).isBetween(2, 5);
        // a 3×3 region (9 px) is below the minimum: the object masks are searched and the twin is found
        int[] fallback = new FeaturePredictor(withRegion(block(2, 2, 3))).transfer(a, b, POUR, query);
        assertThat(fallback).containsExactly(10, 10);
    }

    @Test
    void discoveryRanksFunctionalProposalsFirst() {
        Predictor.Proposals p = new FeaturePredictor(withRegion(block(2, 2, 5))).discover(image(), image(), POUR);
        assertThat(p.functional()).isEqualTo(25);
        assertThat(p.ranked().size()).isEqualTo(100);
        for (int i = 0; i < 25; i++) {
            assertThat(p.ranked().source()[2 * i]).isBetween(2, 6);
            assertThat(p.ranked().source()[2 * i + 1]).isBetween(2, 6);
        }
        // without masks: one run on the whole objects
        assertThat(new FeaturePredictor(withRegion(null)).discover(image(), image(), POUR).functional()).isZero();
    }
}
