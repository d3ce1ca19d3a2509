package ai.dfc.geometry.align;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Least-squares rigid and similarity alignment of two corresponding 3-D point sets: finds the proper rotation
 * {@code R}, translation {@code t} and (optionally) uniform scale {@code s} minimising
 * {@code Σ |s·R·source_i + t − target_i|²} (Kabsch; Umeyama 1991 for the scale).
 *
 * <p>Method: centre both sets, form the 3×3 cross-covariance {@code Σ = (1/n) Σ (target_i − μt)(source_i − μs)ᵀ},
 * take its SVD {@code U·D·Vᵀ} (EJML), and set {@code R = U·S·Vᵀ} with {@code S = diag(1, 1, det(U)·det(V))}: the
 * sign fix turns what would be a reflection into the best proper rotation. {@code s = trace(D·S) / σ²(source)}
 * when estimated, {@code t = μt − s·R·μs}.
 *
 * <p>Points are flat arrays, point {@code i} at {@code [3i, 3i + 3)}; pair {@code i} is {@code (source_i,
 * target_i)}. O(n) time, O(1) memory beyond the inputs. Stateless and thread-safe.
 *
 * <p>Failure modes: the rotation is undetermined when either set is collinear (or all its points coincide):
 * {@code Σ} then has rank ≤ 1 and any rotation about the line fits equally. This is reported when the second
 * singular value of {@code Σ} is below {@value #RANK_TOLERANCE} times the first, i.e. when the spread across the
 * line is below about 10⁻⁶ of the spread along it. Coplanar sets (rank 2) are fine.
 */
public final class PointSetAligner {
    /** Relative size of the second singular value of the cross-covariance below which the fit is refused. */
    public static final double RANK_TOLERANCE = 1e-12;

    private PointSetAligner() {
    }

    /**
     * Rigid fit (rotation and translation, scale 1).
     *
     * @param source {@code 3·n} coordinates, {@code n ≥ 3}, finite
     * @param target {@code 3·n} coordinates, same length, finite
     * @return the fit mapping {@code source} onto {@code target}
     * @throws IllegalArgumentException if an array is null, the lengths differ or are not multiples of 3, there are
     *                                  fewer than 3 points, a coordinate is not finite, or the points are
     *                                  degenerate (see the class comment)
     */
    public static SimilarityAlignment kabsch(double[] source, double[] target) {
        return fit(source, target, false);
    }

    /**
     * Umeyama's fit: rotation, translation and, if {@code estimateScale}, a uniform scale ({@code false} gives
     * exactly {@link #kabsch}).
     *
     * @throws IllegalArgumentException as {@link #kabsch}
     */
    public static SimilarityAlignment umeyama(double[] source, double[] target, boolean estimateScale) {
        return fit(source, target, estimateScale);
    }

    private static SimilarityAlignment fit(double[] source, double[] target, boolean estimateScale) {
        int n = checkPairs(source, target);
        double[] ms = mean(source, n);
        double[] mt = mean(target, n);
        DMatrixRMaj sigma = new DMatrixRMaj(3, 3);
        double sourceVariance = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 3; r++) {
                double dt = target[3 * i + r] - mt[r];
                double ds = source[3 * i + r] - ms[r];
                sourceVariance += ds * ds;
                for (int c = 0; c < 3; c++) {
                    sigma.data[3 * r + c] += dt * (source[3 * i + c] - ms[c]);
                }
            }
        }
        CommonOps_DDRM.scale(1.0 / n, sigma);
        sourceVariance /= n;

        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(3, 3, true, true, false);
        if (!svd.decompose(sigma)) {
            throw new IllegalStateException("SVD of the 3x3 cross-covariance did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double d0 = w.get(0, 0);
        double d1 = w.get(1, 1);
        double d2 = w.get(2, 2);
        if (!(d1 > RANK_TOLERANCE * d0) || d0 == 0) {
            throw new IllegalArgumentException("degenerate point sets: a set is collinear or its points coincide "
                    + "(cross-covariance singular values " + d0 + ", " + d1 + ", " + d2
                    + "), so the rotation about that line is undetermined");
        }
        double sign = CommonOps_DDRM.det(u) * CommonOps_DDRM.det(v) < 0 ? -1 : 1;
        // R = U · diag(1, 1, sign) · Vᵀ
        double[] rotation = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                rotation[3 * r + c] = u.get(r, 0) * v.get(c, 0) + u.get(r, 1) * v.get(c, 1)
                        + sign * u.get(r, 2) * v.get(c, 2);
            }
        }
        double scale = estimateScale ? (d0 + d1 + sign * d2) / sourceVariance : 1.0;
        double[] translation = new double[3];
        for (int r = 0; r < 3; r++) {
            translation[r] = mt[r]
                    - scale * (rotation[3 * r] * ms[0] + rotation[3 * r + 1] * ms[1] + rotation[3 * r + 2] * ms[2]);
        }
        SimilarityAlignment unscored = new SimilarityAlignment(scale, rotation, translation, 0);
        return new SimilarityAlignment(scale, rotation, translation, rms(unscored.apply(source), target));
    }

    private static int checkPairs(double[] source, double[] target) {
        if (source == null || target == null) {
            throw new IllegalArgumentException("source and target points must not be null");
        }
        if (source.length % 3 != 0 || target.length % 3 != 0) {
            throw new IllegalArgumentException("points must hold 3 coordinates per point, had " + source.length
                    + " source and " + target.length + " target values");
        }
        if (source.length != target.length) {
            throw new IllegalArgumentException("source has " + source.length / 3 + " points but target has "
                    + target.length / 3 + "; the sets must correspond point by point");
        }
        int n = source.length / 3;
        if (n < 3) {
            throw new IllegalArgumentException("need at least 3 point pairs to fix a rotation, had " + n);
        }
        for (int k = 0; k < source.length; k++) {
            if (!Double.isFinite(source[k]) || !Double.isFinite(target[k])) {
                throw new IllegalArgumentException("coordinate " + k % 3 + " of pair " + k / 3 + " is not finite");
            }
        }
        return n;
    }

    private static double[] mean(double[] points, int n) {
        double[] m = new double[3];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 3; r++) {
                m[r] += points[3 * i + r];
            }
        }
        for (int r = 0; r < 3; r++) {
            m[r] /= n;
        }
        return m;
    }

    private static double rms(double[] mapped, double[] target) {
        double sum = 0;
        for (int k = 0; k < mapped.length; k++) {
            double d = mapped[k] - target[k];
            sum += d * d;
        }
        return Math.sqrt(sum / (mapped.length / 3));
    }
}
