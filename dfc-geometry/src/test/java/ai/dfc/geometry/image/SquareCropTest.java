package ai.dfc.geometry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.Pixel;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import org.junit.jupiter.api.Test;

class SquareCropTest {

    /** A mask with foreground rows {@code r0..r1} and cols {@code c0..c1}, inclusive. */
    private static Mask rectangle(ImageSize size, int r0, int r1, int c0, int c1) {
        boolean[] v = new boolean[size.area()];
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                v[r * size.width() + c] = true;
            }
        }
        return Mask.fromBooleans(size, v);
    }

    @Test
    void computesTheReferenceBox() {
        // rows 20..39, cols 10..49 → padded x 70..109, y 80..99; c = (89.5, 89.5); longest side 39
        // h = floor(1.2·39/2) = floor(23.4) = 23; box [int(66.5), int(66.5), int(112.5), int(112.5)]
        SquareCrop crop = SquareCrop.fromObjectMask(rectangle(ImageSize.square(100), 20, 39, 10, 49));
        assertThat(new int[] {crop.x0(), crop.y0(), crop.x1(), crop.y1()}).containsExactly(66, 66, 112, 112);
        assertThat(crop.scale()).isCloseTo(224.0 / 46, within(1e-12));
        assertThat(crop.outputSize()).isEqualTo(ImageSize.square(224));
        // (row 20, col 10): (20 + 60 − 66)·4.8696 = 68.17 → 68, (10 + 60 − 66)·4.8696 = 19.48 → 19
        assertThat(crop.map(new Pixel(20, 10))).isEqualTo(new Pixel(68, 19));
        assertThat(crop.box().width()).isEqualTo(46);
    }

    @Test
    void roundsPointsHalfToEvenAndClamps() {
        // cols 10..64 (side 54), rows 30..40 → padded x 70..124, y 90..100; c = (97, 95);
        // h = floor(1.2·54/2) = floor(32.4) = 32 → box [65, 63, 129, 127], r = 224/64 = 3.5
        SquareCrop crop = SquareCrop.fromObjectMask(rectangle(ImageSize.square(100), 30, 40, 10, 64));
        assertThat(new int[] {crop.x0(), crop.y0(), crop.x1(), crop.y1()}).containsExactly(65, 63, 129, 127);
        assertThat(crop.mapCol(6)).isEqualTo(4); // (6 − 5)·3.5 = 3.5 → 4
        assertThat(crop.mapCol(8)).isEqualTo(10); // (8 − 5)·3.5 = 10.5 → 10, not 11
        assertThat(crop.mapRow(4)).isEqualTo(4); // (4 − 3)·3.5 = 3.5 → 4
        assertThat(crop.mapRow(6)).isEqualTo(10); // (6 − 3)·3.5 = 10.5 → 10
        assertThat(crop.mapCol(4)).isZero(); // −3.5 → −4 → clamped to 0
        assertThat(crop.mapCol(99)).isEqualTo(223); // 94·3.5 = 329 → clamped to 223
    }

    @Test
    void aBoxBeyondThePaddedImageIsNotClampedAndMayBeOffSquare() {
        // a thin object along the left edge of a 30 × 200 source: cols 0..3, rows 0..199
        // padded x 60..63, y 60..259; c = (61.5, 159.5); h = floor(1.2·199/2) = 119
        // box [int(−57.5), int(40.5), int(180.5), int(278.5)] = [−57, 40, 180, 278]: 237 wide, 238 high
        ImageSize size = new ImageSize(30, 200);
        Mask mask = rectangle(size, 0, 199, 0, 3);
        SquareCrop crop = SquareCrop.fromObjectMask(mask);
        assertThat(new int[] {crop.x0(), crop.y0(), crop.x1(), crop.y1()}).containsExactly(-57, 40, 180, 278);
        // one scale, from the width, for both axes: r = 224/237
        assertThat(crop.map(new Pixel(0, 0))).isEqualTo(new Pixel(19, 111)); // 18.90 → 19, 110.58 → 111
        assertThat(crop.mapRow(199)).isEqualTo(207); // 219·224/237 = 206.99 → 207
        Mask out = crop.apply(mask);
        assertThat(out.size()).isEqualTo(ImageSize.square(224));
        assertThat(out.get(crop.mapRow(100), crop.mapCol(1))).isTrue();
        RgbImage rgb = crop.applyToRender(RgbImage.filled(size, 0x00FF00), mask);
        assertThat(rgb.rgb(112, 0)).isZero(); // left of the padded image: black
        assertThat(rgb.rgb(112, 223)).isZero(); // right of it (x ≥ 150): black
        assertThat(rgb.rgb(112, 80)).isEqualTo(0xFFFFFF); // padding / composited background: white
        // on the 4-px-wide green object (Lanczos mixes in some white from its sides)
        assertThat(rgb.channel(crop.mapRow(100), crop.mapCol(1), 1)).isEqualTo(255);
        assertThat(rgb.channel(crop.mapRow(100), crop.mapCol(1), 0)).isLessThan(100);
    }

    @Test
    void appliesTheSameBoxToImagesMasksAndLabels() {
        // 4 × 3 source, pad 2 → 8 × 7 padded; box [−1, −1, 5, 5] onto 6 px: no resampling
        ImageSize size = new ImageSize(4, 3);
        SquareCrop crop = SquareCrop.of(size, 2, -1, -1, 5, 5, 6);
        Mask mask = Mask.fromBooleans(size, new boolean[] {true, true, false, false, true, true, false, false,
            false, false, false, false});
        RgbImage rgb = crop.applyToRender(RgbImage.filled(size, 0x336699), mask);
        assertThat(rgb.rgb(0, 0)).isZero(); // outside the padded image
        assertThat(rgb.rgb(1, 1)).isEqualTo(0xFFFFFF); // padding
        assertThat(rgb.rgb(3, 3)).isEqualTo(0x336699); // source (0, 0), on the object
        assertThat(rgb.rgb(3, 5)).isEqualTo(0xFFFFFF); // source (0, 2), off the object
        Mask cropped = crop.apply(mask);
        assertThat(cropped.flatIndices()).containsExactly(3 * 6 + 3, 3 * 6 + 4, 4 * 6 + 3, 4 * 6 + 4);
        GrayImage label = GrayImage.fromMask(Mask.fromBooleans(size, new boolean[] {false, true, true, false,
            false, true, true, false, false, false, false, false}));
        GrayImage croppedLabel = crop.applyToLabel(label, mask);
        assertThat(croppedLabel.toMask().flatIndices()).containsExactly(3 * 6 + 4, 4 * 6 + 4);
        assertThat(croppedLabel.get(3, 4)).isEqualTo(255);
        assertThat(crop.applyToLabel(label.toMask(), mask)).isEqualTo(croppedLabel.toMask());
        assertThat(crop.map(new Pixel(0, 0))).isEqualTo(new Pixel(3, 3));
    }

    @Test
    void rejectsUnusableMasksAndMismatchedImages() {
        ImageSize size = ImageSize.square(10);
        assertThatThrownBy(() -> SquareCrop.fromObjectMask(Mask.empty(size)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SquareCrop.fromObjectMask(rectangle(size, 4, 4, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
        SquareCrop crop = SquareCrop.fromObjectMask(rectangle(size, 2, 7, 2, 7));
        assertThatThrownBy(() -> crop.apply(Mask.empty(ImageSize.square(11))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("computed for 10x10");
        assertThatThrownBy(() -> SquareCrop.of(size, -1, 0, 0, 1, 1, 224))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pad");
        assertThat(crop).isEqualTo(SquareCrop.fromObjectMask(rectangle(size, 2, 7, 2, 7)));
    }
}
