package ai.dfc.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.benchmark.EvalView;
import ai.dfc.api.correspondence.PixelFeatures;
import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GrounderEncoderMethodTest {
    private static final Encoder FLAT = new Encoder() {
        @Override
        public EncoderSpec spec() {
            return new EncoderSpec(14, 2, List.of(0));
        }

        @Override
        public DenseTokens encode(INDArray images) {
            return new DenseTokens(Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 1, 4, 2), 2, 2, 14);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void theRegionIsTheUnionOfTheAnsweredBoxesOnTheObject() {
        List<String> asked = new ArrayList<>();
        Grounder boxes = new Grounder() {
            @Override
            public Grounding ground(GroundingQuery q) {
                asked.add(q.category() + "/" + q.part().part() + "/" + q.sampleIndex());
                return Grounding.of(q.part().part().value().equals("rim") ? List.of(new Box(2.5, 3, 6, 4))
                        : List.of(new Box(20, 20, 27, 27)), "");
            }

            @Override
            public void close() {
            }
        };
        PartNamer namer = new PartNamer() {
            @Override
            public List<PartDescription> parts(ObjectCategory c, FunctionName f) {
                return List.of(new PartDescription(PartName.of("rim"), "- Rim - top"),
                        new PartDescription(PartName.of("spout"), "- Spout - lip"));
            }

            @Override
            public void close() {
            }
        };
        boolean[] object = new boolean[28 * 28];
        for (int i = 0; i < 20 * 28; i++) {
            object[i] = true; // rows 0–19
        }
        ImageSize size = ImageSize.square(28);
        EvalImage image = new EvalImage(RgbImage.filled(size, 0xFFFFFF), Mask.fromBooleans(size, object),
                new EvalView("a---mug.glb", ObjectCategory.of("mug"), "0000.png"));
        GrounderEncoderMethod m = new GrounderEncoderMethod(new EncoderBaseline(FLAT, "flat"), boxes, namer, "flat+boxes");
        PixelFeatures f = m.describe(image, FunctionName.of("pour-with"));
        assertThat(asked).containsExactly("mug/rim/0", "mug/spout/0");
        // rim box covers cols 3–6 of rows 3–4 (x0 = 2.5 rounds inward); the spout box lies below the object
        Mask region = f.functionalMask();
        assertThat(region.count()).isEqualTo(2 * 4);
        assertThat(region.get(3, 3)).isTrue();
        assertThat(region.get(4, 6)).isTrue();
        assertThat(region.get(3, 2)).isFalse();
        assertThat(region.get(22, 22)).isFalse();
        // outside any benchmark: no region
        assertThat(m.describe(new EvalImage(image.image(), image.objectMask()), FunctionName.of("pour-with"))
                .functionalMask()).isNull();
    }
}
