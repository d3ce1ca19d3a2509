package ai.dfc.geometry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import org.junit.jupiter.api.Test;

class ImageRegionsTest {
    private static final ImageSize SIZE = new ImageSize(3, 2);

    @Test
    void padsAllFourSides() {
        GrayImage img = new GrayImage(SIZE, new byte[] {1, 2, 3, 4, 5, 6});
        GrayImage padded = ImageRegions.pad(img, 2, 9);
        assertThat(padded.size()).isEqualTo(new ImageSize(7, 6));
        assertThat(padded.get(0, 0)).isEqualTo(9);
        assertThat(padded.get(2, 2)).isEqualTo(1);
        assertThat(padded.get(3, 4)).isEqualTo(6);
        assertThat(padded.get(5, 6)).isEqualTo(9);
        RgbImage rgb = ImageRegions.pad(RgbImage.filled(SIZE, 0x102030), 1, ImageRegions.WHITE);
        assertThat(rgb.rgb(0, 0)).isEqualTo(0xFFFFFF);
        assertThat(rgb.rgb(1, 1)).isEqualTo(0x102030);
        assertThat(rgb.rgb(3, 4)).isEqualTo(0xFFFFFF);
    }

    @Test
    void cropsHalfOpenBoxesAndFillsOutsideWithZero() {
        GrayImage img = new GrayImage(SIZE, new byte[] {1, 2, 3, 4, 5, 6});
        assertThat(ImageRegions.crop(img, 1, 0, 3, 2).toInts()).containsExactly(2, 3, 5, 6);
        assertThat(ImageRegions.crop(img, -1, -1, 2, 1).toInts()).containsExactly(0, 0, 0, 0, 1, 2);
        RgbImage rgb = ImageRegions.crop(RgbImage.filled(SIZE, 0xFFFFFF), 2, 1, 4, 3);
        assertThat(rgb.rgb(0, 0)).isEqualTo(0xFFFFFF);
        assertThat(rgb.rgb(0, 1)).isZero();
        assertThat(rgb.rgb(1, 0)).isZero();
        assertThatThrownBy(() -> ImageRegions.crop(img, 2, 0, 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x0 < x1");
        assertThatThrownBy(() -> ImageRegions.pad(img, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compositesOntoABackground() {
        RgbImage rgb = RgbImage.filled(SIZE, 0x112233);
        Mask mask = Mask.fromBooleans(SIZE, new boolean[] {true, false, false, false, false, true});
        RgbImage out = ImageRegions.composite(rgb, mask, ImageRegions.WHITE);
        assertThat(out.rgb(0, 0)).isEqualTo(0x112233);
        assertThat(out.rgb(0, 1)).isEqualTo(0xFFFFFF);
        assertThat(out.rgb(1, 2)).isEqualTo(0x112233);
        assertThatThrownBy(() -> ImageRegions.composite(rgb, Mask.empty(new ImageSize(2, 3)), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differs");
    }
}
