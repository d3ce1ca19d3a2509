package ai.dfc.geometry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.image.ImageSize;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {

    @Test
    void usesOpenCvsFixedPointKernels() {
        // sigma <= 0 and k <= 9: OpenCV's fixed tables, not a sampled Gaussian
        assertThat(GaussianBlur.fixedPointKernel(3, 0)).containsExactly(64, 128, 64);
        assertThat(GaussianBlur.fixedPointKernel(1, 0)).containsExactly(256);
        // k = 11: sigma = 0.15·11 + 0.35 = 2.0, sampled, error-diffused to 1/256
        assertThat(GaussianBlur.fixedPointKernel(11, 0)).containsExactly(2, 7, 17, 31, 45, 52, 45, 31, 17, 7, 2);
        assertThat(GaussianBlur.fixedPointKernel(5, 1.3)).containsExactly(25, 62, 82, 62, 25);
    }

    @Test
    void sampledKernelsSumTo256AndFollowTheGaussian() {
        for (int k = 11; k <= 31; k += 2) {
            for (double sigma : new double[] {0, 0.7, 2.5, 6}) {
                int[] fixed = GaussianBlur.fixedPointKernel(k, sigma);
                assertThat(Arrays.stream(fixed).sum()).isEqualTo(256);
                double s = sigma > 0 ? sigma : 0.3 * ((k - 1) / 2.0 - 1) + 0.8;
                double[] g = new double[k];
                for (int i = 0; i < k; i++) {
                    double x = i - k / 2;
                    g[i] = Math.exp(-x * x / (2 * s * s));
                }
                double total = Arrays.stream(g).sum();
                for (int i = 0; i < k; i++) {
                    assertThat(fixed[i]).isEqualTo(fixed[k - 1 - i]);
                    assertThat((double) fixed[i]).isCloseTo(256 * g[i] / total,
                            within(1.0));
                }
            }
        }
    }

    @Test
    void reflects101AtTheBorderAndRoundsHalfUp() {
        // one row [0, 0, 255], k = 3: x = 2 sees (0, 255, 0) since reflect-101 mirrors x = 3 onto x = 1;
        // (64·255) / 256 = 63.75 → 64 and (128·255) / 256 = 127.5 → 128; one row blurs vertically to itself
        GrayImage img = new GrayImage(new ImageSize(3, 1), new byte[] {0, 0, (byte) 255});
        assertThat(GaussianBlur.blur(img, 3).toInts()).containsExactly(0, 64, 128);
    }

    @Test
    void matchesAStraightforwardDoubleConvolutionWithinOneLevel() {
        Random rnd = new Random(5);
        ImageSize size = new ImageSize(23, 17);
        byte[] px = new byte[size.area()];
        rnd.nextBytes(px);
        GrayImage img = new GrayImage(size, px);
        for (int k : new int[] {3, 5, 11}) {
            int[] kernel = GaussianBlur.fixedPointKernel(k, 0);
            GrayImage out = GaussianBlur.blur(img, k);
            for (int y = 0; y < size.height(); y++) {
                for (int x = 0; x < size.width(); x++) {
                    double acc = 0;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int sy = mirror(y + i - k / 2, size.height());
                            int sx = mirror(x + j - k / 2, size.width());
                            acc += kernel[i] / 256.0 * kernel[j] / 256.0 * img.get(sy, sx);
                        }
                    }
                    assertThat((double) out.get(y, x)).isCloseTo(acc, within(0.5001));
                }
            }
        }
    }

    @Test
    void keepsConstantImagesAndRejectsEvenKernels() {
        GrayImage flat = GrayImage.filled(new ImageSize(4, 5), 77);
        assertThat(GaussianBlur.blur(flat, 11)).isEqualTo(flat);
        assertThatThrownBy(() -> GaussianBlur.blur(flat, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd");
        assertThatThrownBy(() -> GaussianBlur.blur(flat, 3, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int mirror(int i, int n) {
        while (i < 0 || i >= n) {
            i = i < 0 ? -i : 2 * (n - 1) - i;
        }
        return i;
    }
}
