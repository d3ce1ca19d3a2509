package ai.dfc.geometry.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PointSetAlignerTest {
    private static final double EXACT = 1e-9;

    /** A uniformly random proper rotation, row-major, from a random unit quaternion. */
    static double[] randomRotation(Random random) {
        double w = random.nextGaussian();
        double x = random.nextGaussian();
        double y = random.nextGaussian();
        double z = random.nextGaussian();
        double norm = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= norm;
        x /= norm;
        y /= norm;
        z /= norm;
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
    }

    /** A rotation by {@code angle} about the unit-normalised {@code axis} (Rodrigues). */
    static double[] axisAngle(double[] axis, double angle) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        double x = axis[0] / n;
        double y = axis[1] / n;
        double z = axis[2] / n;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        return new double[] {
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c};
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                for (int q = 0; q < 3; q++) {
                    c[3 * r + k] += a[3 * r + q] * b[3 * q + k];
                }
            }
        }
        return c;
    }

    static double det(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    static double[] transform(double[] points, double scale, double[] rotation, double[] translation) {
        return new SimilarityAlignment(scale, rotation, translation, 0).apply(points);
    }

    static double[] randomPoints(Random random, int n, double spread) {
        double[] p = new double[3 * n];
        for (int k = 0; k < p.length; k++) {
            p[k] = spread * (2 * random.nextDouble() - 1);
        }
        return p;
    }

    /** The residual the fit minimises, computed directly. */
    static double rms(double[] source, double[] target, double scale, double[] rotation, double[] translation) {
        double[] mapped = transform(source, scale, rotation, translation);
        double sum = 0;
        for (int k = 0; k < mapped.length; k++) {
            sum += (mapped[k] - target[k]) * (mapped[k] - target[k]);
        }
        return Math.sqrt(sum / (source.length / 3));
    }

    @Test
    void kabschRecoversKnownRotationAndTranslationFromNoiselessPoints() {
        Random random = new Random(11);
        for (int trial = 0; trial < 50; trial++) {
            double[] rotation = randomRotation(random);
            double[] translation = {random.nextGaussian() * 3, random.nextGaussian() * 3, random.nextGaussian() * 3};
            double[] source = randomPoints(random, 3 + random.nextInt(40), 2);
            double[] target = transform(source, 1, rotation, translation);

            SimilarityAlignment fit = PointSetAligner.kabsch(source, target);

            assertThat(fit.rotation()).containsExactly(rotation, within(EXACT));
            assertThat(fit.translation()).containsExactly(translation, within(EXACT));
            assertThat(fit.scale()).isEqualTo(1.0);
            assertThat(fit.rmsResidual()).isLessThan(EXACT);
        }
    }

    @Test
    void umeyamaRecoversKnownScaleRotationAndTranslation() {
        Random random = new Random(12);
        for (int trial = 0; trial < 50; trial++) {
            double[] rotation = randomRotation(random);
            double scale = 0.1 + 5 * random.nextDouble();
            double[] translation = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] source = randomPoints(random, 3 + random.nextInt(40), 1);
            double[] target = transform(source, scale, rotation, translation);

            SimilarityAlignment fit = PointSetAligner.umeyama(source, target, true);

            assertThat(fit.scale()).isCloseTo(scale, within(EXACT));
            assertThat(fit.rotation()).containsExactly(rotation, within(EXACT));
            assertThat(fit.translation()).containsExactly(translation, within(EXACT));
            assertThat(fit.rmsResidual()).isLessThan(EXACT);
            // Without scale, Umeyama is Kabsch.
            assertThat(PointSetAligner.umeyama(source, target, false).matrix())
                    .containsExactly(PointSetAligner.kabsch(source, target).matrix(), within(0.0));
        }
    }

    @Test
    void matrixIsRowMajorHomogeneousAndAgreesWithApply() {
        Random random = new Random(13);
        double[] rotation = randomRotation(random);
        double[] source = randomPoints(random, 10, 1);
        SimilarityAlignment fit =
                PointSetAligner.umeyama(source, transform(source, 2.5, rotation, new double[] {1, -2, 3}), true);
        double[] m = fit.matrix();
        assertThat(new double[] {m[12], m[13], m[14], m[15]}).containsExactly(0, 0, 0, 1);
        assertThat(new double[] {m[3], m[7], m[11]}).containsExactly(new double[] {1, -2, 3}, within(EXACT));
        assertThat(m[0]).isCloseTo(2.5 * rotation[0], within(EXACT));
        assertThat(m[1]).isCloseTo(2.5 * rotation[1], within(EXACT));
        double[] p = {0.3, -0.7, 1.1};
        double[] viaMatrix = new double[3];
        for (int r = 0; r < 3; r++) {
            viaMatrix[r] = m[4 * r] * p[0] + m[4 * r + 1] * p[1] + m[4 * r + 2] * p[2] + m[4 * r + 3];
        }
        assertThat(fit.apply(p)).containsExactly(viaMatrix, within(1e-12));
    }

    @Test
    void coplanarPointsAreRecoveredExactlyWhateverSignTheSvdPicks() {
        // With all points in a plane the third singular vectors' signs are arbitrary, so det(U)·det(V) = -1 happens;
        // the sign fix must still give the true proper rotation.
        Random random = new Random(14);
        for (int trial = 0; trial < 40; trial++) {
            double[] source = randomPoints(random, 3 + random.nextInt(20), 1);
            for (int i = 0; i < source.length / 3; i++) {
                source[3 * i + 2] = 0;
            }
            double[] rotation = randomRotation(random);
            double[] target = transform(source, 1, rotation, new double[] {0.5, 0.25, -1});

            SimilarityAlignment fit = PointSetAligner.kabsch(source, target);

            assertThat(fit.rotation()).containsExactly(rotation, within(EXACT));
            assertThat(fit.rmsResidual()).isLessThan(EXACT);
        }
    }

    @Test
    void reflectedTargetGivesTheBestProperRotationNotAMirror() {
        Random random = new Random(15);
        double[] source = randomPoints(random, 30, 1);
        double[] mirrored = source.clone();
        for (int i = 0; i < mirrored.length / 3; i++) {
            mirrored[3 * i] = -mirrored[3 * i];
        }
        double[] target = transform(mirrored, 1, randomRotation(random), new double[] {1, 2, 3});

        for (boolean withScale : new boolean[] {false, true}) {
            SimilarityAlignment fit = PointSetAligner.umeyama(source, target, withScale);

            assertThat(det(fit.rotation())).isCloseTo(1.0, within(1e-12));
            assertThat(fit.scale()).isPositive();
            // A mirror cannot be undone by a rotation, so some residual must remain...
            assertThat(fit.rmsResidual()).isGreaterThan(0.1);
            // ...and no nearby proper rotation, translation or scale does better.
            assertLocallyOptimal(source, target, fit, withScale, random);
        }
    }

    @Test
    void noisyPointsGiveTheLeastSquaresOptimum() {
        Random random = new Random(16);
        for (int trial = 0; trial < 10; trial++) {
            double[] source = randomPoints(random, 50, 1);
            double[] target = transform(source, 1.7, randomRotation(random), new double[] {3, -1, 2});
            for (int k = 0; k < target.length; k++) {
                target[k] += 0.05 * random.nextGaussian();
            }
            for (boolean withScale : new boolean[] {false, true}) {
                SimilarityAlignment fit = PointSetAligner.umeyama(source, target, withScale);
                assertThat(fit.rmsResidual()).isCloseTo(
                        rms(source, target, fit.scale(), fit.rotation(), fit.translation()), within(1e-12));
                assertLocallyOptimal(source, target, fit, withScale, random);
            }
        }
    }

    /** Perturbing rotation, translation or (if fitted) scale in any direction must not lower the residual. */
    private static void assertLocallyOptimal(double[] source, double[] target, SimilarityAlignment fit,
            boolean withScale, Random random) {
        double best = fit.rmsResidual();
        for (double step : new double[] {1e-2, 1e-4, 1e-6}) {
            for (int k = 0; k < 20; k++) {
                double[] axis = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
                double[] rotated = multiply(axisAngle(axis, step), fit.rotation());
                assertThat(rms(source, target, fit.scale(), rotated, fit.translation()))
                        .isGreaterThanOrEqualTo(best - 1e-12);
                double[] shifted = fit.translation();
                shifted[k % 3] += k % 2 == 0 ? step : -step;
                assertThat(rms(source, target, fit.scale(), fit.rotation(), shifted))
                        .isGreaterThanOrEqualTo(best - 1e-12);
                if (withScale) {
                    double scaled = fit.scale() * (1 + (k % 2 == 0 ? step : -step));
                    assertThat(rms(source, target, scaled, fit.rotation(), fit.translation()))
                            .isGreaterThanOrEqualTo(best - 1e-12);
                }
            }
        }
    }

    @Test
    void rejectsMismatchedTooFewOrNonFinitePoints() {
        double[] three = {0, 0, 0, 1, 0, 0, 0, 1, 0};
        assertThatThrownBy(() -> PointSetAligner.kabsch(three, new double[] {0, 0, 0, 1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 points but target has 2");
        assertThatThrownBy(() -> PointSetAligner.kabsch(new double[] {0, 0, 0, 1, 0, 0}, new double[] {0, 0, 0, 1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> PointSetAligner.kabsch(new double[] {0, 0, 0, 1}, three))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 coordinates per point");
        assertThatThrownBy(() -> PointSetAligner.kabsch(null, three))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        double[] nan = three.clone();
        nan[4] = Double.NaN;
        assertThatThrownBy(() -> PointSetAligner.umeyama(three, nan, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
    }

    @Test
    void rejectsCollinearAndCoincidentPointsWhoseRotationIsUndetermined() {
        double[] line = {0, 0, 0, 1, 1, 1, 2, 2, 2, 5, 5, 5};
        double[] shifted = {1, 0, 0, 2, 1, 1, 3, 2, 2, 6, 5, 5};
        assertThatThrownBy(() -> PointSetAligner.kabsch(line, shifted))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collinear");
        double[] triangle = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0};
        assertThatThrownBy(() -> PointSetAligner.umeyama(triangle, line, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collinear");
        double[] point = {1, 2, 3, 1, 2, 3, 1, 2, 3};
        assertThatThrownBy(() -> PointSetAligner.kabsch(point, point))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coincide");
    }
}
