package ai.dfc.geometry.image;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.image.ImageSize;
import org.junit.jupiter.api.Test;

class OtsuThresholdTest {

    @Test
    void splitsATwoLevelImageAtTheLowerLevel() {
        byte[] px = new byte[20];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i < 7 ? 40 : 200);
        }
        // every t in [40, 200) gives the same split; the first maximum (t = 40) wins
        OtsuThreshold.Result r = OtsuThreshold.apply(new GrayImage(new ImageSize(5, 4), px));
        assertThat(r.threshold()).isEqualTo(40);
        assertThat(r.binary().toInts()).containsExactly(0, 0, 0, 0, 0, 0, 0,
                255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255);
    }

    @Test
    void maximizesTheBetweenClassVariance() {
        // levels 0, 0, 100, 200 (mean 75): t = 0 → 0.5·0.5·(0 − 150)² = 5625;
        // t = 100 → 0.75·0.25·(33.3 − 200)² ≈ 5208, so t = 0
        GrayImage img = new GrayImage(new ImageSize(4, 1), new byte[] {0, 0, 100, (byte) 200});
        assertThat(OtsuThreshold.threshold(img)).isZero();
        // levels 0, 100, 200, 200 (mean 125): t = 0 → 0.25·0.75·(0 − 166.7)² ≈ 5208;
        // t = 100 → 0.5·0.5·(50 − 200)² = 5625, so t = 100
        GrayImage other = new GrayImage(new ImageSize(4, 1), new byte[] {0, 100, (byte) 200, (byte) 200});
        assertThat(OtsuThreshold.threshold(other)).isEqualTo(100);
        assertThat(OtsuThreshold.apply(other).binary().toInts()).containsExactly(0, 0, 255, 255);
    }

    @Test
    void aConstantImageGetsThresholdZero() {
        OtsuThreshold.Result grey = OtsuThreshold.apply(GrayImage.filled(new ImageSize(3, 3), 99));
        assertThat(grey.threshold()).isZero();
        assertThat(grey.binary().toInts()).containsOnly(255);
        assertThat(OtsuThreshold.apply(GrayImage.filled(new ImageSize(3, 3), 0)).binary().toInts()).containsOnly(0);
    }
}
