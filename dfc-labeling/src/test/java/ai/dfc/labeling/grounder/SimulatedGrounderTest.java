package ai.dfc.labeling.grounder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import ai.dfc.testing.GrounderContractTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedGrounderTest extends GrounderContractTest<SimulatedGrounder.Config> {
    private static final ImageSize SIZE = new ImageSize(128, 112);
    /** The object covers most of the image, away from its border. */
    private static final int[] OBJECT = {10, 12, 117, 99};
    /** A 40 × 30 part in the middle of the object. */
    private static final int[] PART = {44, 40, 83, 69};
    /** A part touching the image's right border, so that answers need clamping. */
    private static final int[] BORDER_PART = {100, 30, 127, 70};
    private static final int SAMPLES = 4000;

    @Override
    protected PluginFactory<SimulatedGrounder.Config, Grounder> factory() {
        return new SimulatedGrounder.Factory();
    }

    @Override
    protected SimulatedGrounder.Config nonDefaultSettings() {
        return new SimulatedGrounder.Config(0.2, 0.3, 0.2, 0.1, 0.15, 7);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("jitter", -0.1, "scale_sigma", 3.0, "miss_probability", 1.5, "confusion_probability", -1,
                "spurious_probability", 2, "seed", "x");
    }

    /** The default error model without misses, so that the contract's answerable query is always answered. */
    @Override
    protected SimulatedGrounder.Config workingSettings() {
        SimulatedGrounder.Config d = SimulatedGrounder.Config.defaults();
        return new SimulatedGrounder.Config(d.jitter(), d.scaleSigma(), 0, d.confusionProbability(),
                d.spuriousProbability(), d.seed());
    }

    @Override
    protected GroundingQuery answerableQuery() {
        return Scenes.query(SIZE, new int[] {60, 12, 127, 99}, BORDER_PART, 0);
    }

    @Override
    protected GroundingQuery emptyQuery() {
        return new GroundingQuery(Scenes.image(SIZE, OBJECT, PART), Scenes.CATEGORY, Scenes.RIM, 0);
    }

    private static Grounder grounder(SimulatedGrounder.Config config) {
        return new SimulatedGrounder(config, 1234);
    }

    @Test
    void isNamedAndDescribedAsASimulation() {
        assertThat(factory().name()).isEqualTo("simulated");
        assertThat(factory().description()).containsIgnoringCase("simulation");
    }

    @Test
    void answersTheTrueBoxWithoutErrors() {
        try (Grounder g = grounder(SimulatedGrounder.Config.exact())) {
            for (int sample = 0; sample < 5; sample++) {
                Grounding answer = g.ground(Scenes.query(SIZE, OBJECT, PART, sample));
                assertThat(answer.outcome()).isEqualTo(Grounding.Outcome.BOXES);
                assertThat(answer.boxes()).containsExactly(new Box(44, 40, 83, 69));
                assertThat(answer.raw()).isEmpty();
            }
        }
    }

    @Test
    void answersNoBoxWithoutTruthOrWithAnEmptyTruth() {
        try (Grounder g = grounder(SimulatedGrounder.Config.exact())) {
            RgbImage image = Scenes.image(SIZE, OBJECT, PART);
            assertThat(g.ground(new GroundingQuery(image, Scenes.CATEGORY, Scenes.RIM, 0)).outcome())
                    .isEqualTo(Grounding.Outcome.NO_BOX);
            Grounding empty = g.ground(new GroundingQuery(image, Scenes.CATEGORY, Scenes.RIM, 0, Mask.empty(SIZE)));
            assertThat(empty.outcome()).isEqualTo(Grounding.Outcome.NO_BOX);
            assertThat(empty.boxes()).isEmpty();
        }
    }

    /**
     * The default error model over many samples. Expected values, from the model's definition: a non-confused
     * box's IoU with the true box averages 0.683 (a NumPy Monte Carlo of the continuous model, 200,000 draws,
     * independent of box size); the last box is the real one unless it was confused (5 %) or a spurious box came
     * last (5 % × ½), so the last box's mean IoU is about 0.683 × 0.95 × 0.975 = 0.633 plus the small overlap of
     * wrong boxes placed next to the part. Bands are several standard errors wide for 4,000 samples.
     */
    @Test
    void defaultErrorModelMatchesItsSettingsOverManySamples() {
        int missed = 0;
        int answered = 0;
        int multi = 0;
        int confusedSingles = 0;
        int singles = 0;
        double lastIou = 0;
        try (Grounder g = grounder(SimulatedGrounder.Config.defaults())) {
            RgbImage image = Scenes.image(SIZE, OBJECT, PART);
            Mask truth = Scenes.mask(SIZE, PART);
            for (int sample = 0; sample < SAMPLES; sample++) {
                Grounding answer = g.ground(new GroundingQuery(image, Scenes.CATEGORY, Scenes.RIM, sample, truth));
                if (answer.outcome() == Grounding.Outcome.NO_BOX) {
                    missed++;
                    continue;
                }
                assertThat(answer.outcome()).isEqualTo(Grounding.Outcome.BOXES);
                answered++;
                for (Box b : answer.boxes()) {
                    assertThat(b.x0()).isBetween(0.0, SIZE.width() - 1.0);
                    assertThat(b.x1()).isBetween(b.x0(), SIZE.width() - 1.0);
                    assertThat(b.y0()).isBetween(0.0, SIZE.height() - 1.0);
                    assertThat(b.y1()).isBetween(b.y0(), SIZE.height() - 1.0);
                    assertThat(b.x0() % 1).as("whole pixels").isZero();
                }
                assertThat(answer.boxes()).hasSizeBetween(1, 2);
                if (answer.boxes().size() == 2) {
                    multi++;
                } else {
                    singles++;
                    Box b = answer.boxes().get(0);
                    if (!Scenes.inside(PART, (int) Math.round(b.centreY()), (int) Math.round(b.centreX()))) {
                        confusedSingles++;
                    }
                }
                lastIou += Scenes.iou(answer.boxes().get(answer.boxes().size() - 1), PART);
            }
        }
        assertThat(missed / (double) SAMPLES).as("miss rate").isBetween(0.085, 0.115);
        assertThat(multi / (double) answered).as("spurious rate").isBetween(0.04, 0.06);
        assertThat(confusedSingles / (double) singles).as("confusion rate").isBetween(0.04, 0.06);
        assertThat(lastIou / answered).as("mean IoU of the kept (last) box").isBetween(0.61, 0.66);
    }

    @Test
    void jitterAndScaleAloneGiveTheExpectedMeanIou() {
        double sum = 0;
        double min = 1;
        try (Grounder g = grounder(new SimulatedGrounder.Config(0.1, 0.15, 0, 0, 0, 3))) {
            RgbImage image = Scenes.image(SIZE, OBJECT, PART);
            Mask truth = Scenes.mask(SIZE, PART);
            for (int sample = 0; sample < SAMPLES; sample++) {
                Box b = g.ground(new GroundingQuery(image, Scenes.CATEGORY, Scenes.RIM, sample, truth)).boxes().get(0);
                double iou = Scenes.iou(b, PART);
                sum += iou;
                min = Math.min(min, iou);
            }
        }
        // 0.683 by the independent Monte Carlo (see above); pixel rounding moves it by well under 0.01
        assertThat(sum / SAMPLES).isBetween(0.665, 0.70);
        assertThat(min).as("jitter alone never loses the part").isGreaterThan(0.1);
    }

    @Test
    void confusedBoxesLieElsewhereOnTheObject() {
        try (Grounder g = grounder(new SimulatedGrounder.Config(0.1, 0.15, 0, 1, 0, 0))) {
            RgbImage image = Scenes.image(SIZE, OBJECT, PART);
            Mask truth = Scenes.mask(SIZE, PART);
            for (int sample = 0; sample < 300; sample++) {
                List<Box> boxes = g.ground(new GroundingQuery(image, Scenes.CATEGORY, Scenes.RIM, sample, truth)).boxes();
                assertThat(boxes).hasSize(1);
                int row = (int) Math.round(boxes.get(0).centreY());
                int col = (int) Math.round(boxes.get(0).centreX());
                assertThat(Scenes.inside(PART, row, col)).as("centre (row %d, col %d) off the part", row, col).isFalse();
                assertThat(Scenes.inside(new int[] {OBJECT[0] - 1, OBJECT[1] - 1, OBJECT[2] + 1, OBJECT[3] + 1}, row, col))
                        .as("centre (row %d, col %d) on the object", row, col).isTrue();
            }
        }
    }

    @Test
    void spuriousBoxesComeBeforeOrAfterTheRealOne() {
        int realLast = 0;
        int n = 400;
        try (Grounder g = grounder(new SimulatedGrounder.Config(0.05, 0.05, 0, 0, 1, 0))) {
            for (int sample = 0; sample < n; sample++) {
                List<Box> boxes = g.ground(Scenes.query(SIZE, OBJECT, PART, sample)).boxes();
                assertThat(boxes).hasSize(2);
                boolean firstReal = Scenes.iou(boxes.get(0), PART) > 0.5;
                boolean lastReal = Scenes.iou(boxes.get(1), PART) > 0.5;
                assertThat(firstReal).as("exactly one real box").isNotEqualTo(lastReal);
                realLast += lastReal ? 1 : 0;
            }
        }
        assertThat(realLast / (double) n).isBetween(0.42, 0.58);
    }

    @Test
    void clampsBoxesIntoTheImage() {
        try (Grounder g = grounder(new SimulatedGrounder.Config(0.3, 0.5, 0, 0.2, 0.2, 0))) {
            for (int sample = 0; sample < 500; sample++) {
                GroundingQuery q = Scenes.query(SIZE, new int[] {60, 0, 127, 111}, BORDER_PART, sample);
                for (Box b : g.ground(q).boxes()) {
                    assertThat(b.x0()).isGreaterThanOrEqualTo(0);
                    assertThat(b.y0()).isGreaterThanOrEqualTo(0);
                    assertThat(b.x1()).isLessThanOrEqualTo(SIZE.width() - 1);
                    assertThat(b.y1()).isLessThanOrEqualTo(SIZE.height() - 1);
                }
            }
        }
    }

    @Test
    void isAPureFunctionOfImageContentPartSampleAndSeeds() {
        SimulatedGrounder.Config config = SimulatedGrounder.Config.defaults();
        try (Grounder a = grounder(config); Grounder b = grounder(config)) {
            Set<List<Box>> distinct = new HashSet<>();
            for (int sample = 0; sample < 40; sample++) {
                // a fresh but identical image each time: the answer depends on content, not identity
                List<Box> first = a.ground(Scenes.query(SIZE, OBJECT, PART, sample)).boxes();
                assertThat(b.ground(Scenes.query(SIZE, OBJECT, PART, sample)).boxes()).isEqualTo(first);
                assertThat(a.ground(Scenes.query(SIZE, OBJECT, PART, sample)).boxes()).isEqualTo(first);
                distinct.add(first);
            }
            assertThat(distinct).as("different sample indices answer differently").hasSizeGreaterThan(30);
        }
        List<Box> reference = answers(grounder(config), Scenes.RIM, SIZE);
        assertThat(answers(new SimulatedGrounder(config, 99), Scenes.RIM, SIZE)).as("master seed").isNotEqualTo(reference);
        assertThat(answers(grounder(new SimulatedGrounder.Config(0.1, 0.15, 0.1, 0.05, 0.05, 1)), Scenes.RIM, SIZE))
                .as("seed setting").isNotEqualTo(reference);
        PartDescription otherLine = new PartDescription(PartName.of("rim"), "- Rim - The top edge.");
        assertThat(answers(grounder(config), otherLine, SIZE)).as("part description").isNotEqualTo(reference);
    }

    /** The first box (or none) of samples 0–9 of the standard scene, one answer after the other. */
    private static List<Box> answers(Grounder g, PartDescription part, ImageSize size) {
        try (g) {
            RgbImage image = Scenes.image(size, OBJECT, PART);
            Mask truth = Scenes.mask(size, PART);
            return java.util.stream.IntStream.range(0, 10)
                    .mapToObj(s -> g.ground(new GroundingQuery(image, Scenes.CATEGORY, part, s, truth)).boxes())
                    .map(boxes -> boxes.isEmpty() ? new Box(-1, -1, -1, -1) : boxes.get(0))
                    .toList();
        }
    }

    @Test
    void rejectsANullQueryAndNullSettings() {
        try (Grounder g = grounder(SimulatedGrounder.Config.defaults())) {
            assertThatThrownBy(() -> g.ground(null)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new SimulatedGrounder(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
