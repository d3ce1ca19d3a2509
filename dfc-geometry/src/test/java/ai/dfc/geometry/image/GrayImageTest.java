package ai.dfc.geometry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import org.junit.jupiter.api.Test;

class GrayImageTest {
    private static final ImageSize SIZE = new ImageSize(3, 2);

    @Test
    void storesRowMajorUnsignedBytesAndCopiesThem() {
        byte[] px = {0, 1, 2, (byte) 200, (byte) 255, 5};
        GrayImage img = new GrayImage(SIZE, px);
        px[0] = 99;
        assertThat(img.get(0, 0)).isZero();
        assertThat(img.get(1, 0)).isEqualTo(200);
        assertThat(img.get(1, 1)).isEqualTo(255);
        img.toBytes()[1] = 42;
        assertThat(img.get(0, 1)).isEqualTo(1);
        assertThat(img.toInts()).containsExactly(0, 1, 2, 200, 255, 5);
        assertThat(img).isEqualTo(new GrayImage(SIZE, new byte[] {0, 1, 2, (byte) 200, (byte) 255, 5}))
                .hasSameHashCodeAs(new GrayImage(SIZE, new byte[] {0, 1, 2, (byte) 200, (byte) 255, 5}));
    }

    @Test
    void convertsToAndFromMasksAs0And255() {
        Mask mask = Mask.fromBooleans(SIZE, new boolean[] {true, false, false, false, true, true});
        GrayImage img = GrayImage.fromMask(mask);
        assertThat(img.toInts()).containsExactly(255, 0, 0, 0, 255, 255);
        assertThat(GrayImage.fromMask(mask, 1).toInts()).containsExactly(1, 0, 0, 0, 1, 1);
        assertThat(img.toMask()).isEqualTo(mask);
        assertThat(GrayImage.fromMask(mask, 1).toMask()).isEqualTo(mask);
    }

    @Test
    void thresholdsLikeOpenCvBinary() {
        GrayImage img = new GrayImage(SIZE, new byte[] {0, 127, (byte) 128, (byte) 129, (byte) 255, 64});
        // the reference's "binarize at 128" keeps values >= 128
        assertThat(img.thresholded(127).toInts()).containsExactly(0, 0, 255, 255, 255, 0);
        assertThat(img.thresholded(-1).toInts()).containsOnly(255);
        assertThat(img.thresholded(255).toInts()).containsOnly(0);
    }

    @Test
    void masksAndMapsGreyLevels() {
        GrayImage img = new GrayImage(SIZE, new byte[] {10, 70, (byte) 200, 0, 63, 64});
        Mask keep = Mask.fromBooleans(SIZE, new boolean[] {true, false, true, false, true, false});
        assertThat(img.masked(keep).toInts()).containsExactly(10, 0, 200, 0, 63, 0);
        assertThat(img.map(v -> Math.max(v, 64)).toInts()).containsExactly(64, 70, 200, 64, 64, 64);
        assertThatThrownBy(() -> img.map(v -> v + 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 0-255");
        assertThatThrownBy(() -> img.masked(Mask.empty(new ImageSize(2, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differs");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new GrayImage(SIZE, new byte[5])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 6 bytes");
        assertThatThrownBy(() -> new GrayImage(null, new byte[6])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GrayImage.filled(SIZE, 256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0-255");
        assertThatThrownBy(() -> GrayImage.filled(SIZE, 7).get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(GrayImage.filled(SIZE, 7).toInts()).containsOnly(7);
    }
}
