package ai.dfc.benchdata.procedural.categories;

import java.util.function.DoubleUnaryOperator;

/**
 * Small curve helpers shared by the vessel categories: clamped smoothstep, a monotone cubic interpolant for
 * radius profiles (it never overshoots its control values, so radii stay positive), planar cubic Béziers for
 * spouts and handles, and polyline sampling.
 */
final class Curves {
    private Curves() {
    }

    /** {@code x} limited to [{@code lo}, {@code hi}]. */
    static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** Smoothstep of {@code t} clamped to [0, 1]. */
    static double smooth(double t) {
        double c = clamp(t, 0, 1);
        return c * c * (3 - 2 * c);
    }

    /** Linear interpolation from {@code a} (t = 0) to {@code b} (t = 1). */
    static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** The unit vector {@code (−cos e, sin e, 0)}: towards −x, raised {@code e} radians above the horizontal. */
    static double[] forward(double elevation) {
        return new double[] {-Math.cos(elevation), Math.sin(elevation), 0};
    }

    /** The point {@code s} along direction {@code d} from {@code p}. */
    static double[] along(double[] p, double[] d, double s) {
        return new double[] {p[0] + d[0] * s, p[1] + d[1] * s, p[2] + d[2] * s};
    }

    /** The Euclidean distance between two 3-D points. */
    static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** The direction from {@code a} to {@code b}, normalized; the zero vector if they coincide. */
    static double[] direction(double[] a, double[] b) {
        double d = distance(a, b);
        return d < 1e-15 ? new double[3] : new double[] {(b[0] - a[0]) / d, (b[1] - a[1]) / d, (b[2] - a[2]) / d};
    }

    /** {@code z × (0, 0, 1)}: the "up" of an opening facing {@code z} in the x–y plane (part-frame convention). */
    static double[] openingUp(double[] z) {
        return new double[] {z[1], -z[0], 0};
    }

    /**
     * The centreline of a C- or D-shaped side handle on the +x side of a body of revolution whose surface radius at
     * height {@code y} is {@code surface(y)}: it leaves the body at {@code yHigh}, bulges out {@code reach} beyond
     * the surface and returns at {@code yLow}, both ends continuing {@code embed} into the body so the tube's caps
     * are hidden. {@code squareness} 0 gives a round C, 1 a squarish D; {@code lean} in [−0.5, 0.5] makes the
     * upper half stick out further (positive) or less far (negative) than the lower half.
     */
    static double[][] sideHandle(DoubleUnaryOperator surface, double yLow, double yHigh, double reach, double squareness,
            double lean, double embed, int n) {
        double e = 1 - 0.75 * squareness;
        double yc = (yLow + yHigh) / 2;
        double half = (yHigh - yLow) / 2;
        double[][] path = new double[n + 3][];
        for (int i = 0; i <= n; i++) {
            double phi = Math.PI / 2 - Math.PI * i / n;
            double y = yc + half * Math.sin(phi);
            double out = reach * Math.pow(Math.max(0, Math.cos(phi)), e) * (1 + lean * Math.sin(phi));
            path[i + 1] = new double[] {surface.applyAsDouble(y) - 0.5 * embed + out, y, 0};
        }
        // each end continues into the body along the surface's normal, so its cap lies flat inside the wall
        path[0] = intoSurface(surface, path[1], embed / 2);
        path[n + 2] = intoSurface(surface, path[n + 1], embed / 2);
        return path;
    }

    private static double[] intoSurface(DoubleUnaryOperator surface, double[] p, double depth) {
        double slope = (surface.applyAsDouble(p[1] + 1e-3) - surface.applyAsDouble(p[1] - 1e-3)) / 2e-3;
        double n = Math.hypot(1, slope);
        return new double[] {p[0] - depth / n, p[1] + depth * slope / n, 0};
    }

    /**
     * Monotone piecewise-cubic interpolation (Fritsch–Carlson) through {@code (x_i, y_i)}, {@code x} strictly
     * increasing; constant beyond the ends. Between two control points the value stays between their values.
     */
    static final class Monotone implements DoubleUnaryOperator {
        private final double[] xs;
        private final double[] ys;
        private final double[] slopes;

