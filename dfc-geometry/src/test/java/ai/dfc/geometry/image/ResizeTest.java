package ai.dfc.geometry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResizeTest {

    private static GrayImage row(int... values) {
        byte[] px = new byte[values.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) values[i];
        }
        return new GrayImage(new ImageSize(values.length, 1), px);
    }

    @Test
    void nearestPicksTheInputPixelUnderTheOutputPixelCentre() {
        // 4 → 2: centres 0.5·2 = 1 and 1.5·2 = 3
        assertThat(Resize.resize(row(10, 20, 30, 40), new ImageSize(2, 1), ResampleFilter.NEAREST).toInts())
                .containsExactly(20, 40);
        // 2 → 4: centres 0.25, 0.75, 1.25, 1.75
        assertThat(Resize.resize(row(10, 20), new ImageSize(4, 1), ResampleFilter.NEAREST).toInts())
                .containsExactly(10, 10, 20, 20);
        // 3 → 2: centres 0.75 and 2.25
        assertThat(Resize.resize(row(10, 20, 30), new ImageSize(2, 1), ResampleFilter.NEAREST).toInts())
                .containsExactly(10, 30);
        Mask mask = Mask.fromBooleans(new ImageSize(3, 1), new boolean[] {true, false, true});
        assertThat(Resize.resizeNearest(mask, new ImageSize(6, 2)).count()).isEqualTo(8);
    }

    @Test
    void convolutionFiltersKeepConstantsAndSameSizeIsACopy() {
        GrayImage flat = GrayImage.filled(new ImageSize(9, 7), 201);
        for (ResampleFilter f : ResampleFilter.values()) {
            assertThat(Resize.resize(flat, new ImageSize(4, 11), f).toInts()).containsOnly(201);
        }
        RgbImage rgb = RgbImage.filled(new ImageSize(5, 5), 0x123456);
        assertThat(Resize.resize(rgb, new ImageSize(3, 8), ResampleFilter.LANCZOS))
                .isEqualTo(RgbImage.filled(new ImageSize(3, 8), 0x123456));
        GrayImage noise = randomImage(new ImageSize(6, 5), 1);
        assertThat(Resize.resize(noise, noise.size(), ResampleFilter.LANCZOS)).isEqualTo(noise);
    }

    @Test
    void lanczosAndBicubicMatchAPlainDoubleImplementationWithinOneLevel() {
        GrayImage img = randomImage(new ImageSize(31, 23), 2);
        ImageSize[] sizes = {new ImageSize(12, 9), new ImageSize(50, 41), new ImageSize(31, 10), new ImageSize(7, 60)};
        for (ResampleFilter f : new ResampleFilter[] {ResampleFilter.LANCZOS, ResampleFilter.BICUBIC}) {
            for (ImageSize size : sizes) {
                int[] expected = plainResize(img, size, f);
                int[] actual = Resize.resize(img, size, f).toInts();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("%s %s pixel %d", f, size, i).isBetween(expected[i] - 1, expected[i] + 1);
                }
            }
        }
    }

    @Test
    void rgbChannelsAreResampledIndependently() {
        GrayImage r = randomImage(new ImageSize(10, 8), 3);
        GrayImage g = randomImage(new ImageSize(10, 8), 4);
        GrayImage b = randomImage(new ImageSize(10, 8), 5);
        byte[] px = new byte[3 * 80];
        for (int i = 0; i < 80; i++) {
            px[3 * i] = r.toBytes()[i];
            px[3 * i + 1] = g.toBytes()[i];
            px[3 * i + 2] = b.toBytes()[i];
        }
        ImageSize size = new ImageSize(7, 13);
        RgbImage out = Resize.resize(new RgbImage(new ImageSize(10, 8), px), size, ResampleFilter.LANCZOS);
        GrayImage green = Resize.resize(g, size, ResampleFilter.LANCZOS);
        for (int y = 0; y < 13; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(out.channel(y, x, 1)).isEqualTo(green.get(y, x));
            }
        }
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> Resize.resize((GrayImage) null, new ImageSize(1, 1), ResampleFilter.NEAREST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Resize.resize(row(1), new ImageSize(1, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static GrayImage randomImage(ImageSize size, long seed) {
        byte[] px = new byte[size.area()];
        new Random(seed).nextBytes(px);
        return new GrayImage(size, px);
    }

    /** Separable resampling in doubles: every input pixel within the widened support, rounded after each pass. */
    private static int[] plainResize(GrayImage img, ImageSize size, ResampleFilter f) {
        int w = img.width();
        int h = img.height();
        double[][] horizontal = weights(w, size.width(), f);
        double[][] vertical = weights(h, size.height(), f);
        int[] tmp = new int[size.width() * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < size.width(); x++) {
                double acc = 0;
                for (int j = 0; j < w; j++) {
                    acc += horizontal[x][j] * img.get(y, j);
                }
                tmp[y * size.width() + x] = clamp(acc);
            }
        }
        int[] out = new int[size.area()];
        for (int y = 0; y < size.height(); y++) {
            for (int x = 0; x < size.width(); x++) {
                double acc = 0;
                for (int j = 0; j < h; j++) {
                    acc += vertical[y][j] * tmp[j * size.width() + x];
                }
                out[y * size.width() + x] = clamp(acc);
            }
        }
        return out;
    }

    private static double[][] weights(int in, int out, ResampleFilter f) {
        double s = (double) in / out;
        double widen = Math.max(1, s);
        double a = f == ResampleFilter.LANCZOS ? 3 : 2;
        double[][] w = new double[out][in];
        for (int i = 0; i < out; i++) {
            double centre = (i + 0.5) * s;
            double sum = 0;
            for (int j = 0; j < in; j++) {
                double d = (j + 0.5 - centre) / widen;
                w[i][j] = Math.abs(d) < a ? kernel(d, f) : 0;
                sum += w[i][j];
            }
            for (int j = 0; j < in; j++) {
                w[i][j] /= sum;
            }
        }
        return w;
    }

    private static double kernel(double d, ResampleFilter f) {
        if (f == ResampleFilter.LANCZOS) {
            return sinc(d) * sinc(d / 3);
        }
        double x = Math.abs(d);
        return x < 1 ? 1.5 * x * x * x - 2.5 * x * x + 1 : -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
