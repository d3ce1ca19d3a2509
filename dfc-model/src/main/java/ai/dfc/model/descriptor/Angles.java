package ai.dfc.model.descriptor;

/**
 * Gradient directions without {@link Math#atan2}, which costs tens of nanoseconds, and without data-dependent
 * branches, which gradient orientations (close to random from pixel to pixel) make expensive: the descriptor
 * needs one per pixel and scale.
 */
final class Angles {
    private static final double HALF_PI = Math.PI / 2;

    private Angles() {
    }

    /**
     * The direction of {@code (x, y)} modulo π, in [0, π] (π and 0 are the same direction), to within 2e-6 rad,
     * exact on the axes and diagonals. The vector is folded onto {@code y ≥ 0}; there {@code q = y / (|x| + y)}
     * gives {@code atan(y / |x|)} as a degree-11 odd polynomial in {@code q − ½} (fitted for the smallest maximum
     * error), mirrored for {@code x < 0}. 0 or π for {@code (0, 0)}.
     */
    static double halfTurn(double x, double y) {
        double fx = x * Math.copySign(1.0, y); // (x, y) and (−x, −y) are one direction
        double fy = Math.abs(y);
        double q = fy / Math.max(Math.abs(fx) + fy, Double.MIN_NORMAL);
        double u = q - 0.5;
        double s = u * u;
        // the factor (s − ¼) makes the axes (q = 0, 1) and the diagonal (q = ½) exact
        double t = Math.PI / 4 + u * (HALF_PI + (s - 0.25) * (-1.716619994 + s * (3.77624594 + s * (-9.636609745
                + s * (20.73393885 + s * -23.40359005)))));
        return HALF_PI - Math.copySign(HALF_PI - t, fx);
    }

    /** The direction of {@code (x, y)} in [0, 2π] (2π is 0), to within 2e-6 rad. */
    static double fullTurn(double x, double y) {
        // halfTurn folded (x, y) onto y ≥ 0 exactly when copySign(1, y) < 0 (−0 included); undo that
        return halfTurn(x, y) + (1 - Math.copySign(1.0, y)) * HALF_PI;
    }
}
