package ai.dfc.labeling.grounder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForegroundSamplerTest {
    private static final ImageSize SIZE = new ImageSize(40, 30);
    private static final int[] OBJECT = {5, 5, 30, 20};
    private static final int[] PART = {10, 8, 20, 15};

    @Test
    void drawsForegroundPixelsOutsideThePart() {
        ForegroundSampler s = new ForegroundSampler(Scenes.image(SIZE, OBJECT, PART), new PixelExtent(10, 8, 20, 15));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            int[] at = s.pick(random);
            assertThat(Scenes.inside(OBJECT, at[1], at[0])).isTrue();
            assertThat(Scenes.inside(PART, at[1], at[0])).isFalse();
        }
    }

    @Test
    void fallsBackToTheWholeForegroundThenTheWholeImage() {
        ForegroundSampler whole = new ForegroundSampler(Scenes.image(SIZE, OBJECT, OBJECT), new PixelExtent(5, 5, 30, 20));
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            int[] at = whole.pick(random);
            assertThat(Scenes.inside(OBJECT, at[1], at[0])).as("the part is the whole object").isTrue();
        }
        ForegroundSampler black = new ForegroundSampler(RgbImage.filled(SIZE, 0), new PixelExtent(10, 8, 20, 15));
        int outsideObject = 0;
        for (int i = 0; i < 200; i++) {
            int[] at = black.pick(random);
            assertThat(SIZE.contains(at[1], at[0])).isTrue();
            outsideObject += Scenes.inside(OBJECT, at[1], at[0]) ? 0 : 1;
        }
        assertThat(outsideObject).as("uniform over the image").isGreaterThan(50);
    }
}
