package ai.dfc.model.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.plugin.SettingException;
import ai.dfc.testing.EncoderContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class DenseDescriptorEncoderTest extends EncoderContractTest<DenseDescriptorEncoder.Config> {
    private static final DenseDescriptorEncoder.Config DEFAULTS = DenseDescriptorEncoder.Config.defaults();

    @Override
    protected PluginFactory<DenseDescriptorEncoder.Config, Encoder> factory() {
        return new DenseDescriptorEncoder.Factory();
    }

    @Override
    protected DenseDescriptorEncoder.Config nonDefaultSettings() {
        return new DenseDescriptorEncoder.Config(8, 0.5, 2.0, 1.5, 12, true, 3, 0.3, 0.1, 0.2);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("stride", 1, "colour_weight", -1, "gradient_weight", 101, "geometry_weight", -0.5,
                "orientation_bins", 2, "gradient_scales", 5, "gradient_clip", 0, "contrast_floor", -0.1,
                "background_threshold", 0);
    }

    /** Tokens of a single image as {@code [token][channel]}. */
    private static float[][] tokens(DenseDescriptorEncoder encoder, Canvas canvas) {
        DenseTokens out = encoder.encode(canvas.image());
        int count = (int) out.tokens().size(2);
        int channels = (int) out.channels();
        float[] flat = out.tokens().dup('c').data().asFloat();
        float[][] rows = new float[count][channels];
        for (int t = 0; t < count; t++) {
            System.arraycopy(flat, t * channels, rows[t], 0, channels);
        }
        return rows;
    }

    private static float[] slice(float[] token, int start, int end) {
        return java.util.Arrays.copyOfRange(token, start, end);
    }

    @Test
    void defaultLayoutIsColourGradientGeometry() {
        DenseDescriptorEncoder encoder = new DenseDescriptorEncoder(DEFAULTS);
        assertThat(encoder.layout()).isEqualTo(new DenseDescriptorEncoder.Layout(0, 12, 12, 156, 156, 224));
        assertThat(encoder.spec().channels()).isEqualTo(224);
        assertThat(encoder.spec().stride()).isEqualTo(14);
        assertThat(encoder.spec().layers()).containsExactly(0);
        // 16×16 tokens at 224 px, as DINOv2 ViT-*/14
        DenseTokens tokens = encoder.encode(Nd4j.rand(DataType.FLOAT, 1, 3, 224, 230));
        assertThat(tokens.tokens().shape()).containsExactly(1, 1, 256, 224);
        assertThat(tokens.gridWidth()).isEqualTo(16);
        // a single token: every pooling region reaches outside the image, and all of it stays finite
        DenseTokens one = encoder.encode(new Canvas(14, 20, 1, 1, 1).paint(Canvas.disc(6, 6, 4), 0, 0, 0).image());
        assertThat(one.tokens().shape()).containsExactly(1, 1, 1, 224);
        assertThat(one.tokens().isNaN().any() || one.tokens().isInfinite().any()).isFalse();
        assertThat(one.tokens().norm2Number().doubleValue()).isCloseTo(Math.sqrt(3), within(1e-5));
    }

    @Test
    void aBlockWithWeightZeroIsLeftOut() {
        DenseDescriptorEncoder encoder = new DenseDescriptorEncoder(
                new DenseDescriptorEncoder.Config(14, 0, 1, 2, 6, false, 3, 0.2, 0.05, 0.1));
        // gradient: 3 scales × 9 cells × 6 bins = 162; geometry 68
        assertThat(encoder.layout()).isEqualTo(new DenseDescriptorEncoder.Layout(0, 0, 0, 162, 162, 230));
        assertThat(encoder.encode(Nd4j.rand(DataType.FLOAT, 2, 3, 28, 42)).tokens().shape())
                .containsExactly(2, 1, 6, 230);
    }

    @Test
    void allBlockWeightsZeroIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> new DenseDescriptorEncoder.Config(14, 0, 0, 0, 8, false, 2, 0.2, 0.05, 0.1))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("colour_weight"));
        assertThatThrownBy(() -> new DenseDescriptorEncoder.Config(14, 1, 1, 1, 3, false, 2, 0.2, 0.05, 0.1))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("orientation_bins"));
    }

    @Test
    void rejectsNonFloatInput() {
        try (Encoder encoder = create()) {
            assertThatThrownBy(() -> encoder.encode(Nd4j.rand(DataType.DOUBLE, 1, 3, 28, 28)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FLOAT");
            assertThatThrownBy(() -> encoder.encode(Nd4j.rand(DataType.FLOAT, 1, 3, 13, 28)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stride");
        }
    }

    /** (0.8, 0.4, 0.2): l = 2·1.4/3 − 1 = −1/15, rg = 0.4, yb = 0.4; (l, rg, yb, 1)/1.150845 at each scale, /√3. */
    @Test
    void colourBlockOfAUniformImageIsTheNormalizedOpponentColour() {
        DenseDescriptorEncoder encoder = new DenseDescriptorEncoder(DEFAULTS);
        float[][] t = tokens(encoder, new Canvas(42, 56, 0.8, 0.4, 0.2));
        float[] perScale = {-0.0334450f, 0.2006700f, 0.2006700f, 0.5016750f};
        for (float[] token : t) {
            for (int s = 0; s < 3; s++) {
                assertThat(slice(token, 4 * s, 4 * s + 4)).containsExactly(perScale, within(1e-6f));
            }
            // no gradient anywhere; the whole image is background, so there is no object
            assertThat(slice(token, 12, 224)).containsOnly(0f);
        }
    }

    private static double binEnergyFraction(float[] gradientBlock, int bins, int bin) {
        double inBin = 0;
        double all = 0;
        for (int c = 0; c < gradientBlock.length; c++) {
            double e = gradientBlock[c] * gradientBlock[c];
            all += e;
            if (c % bins == bin) {
                inBin += e;
            }
        }
        return inBin / all;
    }

    @Test
    void aVerticalStepEdgeVotesIntoTheHorizontalGradientBin() {
        DenseDescriptorEncoder encoder = new DenseDescriptorEncoder(DEFAULTS);
        float[][] vertical = tokens(encoder, new Canvas(56, 56, 0.2, 0.2, 0.2).paint(Canvas.box(28, 0, 56, 56), 0.9, 0.9, 0.9));
        float[][] horizontal = tokens(encoder, new Canvas(56, 56, 0.2, 0.2, 0.2).paint(Canvas.box(0, 28, 56, 56), 0.9, 0.9, 0.9));
        for (int i = 0; i < 4; i++) {
            for (int j = 1; j <= 2; j++) { // the token columns either side of the edge at x = 27.5
                float[] v = slice(vertical[i * 4 + j], 12, 156);
                assertThat(norm(v)).as("unit-norm gradient block of a high-contrast edge").isCloseTo(1.0, within(1e-5));
                assertThat(binEnergyFraction(v, 8, 0)).as("bin 0 (horizontal gradient) at token %d,%d", i, j)
                        .isGreaterThan(0.9999);
                float[] h = slice(horizontal[j * 4 + i], 12, 156);
                assertThat(binEnergyFraction(h, 8, 4)).as("bin 4 (vertical gradient) at token %d,%d", j, i)
                        .isGreaterThan(0.9999);
            }
            // far from the edge nothing moves
            assertThat(norm(slice(vertical[i * 4], 12, 84))).as("scale-0 histogram of token %d,0", i).isZero();
        }
        // the edge lies in the right-hand cells of the left token: at scale 0 only the column dx = +1 is hit
        float[] left = slice(vertical[4 + 1], 12, 84);
        for (int cell = 0; cell < 9; cell++) {
            double energy = norm(slice(left, cell * 8, cell * 8 + 8));
            if (cell % 3 == 2) {
                assertThat(energy).as("cell %d", cell).isGreaterThan(0.3);
            } else {
                assertThat(energy).as("cell %d", cell).isZero();
            }
        }
    }

    @Test
    void gradientBlockIgnoresGainAndOffsetWithoutAContrastFloor() {
        DenseDescriptorEncoder encoder = new DenseDescriptorEncoder(
                new DenseDescriptorEncoder.Config(14, 1, 1, 1, 8, false, 2, 0.2, 0.0, 0.1));
        Canvas original = new Canvas(84, 98, 0.9, 0.9, 0.9).paint(Canvas.disc(45, 40, 25), 0.7, 0.2, 0.1)
                .paint(Canvas.box(20, 50, 80, 60), 0.1, 0.3, 0.8);
        Canvas dimmed = new Canvas(84, 98, 0, 0, 0);
        for (int p = 0; p < original.rgb.length; p++) {
            dimmed.rgb[p] = 0.5f * original.rgb[p] + 0.25f;
        }
        float[][] a = tokens(encoder, original);
        float[][] b = tokens(encoder, dimmed);
        int nonZero = 0;
        for (int t = 0; t < a.length; t++) {
            assertThat(slice(b[t], 12, 156)).as("token %d", t).containsExactly(slice(a[t], 12, 156), within(2e-4f));
            nonZero += norm(slice(a[t], 12, 156)) > 0.5 ? 1 : 0;
            // the colour block does see the change
            assertThat(norm(difference(slice(a[t], 0, 12), slice(b[t], 0, 12)))).isGreaterThan(0.01);
        }
        assertThat(nonZero).as("tokens with texture").isGreaterThan(20);
    }

    @Test
    void geometryBlockIgnoresTheObjectsColours() {
        DenseDescriptorEncoder encoder = new DenseDescriptorEncoder(DEFAULTS);
        float[][] red = tokens(encoder, new Canvas(112, 112, 1, 1, 1).paint(Canvas.disc(50, 60, 30), 0.8, 0.1, 0.1));
        float[][] blue = tokens(encoder, new Canvas(112, 112, 1, 1, 1).paint(Canvas.disc(50, 60, 30), 0.1, 0.2, 0.7));
        for (int t = 0; t < red.length; t++) {
            assertThat(slice(blue[t], 156, 224)).containsExactly(slice(red[t], 156, 224));
            assertThat(norm(slice(red[t], 156, 224))).isCloseTo(1.0, within(1e-5));
        }
    }

    /**
     * A disc of radius 40 centred on token (8, 8) at 224 px: by symmetry the centroid is the disc's centre, the
     * spread per axis r/2 = 20 px (so position = offset / 40 px), the size √(area/π) the radius.
     */
    @Test
    void silhouetteGeometryOfADisc() {
        double centre = 14 * 8.5 - 0.5;
        Canvas canvas = new Canvas(224, 224, 1, 1, 1).paint(Canvas.disc(centre, centre, 40), 0.2, 0.5, 0.3);
        TokenGrid grid = new TokenGrid(14, 16, 16);
        ObjectMask mask = ObjectMask.estimate(canvas.rgb, 0, 224, 224, 0.1);
        assertThat(mask.background()).containsExactly(new double[] {1, 1, 1}, within(1e-7));
        SilhouetteGeometry.Measurements m = SilhouetteGeometry.measure(mask, grid);
        int middle = 8 * 16 + 8;
        assertThat(m.u()[middle]).isCloseTo(0, within(1e-3));
        assertThat(m.v()[middle]).isCloseTo(0, within(1e-3));
        // the four pixels around the centre are 0.71 px off it, so each sees the outline up to 0.71 px nearer
        assertThat(m.distancePixels()[middle]).isCloseTo(40, within(1.5));
        assertThat(m.distance()[middle]).isCloseTo(1, within(0.04)); // divided by √(area/π) ≈ 40
        assertThat(m.coverageNear()[middle]).isEqualTo(1);
        assertThat(m.coverageFar()[middle]).isEqualTo(1); // the 56-px box's corners are 39.6 px out: inside
        // three tokens right, 42 px from the centre: 2 px outside the outline, u = 42 / 40
        int right = 8 * 16 + 11;
        assertThat(m.u()[right]).isCloseTo(42 / 40.0, within(0.01));
        assertThat(m.v()[right]).isCloseTo(0, within(1e-3));
        assertThat(m.distancePixels()[right]).isCloseTo(-2, within(0.75));
        assertThat(m.coverageNear()[right]).isCloseTo(0.4, within(0.1)); // a 28-px box straddling a gentle curve
        // two tokens up, 28 px: 12 px inside
        int up = 6 * 16 + 8;
        assertThat(m.v()[up]).isCloseTo(-28 / 40.0, within(0.01));
        assertThat(m.distancePixels()[up]).isCloseTo(12, within(0.75));
        assertThat(m.distance()[up]).isCloseTo(12 / 40.0, within(0.02));
        // the corner token is far outside: clamped
        assertThat(m.distance()[0]).isEqualTo(-1);
        assertThat(m.coverageFar()[0]).isZero();

        // the encoded block at the centre token: independent soft bins of (u, v) = (0, 0), distance 1, coverage 1, 1
        DenseDescriptorEncoder encoder = new DenseDescriptorEncoder(DEFAULTS);
        float[] block = slice(tokens(encoder, canvas)[middle], 156, 224);
        double[] position = gaussianBins(0, -1.5, 0.5, 7);
        double[] expected = new double[68];
        for (int a = 0; a < 7; a++) {
            for (int b = 0; b < 7; b++) {
                expected[a * 7 + b] = position[a] * position[b] / 2;
            }
        }
        double[] distance = gaussianBins(m.distance()[middle], -1, 0.25, 9);
        double[] coverage = gaussianBins(1, 0, 0.25, 5);
        for (int k = 0; k < 9; k++) {
            expected[49 + k] = distance[k] / 2;
        }
        for (int k = 0; k < 5; k++) {
            expected[58 + k] = coverage[k] / 2;
            expected[63 + k] = coverage[k] / 2;
        }
        for (int c = 0; c < 68; c++) {
            assertThat((double) block[c]).as("geometry channel %d", c).isCloseTo(expected[c], within(1e-5));
        }
    }

    /** exp(−(v − c)² / (2·step²)) at c = first + m·step, L2-normalized. */
    private static double[] gaussianBins(double v, double first, double step, int count) {
        double[] out = new double[count];
        double sum = 0;
        for (int m = 0; m < count; m++) {
            double d = v - (first + m * step);
            out[m] = Math.exp(-d * d / (2 * step * step));
            sum += out[m] * out[m];
        }
        for (int m = 0; m < count; m++) {
            out[m] /= Math.sqrt(sum);
        }
        return out;
    }

    /** A mug-like object: a two-coloured body, a rim band and a handle, on white. */
    private static Canvas mug(int size, double cx, double cy, double scale) {
        Canvas c = new Canvas(size, size, 1, 1, 1);
        double r = 50 * scale;
        c.paint(Canvas.disc(cx, cy, r), 0.85, 0.2, 0.15);
        c.paint((x, y) -> (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r && x > cx, 0.15, 0.3, 0.8);
        c.paint(Canvas.box(cx - 0.7 * r, cy - 1.35 * r, cx + 0.7 * r, cy - 0.85 * r), 0.3, 0.7, 0.3);
        double hx = cx + 1.25 * r;
        c.paint((x, y) -> {
            double d = Math.hypot(x - hx, y - cy);
            return d >= 0.25 * r && d <= 0.5 * r && x > cx + r * 0.95;
        }, 0.9, 0.8, 0.2);
        return c;
    }

    private static float[] difference(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Shifting the whole image by one stride right and down moves every token by one, exactly. */
    @Test
    void translationByOneStrideShiftsTheTokensByOne() {
        DenseDescriptorEncoder encoder = new DenseDescriptorEncoder(DEFAULTS);
        float[][] a = tokens(encoder, mug(168, 70, 78, 0.7));
        float[][] b = tokens(encoder, mug(168, 84, 92, 0.7));
        int grid = 12;
        int compared = 0;
        // supports reach 28 px (the 4-stride boxes) from a token centre: tokens 2…8 stay inside in both images
        for (int i = 2; i <= 8; i++) {
            for (int j = 2; j <= 8; j++) {
                float[] original = a[i * grid + j];
                float[] shifted = b[(i + 1) * grid + j + 1];
                assertThat(shifted).as("token %d,%d", i, j).containsExactly(original, within(1e-5f));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(49);
        // and the comparison is not vacuous: unshifted tokens differ
        assertThat(norm(difference(a[5 * grid + 5], b[5 * grid + 5]))).isGreaterThan(0.1);
    }

    /**
     * The same mug at two positions and sizes (shifted by (+11, −7) px, scaled by 0.85): each object token of the
     * first image is matched to its most cosine-similar token of the second; a match is right when it lies within
     * one stride of the true corresponding point. Chance: about π tokens of the ~40 object tokens of the second
     * image are within one stride, so under 10 %. Silhouette geometry alone is near perfect here (one rigid 2-D
     * shape), so colour and gradients are checked without it as well.
     */
    @Test
    void matchesTheSameObjectAcrossPositionAndScale() {
        double[] all = matchAccuracy(DEFAULTS);
        assertThat(all[1]).as("object tokens").isEqualTo(54);
        assertThat(all[0]).as("tokens matched within one stride, all blocks").isGreaterThanOrEqualTo(0.9);
        double[] appearance = matchAccuracy(new DenseDescriptorEncoder.Config(14, 1, 1, 0, 8, false, 2, 0.2, 0.05, 0.1));
        assertThat(appearance[0]).as("without the geometry block").isGreaterThanOrEqualTo(0.85);
        double[] colour = matchAccuracy(new DenseDescriptorEncoder.Config(14, 1, 0, 0, 8, false, 2, 0.2, 0.05, 0.1));
        assertThat(colour[0]).as("colour block alone").isGreaterThanOrEqualTo(0.5);
    }

    /** {right fraction, object tokens} of the matching experiment above. */
    static double[] matchAccuracy(DenseDescriptorEncoder.Config config) {
        int size = 224;
        double ax = 100;
        double ay = 115;
        double bx = ax + 11;
        double by = ay - 7;
        double scale = 0.85;
        Canvas first = mug(size, ax, ay, 1);
        Canvas second = mug(size, bx, by, scale);
        DenseDescriptorEncoder encoder = new DenseDescriptorEncoder(config);
        float[][] ta = normalized(tokens(encoder, first));
        float[][] tb = normalized(tokens(encoder, second));
        ObjectMask mask = ObjectMask.estimate(first.rgb, 0, size, size, 0.1);
        TokenGrid grid = new TokenGrid(14, 16, 16);
        int objectTokens = 0;
        int right = 0;
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                int y = (int) Math.round(grid.centre(i));
                int x = (int) Math.round(grid.centre(j));
                if (!mask.pixels()[y * size + x]) {
                    continue;
                }
                objectTokens++;
                float[] q = ta[i * 16 + j];
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < tb.length; t++) {
                    double s = dot(q, tb[t]);
                    if (s > bestScore) {
                        bestScore = s;
                        best = t;
                    }
                }
                double tx = bx + scale * (grid.centre(j) - ax);
                double ty = by + scale * (grid.centre(i) - ay);
                double err = Math.hypot(grid.centre(best % 16) - tx, grid.centre(best / 16) - ty);
                right += err <= 14 ? 1 : 0;
            }
        }
        return new double[] {right / (double) objectTokens, objectTokens};
    }

    private static float[][] normalized(float[][] tokens) {
        float[][] out = new float[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            double n = norm(tokens[t]) + 1e-12;
            out[t] = new float[tokens[t].length];
            for (int c = 0; c < tokens[t].length; c++) {
                out[t][c] = (float) (tokens[t][c] / n);
            }
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }
}
