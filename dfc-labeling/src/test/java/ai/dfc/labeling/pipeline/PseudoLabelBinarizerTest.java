package ai.dfc.labeling.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.geometry.image.GaussianBlur;
import ai.dfc.geometry.image.GrayImage;
import ai.dfc.geometry.points.ViewVisibility;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3.9 steps 1–5 on hand-built heat images. Every point of the fixtures sits on its own pixel (point index =
 * row·width + col), so the heat image is the point values; the expected labels are computed here step by step with
 * a direct two-pass convolution (OpenCV's 1/256 fixed-point taps, themselves checked against the sampled Gaussian of
 * σ = 0.3·((k−1)/2 − 1) + 0.8), a textbook Otsu and a brute-force closing, independently of the production chain.
 */
class PseudoLabelBinarizerTest {

    // ---------------------------------------------------------------- fixtures

    /** Every pixel of a w×h image visible, point index = row·w + col. */
    private static ViewVisibility everyPixel(int w, int h) {
        int[] idx = new int[w * h];
        int[] rows = new int[w * h];
        int[] cols = new int[w * h];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
            rows[i] = i / w;
            cols[i] = i % w;
        }
        return ViewVisibility.of(idx, rows, cols);
    }

    private static Mask fullMask(int w, int h) {
        boolean[] m = new boolean[w * h];
        Arrays.fill(m, true);
        return Mask.fromBooleans(new ImageSize(w, h), m);
    }

    // ---------------------------------------------------------------- the independent reference

    /** a = uint8(h·255), the way NumPy truncates. */
    private static int[] grey(double[] h, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = (int) Math.floor(h[i] * 255);
        }
        return a;
    }

    private static int reflect101(int i, int n) {
        while (i < 0 || i >= n) {
            i = i < 0 ? -i : 2 * (n - 1) - i;
        }
        return i;
    }

    /**
     * OpenCV's 8-bit Gaussian: taps in 1/256 (the fixed-point table, checked against the sampled Gaussian below), a
     * horizontal then a vertical pass of exact integer sums with reflect-101 borders, rounded half up at the end.
     */
    private static int[] blur(int[] a, int w, int h, int k) {
        int[] kernel = GaussianBlur.fixedPointKernel(k, 0);
        int r = k / 2;
        long[] tmp = new long[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long s = 0;
                for (int t = -r; t <= r; t++) {
                    s += (long) kernel[t + r] * a[y * w + reflect101(x + t, w)];
                }
                tmp[y * w + x] = s;
            }
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long s = 0;
                for (int t = -r; t <= r; t++) {
                    s += kernel[t + r] * tmp[reflect101(y + t, h) * w + x];
                }
                out[y * w + x] = (int) Math.min(255, (s + (1 << 15)) >> 16);
            }
        }
        return out;
    }

    /** Otsu: the first level t maximizing w0·w1·(μ0 − μ1)² over the split {≤ t} / {> t}; 0 when no split exists. */
    private static int otsu(int[] a) {
        long[] hist = new long[256];
        for (int v : a) {
            hist[v]++;
        }
        double best = -1;
        int bestT = 0;
        for (int t = 0; t < 255; t++) {
            long n0 = 0;
            double s0 = 0;
            double s1 = 0;
            for (int v = 0; v < 256; v++) {
                if (v <= t) {
                    n0 += hist[v];
                    s0 += v * (double) hist[v];
                } else {
                    s1 += v * (double) hist[v];
                }
            }
            long n1 = a.length - n0;
            if (n0 == 0 || n1 == 0) {
                continue;
            }
            double w0 = (double) n0 / a.length;
            double between = w0 * (1 - w0) * Math.pow(s0 / n0 - s1 / n1, 2);
            if (between > best + 1e-9) {
                best = between;
                bestT = t;
            }
        }
        return bestT;
    }

    /** k×k window, n dilations then n erosions; pixels outside the image are ignored. */
    private static boolean[] close(boolean[] in, int w, int h, int k, int n) {
        boolean[] cur = in.clone();
        for (int pass = 0; pass < 2 * n; pass++) {
            boolean dilate = pass < n;
            boolean[] next = new boolean[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean v = !dilate;
                    for (int dy = -k / 2; dy <= k / 2; dy++) {
                        for (int dx = -k / 2; dx <= k / 2; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                v = dilate ? v || cur[yy * w + xx] : v && cur[yy * w + xx];
                            }
                        }
                    }
                    next[y * w + x] = v;
                }
            }
            cur = next;
        }
        return cur;
    }

    private static int[] labelValues(GrayImage label) {
        return label.toInts();
    }

    private static int[] toLabel(boolean[] fg, Mask mask) {
        int[] out = new int[fg.length];
        for (int i = 0; i < fg.length; i++) {
            out[i] = fg[i] && mask.get(i / mask.size().width(), i % mask.size().width()) ? 255 : 0;
        }
        return out;
    }

    /** The whole chain computed here, step by step. */
    private static int[] expected(double[] h, int w, int hh, Mask mask, boolean edge, boolean zoom, int[] otsuOut) {
        int n = w * hh;
        int[] a = grey(h, n);
        long high = Arrays.stream(h, 0, n).filter(v -> v > 0.5).count();
        boolean[] fg = new boolean[n];
        otsuOut[0] = -1;
        if (high < 200) {
            for (int i = 0; i < n; i++) {
                fg[i] = a[i] >= 128;
            }
        } else {
            int[] floored = Arrays.stream(a).map(v -> Math.max(v, 64)).toArray();
            int[] blurred = blur(floored, w, hh, edge ? 3 : 11);
            int t = otsu(blurred);
            otsuOut[0] = t;
            if (t < 64) {
                for (int i = 0; i < n; i++) {
                    fg[i] = a[i] >= 128;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    fg[i] = blurred[i] > t;
                }
            }
        }
        int k = edge || zoom ? 3 : 5;
        return toLabel(close(fg, w, hh, k, k), mask);
    }

    // ---------------------------------------------------------------- tests

    @Test
    void theBlurTapsAreOpenCvsForKernels3And11() {
        assertThat(GaussianBlur.fixedPointKernel(3, 0)).containsExactly(64, 128, 64);
        int[] k11 = GaussianBlur.fixedPointKernel(11, 0);
        double sigma = 0.3 * ((11 - 1) / 2.0 - 1) + 0.8;
        assertThat(sigma).isEqualTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
        double[] g = new double[11];
        double sum = 0;
        for (int i = 0; i < 11; i++) {
            g[i] = Math.exp(-(i - 5) * (i - 5) / (2 * sigma * sigma));
            sum += g[i];
        }
        assertThat(Arrays.stream(k11).sum()).isEqualTo(256);
        for (int i = 0; i < 11; i++) {
            assertThat((double) k11[i]).isCloseTo(256 * g[i] / sum, org.assertj.core.api.Assertions.within(1.0));
        }
    }

    @Test
    void normalizationIsGlobalMinMaxAndAConstantMapIsAllZero() {
        assertThat(PseudoLabelBinarizer.normalize(new double[] {2, 4, 6, 3})).containsExactly(0, 0.5, 1, 0.25);
        assertThat(PseudoLabelBinarizer.normalize(new double[] {3, 3, 3})).containsExactly(0, 0, 0);
    }

    @Test
    void fewerThan200HighPointsBinarizeAt128ThenCloseAndMask() {
        int w = 64;
        int hh = 30;
        double[] h = new double[w * hh];
        // two 6×8 blocks of h = 1 (96 high points) two columns apart, a column of 0.6 (a = 153) and one of exactly
        // 0.5 (a = 127, not high and below 128)
        for (int r = 10; r < 16; r++) {
            for (int c = 5; c < 13; c++) {
                h[r * w + c] = 1;
                h[r * w + c + 10] = 1;
            }
            h[r * w + 30] = 0.6;
            h[r * w + 50] = 0.5;
        }
        boolean[] m = new boolean[w * hh];
        Arrays.fill(m, true);
        for (int r = 0; r < hh; r++) {
            m[r * w + 6] = false; // the mask cuts one column out of the first block
        }
        Mask mask = Mask.fromBooleans(new ImageSize(w, hh), m);
        for (boolean edge : new boolean[] {false, true}) {
            PseudoLabelBinarizer.Result res = PseudoLabelBinarizer.binarize(h, everyPixel(w, hh), mask, edge, false);
            assertThat(res.branch()).isEqualTo(PseudoLabelBinarizer.Branch.FEW_POINTS);
            assertThat(res.highPoints()).isEqualTo(96 + 6);
            assertThat(res.threshold()).isEqualTo(-1);
            int[] otsu = new int[1];
            assertThat(labelValues(res.label())).containsExactly(expected(h, w, hh, mask, edge, false, otsu));
            // the closing bridged the two-column gap between the blocks, and 0.5 stayed background
            assertThat(res.label().get(12, 14)).isEqualTo(255);
            assertThat(res.label().get(12, 30)).isEqualTo(255);
            assertThat(res.label().get(12, 50)).isZero();
            assertThat(res.label().get(12, 6)).isZero();
        }
    }

    @Test
    void manyHighPointsGoThroughFloorBlurAndOtsu() {
        int w = 48;
        int hh = 48;
        double[] h = new double[w * hh];
        for (int i = 0; i < h.length; i++) {
            h[i] = 0.15; // a = 38, lifted to the floor 64
        }
        for (int r = 12; r < 30; r++) {
            for (int c = 14; c < 32; c++) {
                h[r * w + c] = 1; // 18×18 = 324 high points
            }
        }
        for (int r = 36; r < 40; r++) {
            for (int c = 20; c < 24; c++) {
                h[r * w + c] = 0.45; // a small grey patch (a = 114) that the blur decides about
            }
        }
        Mask mask = fullMask(w, hh);
        PseudoLabelBinarizer.Result res = PseudoLabelBinarizer.binarize(h, everyPixel(w, hh), mask, false, false);
        assertThat(res.branch()).isEqualTo(PseudoLabelBinarizer.Branch.OTSU);
        assertThat(res.highPoints()).isEqualTo(324);
        int[] otsu = new int[1];
        int[] want = expected(h, w, hh, mask, false, false, otsu);
        assertThat(res.threshold()).isBetween(otsu[0] - 1, otsu[0] + 1).isGreaterThanOrEqualTo(64);
        assertThat(labelValues(res.label())).containsExactly(want);
    }

    @Test
    void edgePartsBlurAndCloseWithTheSmallKernels() {
        int w = 64;
        int hh = 40;
        double[] h = new double[w * hh];
        // two one-pixel lines of h = 1, 110 pixels in all, three columns apart, and a faint line (a = 114)
        for (int c = 2; c < 57; c++) {
            h[10 * w + c] = 1;
            h[14 * w + c] = 1;
            h[30 * w + c] = 0.45;
        }
        // plus a block so that there are ≥ 200 high points
        for (int r = 20; r < 26; r++) {
            for (int c = 40; c < 56; c++) {
                h[r * w + c] = 1;
            }
        }
        Mask mask = fullMask(w, hh);
        ViewVisibility vis = everyPixel(w, hh);
        PseudoLabelBinarizer.Result edge = PseudoLabelBinarizer.binarize(h, vis, mask, true, false);
        PseudoLabelBinarizer.Result plain = PseudoLabelBinarizer.binarize(h, vis, mask, false, false);
        PseudoLabelBinarizer.Result zoom = PseudoLabelBinarizer.binarize(h, vis, mask, false, true);
        assertThat(edge.branch()).isEqualTo(PseudoLabelBinarizer.Branch.OTSU);
        assertThat(plain.branch()).isEqualTo(PseudoLabelBinarizer.Branch.OTSU);
        int[] otsu = new int[1];
        assertThat(labelValues(edge.label())).containsExactly(expected(h, w, hh, mask, true, false, otsu));
        assertThat(labelValues(plain.label())).containsExactly(expected(h, w, hh, mask, false, false, otsu));
        // a zoom-in part blurs with 11 but closes with 3×3 ×3
        assertThat(labelValues(zoom.label())).containsExactly(expected(h, w, hh, mask, false, true, otsu));
        assertThat(edge.label()).isNotEqualTo(plain.label());
        assertThat(zoom.label()).isNotEqualTo(plain.label());
    }

    @Test
    void anOtsuThresholdBelowTheFloorFallsBackToTheUnblurredImageAt128() {
        int w = 24;
        int hh = 24;
        // all pixels h = 0.501 (high, a = 127) except one at 128/255 + ε (a = 128): both blurs flatten the image to a
        // single grey level 127, Otsu finds no split (threshold 0 < 64) and the fallback keeps only the one pixel; two
        // points off screen fix min 0 and max 1
        double[] h = new double[w * hh + 2];
        Arrays.fill(h, 0.501);
        h[12 * w + 12] = 128.2 / 255;
        h[w * hh] = 0;
        h[w * hh + 1] = 1;
        double[] normalized = PseudoLabelBinarizer.normalize(h);
        assertThat(normalized).containsExactly(h);
        Mask mask = fullMask(w, hh);
        for (boolean edge : new boolean[] {false, true}) {
            PseudoLabelBinarizer.Result res = PseudoLabelBinarizer.binarize(normalized, everyPixel(w, hh), mask, edge,
                    false);
            assertThat(res.branch()).isEqualTo(PseudoLabelBinarizer.Branch.OTSU_FALLBACK);
            assertThat(res.threshold()).isLessThan(64);
            int[] otsu = new int[1];
            assertThat(labelValues(res.label())).containsExactly(expected(normalized, w, hh, mask, edge, false, otsu));
            assertThat(otsu[0]).isLessThan(64);
            assertThat(res.label().toMask().flatIndices()).containsExactly(12 * w + 12);
        }
    }

    @Test
    void pointsOutsideTheImageAreIgnored() {
        ViewVisibility vis = ViewVisibility.of(new int[] {0, 1}, new int[] {1, 50}, new int[] {1, 1});
        GrayImage a = PseudoLabelBinarizer.heatImage(new double[] {1, 1}, vis, ImageSize.square(4));
        assertThat(a.get(1, 1)).isEqualTo(255);
        assertThat(a.toMask().count()).isEqualTo(1);
    }
}
