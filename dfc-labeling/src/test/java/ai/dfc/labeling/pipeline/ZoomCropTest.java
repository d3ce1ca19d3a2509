package ai.dfc.labeling.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import org.junit.jupiter.api.Test;

/** SPEC §3.6's crop box: side 1.5·max(w, h) around the aggregated box, truncated, clamped, offsets added back. */
class ZoomCropTest {

    @Test
    void squareOfOneAndAHalfTimesTheLongerSideAroundTheCentre() {
        // box 100..140 × 200..220: centre (120, 210), s = 60 → [90, 180, 150, 240]
        ZoomCrop z = ZoomCrop.around(new Box(100, 200, 140, 220), ImageSize.square(490)).orElseThrow();
        assertThat(z).isEqualTo(new ZoomCrop(90, 180, 150, 240));
        assertThat(z.offset()).containsExactly(90, 180);
        // half-pixel centres truncate: box 10..15 × 10..13, centre (12.5, 11.5), half side 3.75 → 8.75 → 8, 16.25 → 16,
        // 7.75 → 7, 15.25 → 15
        assertThat(ZoomCrop.around(new Box(10, 10, 15, 13), ImageSize.square(490)).orElseThrow())
                .isEqualTo(new ZoomCrop(8, 7, 16, 15));
    }

    @Test
    void clampedToTheImageSoCropsAtTheBorderAreNotSquare() {
        ZoomCrop z = ZoomCrop.around(new Box(0, 470, 40, 490), ImageSize.square(490)).orElseThrow();
        // centre (20, 480), s = 60: [-10, 450, 50, 510] → [0, 450, 50, 490]
        assertThat(z).isEqualTo(new ZoomCrop(0, 450, 50, 490));
        RgbImage img = RgbImage.filled(ImageSize.square(490), 0x123456);
        assertThat(z.apply(img).size()).isEqualTo(new ImageSize(50, 40));
        assertThat(z.toImage(new Box(1, 2, 3, 4))).isEqualTo(new Box(1, 452, 3, 454));
        // a degenerate box gives no crop
        assertThat(ZoomCrop.around(new Box(5, 5, 5, 5), ImageSize.square(490))).isEmpty();
    }
}
