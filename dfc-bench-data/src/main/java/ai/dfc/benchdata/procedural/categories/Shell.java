package ai.dfc.benchdata.procedural.categories;

import ai.dfc.benchdata.procedural.MeshBuilder;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * The wall of an open, thin-walled vessel of revolution about +y whose top can be pulled out into a pouring spout at
 * −x (a jug's or a saucepan's lip), as a {@link MeshBuilder#sheet} mid-surface: {@code u} runs once around from +x
 * towards +z ({@code u = 0.5} is −x, the spout's centre; the angle is warped so cells there are a third as wide as at
 * +x), {@code v} along the mid-wall profile from the bottom centre ({@code v = 0}) to the rim ({@code v = 1}), by arc
 * length weighted three times over the top {@code fine} metres (rim and spout). The sheet's thickness makes the floor
 * and wall; its end wall at {@code v = 1} is the rim's top face. The spout moves the wall's upper part towards −x
 * (and up, and pinches its flanks), fading out sideways over {@code halfWidth} radians and downwards over
 * {@code depth}.
 */
final class Shell implements MeshBuilder.SheetShape {
    /**
     * How the rim is pulled into a spout at −x: how far out and up its lip moves (m), its angular half-width (rad),
     * how far down the wall it reaches (m), how much its flanks are squeezed together (0..1) and the exponent that
     * sharpens its cross-section from a U (1) towards a V. A zero pull means no spout.
     */
    record Spout(double pull, double lift, double halfWidth, double depth, double pinch, double sharpness) {
    }

    private final double[][] profile;
    private final double[] arc;
    private final DoubleBinaryOperator thickness;
    private final Spout spout;
    private final double top;

    /**
     * @param profile   mid-wall points {@code {r, y}} from the bottom centre ({@code r = 0}) to the rim
     * @param thickness the wall thickness as a function of the mid-wall point's {@code (r, y)}
     * @param fine      the height below the rim over which the profile is resolved three times as finely
     */
    Shell(double[][] profile, DoubleBinaryOperator thickness, Spout spout, double fine) {
        this.profile = Arrays.stream(profile).map(double[]::clone).toArray(double[][]::new);
        this.thickness = thickness;
        this.spout = spout;
        top = profile[profile.length - 1][1];
        arc = new double[profile.length];
        for (int i = 1; i < profile.length; i++) {
            double weight = profile[i][1] > top - fine ? 3 : 1;
            arc[i] = arc[i - 1] + weight * Math.hypot(profile[i][0] - profile[i - 1][0], profile[i][1] - profile[i - 1][1]);
        }
        for (int i = 1; i < arc.length; i++) {
            arc[i] /= arc[arc.length - 1];
        }
    }

    /** The undeformed mid-wall {@code {r, y}} at {@code v}. */
    double[] profileAt(double v) {
        double s = Curves.clamp(v, 0, 1);
        int i = Arrays.binarySearch(arc, s);
        if (i >= 0) {
            return profile[i].clone();
        }
        int hi = Math.min(-i - 1, arc.length - 1);
        int lo = hi - 1;
        double t = (s - arc[lo]) / (arc[hi] - arc[lo]);
        return new double[] {Curves.lerp(profile[lo][0], profile[hi][0], t), Curves.lerp(profile[lo][1], profile[hi][1], t)};
    }

    /** The angle from +x towards +z at {@code u}: a monotone warp of 2πu, finer around −x. */
    static double angle(double u) {
        return 2 * Math.PI * u + 0.5 * Math.sin(2 * Math.PI * u);
    }

    /** The inverse of {@link #angle}, for an angle in [0, 2π). */
    static double parameter(double angle) {
        double u = angle / (2 * Math.PI);
        for (int i = 0; i < 12; i++) {
            u -= (angle(u) - angle) / (2 * Math.PI * (1 + 0.5 * Math.cos(2 * Math.PI * u)));
        }
        return u;
    }

    /** How far round the spout {@code u} lies: 1 at its centre (−x), fading to 0 at its flanks and beyond. */
    double spoutAcross(double u) {
        if (spout.pull() <= 0) {
            return 0;
        }
        double delta = Math.abs(angle(u) - Math.PI);
        return delta >= spout.halfWidth() ? 0 : Math.pow(Curves.smooth(1 - delta / spout.halfWidth()), spout.sharpness());
    }

    /** How strongly the spout deforms the wall at (u, v): 0 outside it, 1 at the tip of its lip. */
    double spoutWeight(double u, double v) {
        if (spout.pull() <= 0) {
            return 0;
        }
        double y = profileAt(v)[1];
        if (y <= top - spout.depth()) {
            return 0;
        }
        double up = (y - (top - spout.depth())) / spout.depth();
        return spoutAcross(u) * up * up;
    }

    @Override
    public double[] point(double u, double v) {
        double[] rv = profileAt(v);
        double th = angle(u);
        double w = spoutWeight(u, v);
        return new double[] {rv[0] * Math.cos(th) - spout.pull() * w, rv[1] + spout.lift() * w,
            rv[0] * Math.sin(th) * (1 - spout.pinch() * w)};
    }

    @Override
    public double thickness(double u, double v) {
        double[] rv = profileAt(v);
        return thickness.applyAsDouble(rv[0], rv[1]);
    }

    /** The centre of the rim's top face at −x: the tip of the spout, where liquid leaves. */
    double[] lip() {
        return point(0.5, 1);
    }

    /** The unit direction in which the wall runs out of the rim at −x: where poured liquid leaves. */
    double[] outflow() {
        return Curves.direction(point(0.5, 0.995), point(0.5, 1));
    }

    /**
     * Whether object point {@code c} lies inside the mid-surface (on the wall's inner face): the side of the
     * outward normal at the nearest mid-surface point in the meridian through {@code c}, found from the nearest
     * point of the undeformed profile and refined on the real surface (reliable wherever the spout's deformation
     * is small against the wall's thickness, i.e. outside the spout).
     */
    boolean inner(double[] c) {
        double th = Math.atan2(c[2], c[0]);
        double u = parameter(th < 0 ? th + 2 * Math.PI : th);
        // first guess: the nearest point of the undeformed meridian, then a local search on the real surface
        double rc = Math.hypot(c[0], c[2]);
        double guess = 0;
        double best = Double.MAX_VALUE;
        for (int i = 0; i + 1 < profile.length; i++) {
            double[] a = profile[i];
            double[] b = profile[i + 1];
            double dr = b[0] - a[0];
            double dy = b[1] - a[1];
            double len2 = dr * dr + dy * dy;
            double t = len2 == 0 ? 0 : Curves.clamp(((rc - a[0]) * dr + (c[1] - a[1]) * dy) / len2, 0, 1);
            double d = Math.hypot(a[0] + t * dr - rc, a[1] + t * dy - c[1]);
            if (d < best) {
                best = d;
                guess = Curves.lerp(arc[i], arc[i + 1], t);
            }
        }
        best = Double.MAX_VALUE;
        double bestV = guess;
        for (int i = -10; i <= 10; i++) {
            double v = Curves.clamp(guess + 0.002 * i, 0, 1);
            double d = Curves.distance(point(u, v), c);
            if (d < best) {
                best = d;
                bestV = v;
            }
        }
        double h = 1e-3;
        double v0 = Curves.clamp(bestV, h, 1 - h);
        double[] p = point(u, v0);
        double[] dv = Curves.direction(point(u, v0 - h), point(u, v0 + h));
        double[] du = Curves.direction(point(u - h, v0), point(u + h, v0));
        // outward normal = dv × du (the wall rises along v and turns counter-clockwise seen from above along u)
        double[] n = {dv[1] * du[2] - dv[2] * du[1], dv[2] * du[0] - dv[0] * du[2], dv[0] * du[1] - dv[1] * du[0]};
        if (p[0] * p[0] + p[2] * p[2] < 1e-12 || Math.abs(n[0]) + Math.abs(n[1]) + Math.abs(n[2]) < 1e-9) {
            // on the axis the floor's normal is straight down
            n = new double[] {0, -1, 0};
        }
        return (c[0] - p[0]) * n[0] + (c[1] - p[1]) * n[1] + (c[2] - p[2]) * n[2] < 0;
    }
}
