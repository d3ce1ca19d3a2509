package ai.dfc.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.benchmark.EvalPair;
import ai.dfc.api.benchmark.EvalView;
import ai.dfc.api.correspondence.CorrespondenceMethod;
import ai.dfc.api.correspondence.CorrespondenceSet;
import ai.dfc.api.correspondence.PixelFeatures;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.eval.match.CycleProposals;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** End-to-end scoring on a synthetic benchmark: two 8×8 squares at different places in 40×40 images. */
class EvaluatorTest {
    private static final int W = 40;
    private static final int SIDE = 8;
    private static final int[] OFFSET_A = {4, 6};
    private static final int[] OFFSET_B = {20, 25};

    private static Mask square(int[] offset) {
        boolean[] m = new boolean[W * W];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                m[(offset[0] + r) * W + offset[1] + c] = true;
            }
        }
        return Mask.fromBooleans(ImageSize.square(W), m);
    }

    private static final EvalImage A = new EvalImage(RgbImage.filled(ImageSize.square(W), 0xFFFFFF), square(OFFSET_A));
    private static final EvalImage B = new EvalImage(RgbImage.filled(ImageSize.square(W), 0xFFFFFF), square(OFFSET_B));

    /** Every pixel of square A ↔ the same relative pixel of square B. */
    private static final Benchmark BENCH = new Benchmark() {
        @Override
        public List<EvalPair> pairs() {
            int[] a = new int[2 * SIDE * SIDE];
            int[] b = new int[a.length];
            for (int i = 0; i < SIDE * SIDE; i++) {
                a[2 * i] = OFFSET_A[0] + i / SIDE;
                a[2 * i + 1] = OFFSET_A[1] + i % SIDE;
                b[2 * i] = OFFSET_B[0] + i / SIDE;
                b[2 * i + 1] = OFFSET_B[1] + i % SIDE;
            }
            return List.of(new EvalPair("p", FunctionName.of("pour-with"), new EvalView("a", ObjectCategory.of("mug"), "0.png"),
                    new EvalView("b", ObjectCategory.of("jug"), "0.png"),
                    new CorrespondenceSet(ImageSize.square(W), a, ImageSize.square(W), b)));
        }

        @Override
        public EvalImage image(EvalView view) {
            return view.assetId().equals("a") ? A : B;
        }

        @Override
        public void close() {
        }
    };

    /** One-hot features of a pixel's position inside its object's square; background all zero. */
    private static final CorrespondenceMethod RELATIVE_POSITION = new CorrespondenceMethod() {
        @Override
        public String name() {
            return "relative-position";
        }

        @Override
        public PixelFeatures describe(EvalImage image, FunctionName function) {
            int[] off = image == A ? OFFSET_A : OFFSET_B;
            float[][] f = new float[W * W][SIDE * SIDE];
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    f[(off[0] + r) * W + off[1] + c][r * SIDE + c] = 1;
                }
            }
            return new PixelFeatures(Nd4j.createFromArray(f), ImageSize.square(W), null);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void aPerfectMethodScoresPck1AndAp1InBothDirections() {
        Evaluator.Run run = Evaluator.evaluate(BENCH, new FeaturePredictor(RELATIVE_POSITION), done -> { });
        assertThat(run.entries()).hasSize(2);
        Map<String, Double> s = Summary.columns(run.entries());
        assertThat(s.get("PCK_10")).isEqualTo(1.0);
        assertThat(s.get("norm_dist")).isZero();
        assertThat(s.get("mAP_5")).isEqualTo(1.0);
        assertThat(s.get("mean_best_f1_5")).isEqualTo(1.0);
        assertThat(s.get("PCK_10_within")).isNaN();
        assertThat(s.get("PCK_10_across")).isEqualTo(1.0);
        assertThat(run.predictions().get(0).proposals().ranked().size()).isEqualTo(SIDE * SIDE);
    }

    @Test
    void chanceScoresNearItsAnalyticExpectation() {
        // E[PCK@τ] = mean over GT targets t of |{p in square B : |p − t| ≤ τ}| / 64, and E[error] likewise, exactly
        double expected5 = 0;
        double expectedDist = 0;
        for (int t = 0; t < 64; t++) {
            for (int p = 0; p < 64; p++) {
                double d = Math.hypot(p / SIDE - t / SIDE, p % SIDE - t % SIDE);
                expected5 += d <= 5 ? 1 : 0;
                expectedDist += d;
            }
        }
        expected5 /= 64 * 64;
        expectedDist /= 64 * 64;
        double pck5 = 0;
        double dist = 0;
        int runs = 40;
        for (int seed = 0; seed < runs; seed++) {
            List<EntryResult> entries = Evaluator.evaluate(BENCH, new ChancePredictor(seed), d -> { }).entries();
            for (EntryResult e : entries) {
                dist += e.labelTransfer().normalizedDistance() * 223 / (2 * runs);
            }
            // PCK@5 from the raw predictions (the summary reports 23/15/10)
            for (Evaluator.EntryPredictions p : Evaluator.evaluate(BENCH, new ChancePredictor(seed), d -> { }).predictions()) {
                int[] truth = p.reversed() ? BENCH.pairs().get(0).groundTruth().sourcePoints()
                        : BENCH.pairs().get(0).groundTruth().targetPoints();
                int hits = 0;
                for (int i = 0; i < truth.length / 2; i++) {
                    hits += Math.hypot(p.predicted()[2 * i] - truth[2 * i], p.predicted()[2 * i + 1] - truth[2 * i + 1]) <= 5 ? 1 : 0;
                }
                pck5 += hits / 64.0 / (2 * runs);
            }
        }
        // 5,120 samples per estimate: standard errors ≈ 0.007 (PCK) and ≈ 0.03 px (distance)
        assertThat(expected5).isBetween(0.6, 0.95);
        assertThat(pck5).isCloseTo(expected5, within(0.03));
        assertThat(dist).isCloseTo(expectedDist, within(0.15));
    }

    @Test
    void csvHasTheReferenceColumns() {
        Map<String, Double> s = Summary.columns(Evaluator.evaluate(BENCH, new ChancePredictor(1), d -> { }).entries());
        String csv = Summary.csv(Map.of("Chance", s));
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith(
                "name,epoch,norm_dist,norm_dist_within,norm_dist_across,PCK_23,PCK_23_within,PCK_23_across,PCK_15");
        assertThat(csv).contains("mAP_5_across");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("Chance,,");
        assertThat(new CycleProposals.Ranked(new int[0], new int[0], new double[0]).size()).isZero();
    }
}