        /** Through points {@code (xs[i], ys[i])}, {@code xs} strictly increasing. */
        Monotone(double[] xs, double[] ys) {
            int n = xs.length;
            if (n < 2 || ys.length != n) {
                throw new IllegalArgumentException("monotone interpolation needs >= 2 points");
            }
            for (int i = 0; i + 1 < n; i++) {
                if (!(xs[i + 1] > xs[i])) {
                    throw new IllegalArgumentException("control abscissae must increase: " + xs[i] + ", " + xs[i + 1]);
                }
            }
            this.xs = xs.clone();
            this.ys = ys.clone();
            double[] secant = new double[n - 1];
            for (int i = 0; i + 1 < n; i++) {
                secant[i] = (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
            }
            slopes = new double[n];
            slopes[0] = secant[0];
            slopes[n - 1] = secant[n - 2];
            for (int i = 1; i + 1 < n; i++) {
                slopes[i] = secant[i - 1] * secant[i] <= 0 ? 0 : (secant[i - 1] + secant[i]) / 2;
            }
            for (int i = 0; i + 1 < n; i++) {
                if (secant[i] == 0) {
                    slopes[i] = 0;
                    slopes[i + 1] = 0;
                    continue;
                }
                double a = slopes[i] / secant[i];
                double b = slopes[i + 1] / secant[i];
                double s = a * a + b * b;
                if (s > 9) {
                    double tau = 3 / Math.sqrt(s);
                    slopes[i] = tau * a * secant[i];
                    slopes[i + 1] = tau * b * secant[i];
                }
            }
        }

        @Override
        public double applyAsDouble(double x) {
            int n = xs.length;
            if (x <= xs[0]) {
                return ys[0];
            }
            if (x >= xs[n - 1]) {
                return ys[n - 1];
            }
            int i = 0;
            while (x > xs[i + 1]) {
                i++;
            }
            double h = xs[i + 1] - xs[i];
            double t = (x - xs[i]) / h;
            double t2 = t * t;
            double t3 = t2 * t;
            return (2 * t3 - 3 * t2 + 1) * ys[i] + (t3 - 2 * t2 + t) * h * slopes[i] + (-2 * t3 + 3 * t2) * ys[i + 1]
                    + (t3 - t2) * h * slopes[i + 1];
        }
    }

    /** A cubic Bézier curve in 3-D (the vessels use it in the x–y plane). */
    static final class Bezier {
        private final double[][] p;

        /** From its four control points. */
        Bezier(double[] p0, double[] p1, double[] p2, double[] p3) {
            p = new double[][] {p0.clone(), p1.clone(), p2.clone(), p3.clone()};
        }

        /** The point at parameter {@code t} in [0, 1]. */
        double[] point(double t) {
            double s = 1 - t;
            double[] w = {s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t};
            double[] out = new double[3];
            for (int k = 0; k < 4; k++) {
                for (int a = 0; a < 3; a++) {
                    out[a] += w[k] * p[k][a];
                }
            }
            return out;
        }

        /** The unit tangent at {@code t}. */
        double[] tangent(double t) {
            double s = 1 - t;
            double[] w = {-3 * s * s, 3 * s * s - 6 * s * t, 6 * s * t - 3 * t * t, 3 * t * t};
            double[] out = new double[3];
            for (int k = 0; k < 4; k++) {
                for (int a = 0; a < 3; a++) {
                    out[a] += w[k] * p[k][a];
                }
            }
            double n = Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]);
            if (n < 1e-12) {
                return tangent(t < 0.5 ? t + 1e-3 : t - 1e-3);
            }
            return new double[] {out[0] / n, out[1] / n, out[2] / n};
        }

        /** The arc length from {@code t0} to {@code t1}, by a fine polyline. */
        double length(double t0, double t1) {
            double len = 0;
            double[] prev = point(t0);
            for (int i = 1; i <= 64; i++) {
                double[] q = point(t0 + (t1 - t0) * i / 64);
                len += distance(prev, q);
                prev = q;
            }
            return len;
        }

        /** {@code n + 1} points at equal parameter steps. */
        double[][] sample(int n) {
            double[][] out = new double[n + 1][];
            for (int i = 0; i <= n; i++) {
                out[i] = point((double) i / n);
            }
            return out;
        }
    }
}
