package ai.dfc.model.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The descriptor's building blocks against brute-force or closed-form computations. */
class DescriptorPartsTest {

    @Test
    void distanceTransformEqualsBruteForce() {
        Random random = new Random(7);
        int h = 23;
        int w = 31;
        for (int trial = 0; trial < 5; trial++) {
            boolean[] sites = new boolean[h * w];
            for (int p = 0; p < sites.length; p++) {
                sites[p] = random.nextDouble() < 0.03 * (trial + 1);
            }
            sites[random.nextInt(sites.length)] = true;
            double[] d = DistanceTransform.squared(sites, h, w);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double best = Double.MAX_VALUE;
                    for (int p = 0; p < sites.length; p++) {
                        if (sites[p]) {
                            double dy = p / w - y;
                            double dx = p % w - x;
                            best = Math.min(best, dy * dy + dx * dx);
                        }
                    }
                    assertThat(d[y * w + x]).as("trial %d at %d,%d", trial, y, x).isEqualTo(best);
                }
            }
        }
    }

    /** Distance between two angles on a circle of circumference {@code period}. */
    private static double circular(double a, double b, double period) {
        double d = Math.abs(a - b) % period;
        return Math.min(d, period - d);
    }

    @Test
    void fastAnglesAreWithin2e6OfMathAtan2() {
        double worstHalf = 0;
        double worstFull = 0;
        for (int i = 0; i < 4000; i++) {
            double angle = -Math.PI + (2 * Math.PI) * i / 4000 + 1e-4;
            for (double r : new double[] {1e-3, 1, 250}) {
                double y = r * Math.sin(angle);
                double x = r * Math.cos(angle);
                double reference = Math.atan2(y, x);
                double half = Angles.halfTurn(x, y);
                double full = Angles.fullTurn(x, y);
                assertThat(half).isBetween(0.0, Math.PI);
                assertThat(full).isBetween(0.0, 2 * Math.PI);
                worstHalf = Math.max(worstHalf, circular(half, reference, Math.PI));
                worstFull = Math.max(worstFull, circular(full, reference, 2 * Math.PI));
            }
        }
        assertThat(worstHalf).isLessThan(2e-6);
        assertThat(worstFull).isLessThan(2e-6);
        // the axes, signed zeros included, land on a bin centre (π and 2π being 0 again)
        assertThat(circular(Angles.halfTurn(-1, 0), 0, Math.PI)).isLessThan(1e-12);
        assertThat(circular(Angles.halfTurn(1, -0.0), 0, Math.PI)).isLessThan(1e-12);
        assertThat(circular(Angles.fullTurn(1, -0.0), 0, 2 * Math.PI)).isLessThan(1e-12);
        assertThat(Angles.fullTurn(-1, 0)).isCloseTo(Math.PI, within(1e-12));
        assertThat(Angles.fullTurn(0, -1)).isCloseTo(1.5 * Math.PI, within(2e-6));
        assertThat(Angles.halfTurn(0, -1)).isCloseTo(Math.PI / 2, within(2e-6));
    }

    @Test
    void integralImageBoxSumsEqualDirectSumsAndClipAtTheBorder() {
        Random random = new Random(3);
        int h = 9;
        int w = 12;
        float[] values = new float[h * w * 2];
        IntegralImage integral = new IntegralImage(h, w, 2);
        for (int y = 0; y < h; y++) {
            float[] row = new float[w * 2];
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextFloat();
            }
            System.arraycopy(row, 0, values, y * w * 2, row.length);
            integral.addRow(y, row);
        }
        int[][] boxes = {{0, 0, 9, 12}, {2, 3, 5, 7}, {-4, -2, 3, 4}, {6, 10, 20, 30}, {10, 0, 12, 5}};
        for (int[] box : boxes) {
            double[] expected = new double[2];
            for (int y = Math.max(box[0], 0); y < Math.min(box[2], h); y++) {
                for (int x = Math.max(box[1], 0); x < Math.min(box[3], w); x++) {
                    expected[0] += values[(y * w + x) * 2];
                    expected[1] += values[(y * w + x) * 2 + 1];
                }
            }
            double[] got = new double[2];
            integral.addBoxSum(box[0], box[1], box[2], box[3], 1, got, 0);
            assertThat(got).containsExactly(expected, within(1e-9));
        }
        assertThat(integral.clippedArea(-4, -2, 3, 4)).isEqualTo(12);
        assertThat(integral.clippedArea(10, 0, 12, 5)).isZero();
    }

    @Test
    void smoothingPreservesAUniformImageAndAConstantSum() {
        float[] flat = new float[20 * 17];
        java.util.Arrays.fill(flat, 0.7f);
        for (float v : SeparableGaussian.smooth(flat, 20, 17, 2.0)) {
            assertThat(v).isCloseTo(0.7f, within(1e-6f));
        }
        float[] k = SeparableGaussian.kernel(2.0);
        assertThat(k).hasSize(13);
        double sum = 0;
        for (float t : k) {
            sum += t;
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
        assertThat(k[6]).isGreaterThan(k[5]);
        assertThat(k[5]).isEqualTo(k[7]);
    }

    @Test
    void objectMaskFindsASquareOnAGreyBackgroundDespiteObjectPixelsOnTheBorder() {
        Canvas canvas = new Canvas(40, 50, 0.5, 0.5, 0.5)
                .paint(Canvas.box(10, 12, 30, 28), 0.9, 0.1, 0.1)
                .paint(Canvas.box(0, 0, 6, 3), 0.1, 0.1, 0.9); // touches the border: not the background
        ObjectMask mask = ObjectMask.estimate(canvas.rgb, 0, 40, 50, 0.1);
        assertThat(mask.background()).containsExactly(new double[] {0.5, 0.5, 0.5}, within(1e-6));
        assertThat(mask.count()).isEqualTo(20 * 16 + 6 * 3);
        assertThat(mask.pixels()[20 * 50 + 20]).isTrue();
        assertThat(mask.pixels()[5 * 50 + 40]).isFalse();
        // a colour within the threshold of the background is background
        Canvas faint = new Canvas(40, 50, 0.5, 0.5, 0.5).paint(Canvas.box(10, 10, 20, 20), 0.55, 0.55, 0.55);
        assertThat(ObjectMask.estimate(faint.rgb, 0, 40, 50, 0.1).count()).isZero();
        assertThat(ObjectMask.estimate(faint.rgb, 0, 40, 50, 0.05).count()).isEqualTo(100);
    }

    @Test
    void softBinsHaveUnitNormPeakAtTheValueAndClamp() {
        SoftBins bins = new SoftBins(-1, 0.5, 5);
        double[] out = new double[5];
        bins.encode(0.5, out, 0);
        double sum = 0;
        for (double v : out) {
            sum += v * v;
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(out[3]).isGreaterThan(out[2]).isGreaterThan(out[1]);
        assertThat(out[2]).isCloseTo(out[4], within(1e-12));
        double[] clamped = new double[5];
        bins.encode(7, clamped, 0);
        double[] edge = new double[5];
        bins.encode(1, edge, 0);
        assertThat(clamped).containsExactly(edge, within(1e-15));
    }
}
