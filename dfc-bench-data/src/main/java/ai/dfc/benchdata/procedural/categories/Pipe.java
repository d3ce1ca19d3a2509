package ai.dfc.benchdata.procedural.categories;

import ai.dfc.benchdata.procedural.MeshBuilder;
import java.util.function.DoubleUnaryOperator;

/**
 * A hollow, thin-walled pipe of round cross-section along a cubic Bézier in the x–y plane, as a
 * {@link MeshBuilder#sheet} mid-surface: {@code u} runs along the centreline from its start (buried in the body it
 * grows out of) to its opening — warped so rings crowd towards the opening, where the mouth and lip need them —
 * and {@code v} once around it. The sheet's thickness gives the wall, its end walls the annular faces at both
 * ends, so the pipe is a closed solid with an open bore, like a real spout. The centreline must stay in the x–y
 * plane, where the cross-section frame (in-plane normal, +z) cannot twist. All parameters below are the sheet's
 * {@code u}.
 */
final class Pipe implements MeshBuilder.SheetShape {
    private final Curves.Bezier centreline;
    private final DoubleUnaryOperator radius;
    private final double wall;
    private final double lipStart;

    /**
     * @param centreline the pipe's axis, in the x–y plane
     * @param radius     the mid-wall radius at the centreline's own parameter
     * @param wall       the wall thickness; capped at 60 % of the radius so the bore never closes
     * @param lipStart   where the wall starts thickening into a bead around the opening (1 for none)
     */
    Pipe(Curves.Bezier centreline, DoubleUnaryOperator radius, double wall, double lipStart) {
        this.centreline = centreline;
        this.radius = radius;
        this.wall = wall;
        this.lipStart = lipStart;
    }

    /**
     * This pipe with a rolled lip: over its last {@code length} the wall thickens smoothly to 60 % of the radius,
     * so the opening's bore is about half its outer diameter.
     */
    Pipe withLip(double length) {
        return new Pipe(centreline, radius, wall, startOfLast(length));
    }

    /**
     * A spout growing out of a body at {@code attach} (a point on the body's surface in the x–y plane) and ending
     * at {@code tip}: it leaves the body {@code bend} radians flatter than the chord from attach to tip and ends
     * {@code bend} radians steeper, at most 1.2 rad above the horizontal (a spout curving upwards; negative bends
     * curve it down), starts buried 1.5 base radii inside the body (straight towards +x, so the buried root stays
     * at the attachment's height), and narrows linearly from {@code baseRadius} to {@code tipRadius}, with an extra
     * {@code flare} of radius fading out over the first fifth where it joins the body.
     */
    static Pipe spout(double[] attach, double[] tip, double bend, double baseRadius, double tipRadius, double flare,
            double wall) {
        double[] chord = {tip[0] - attach[0], tip[1] - attach[1], 0};
        double len = Math.hypot(chord[0], chord[1]);
        double elevation = Math.atan2(chord[1], -chord[0]);
        double[] d0 = Curves.forward(elevation - bend);
        double[] d1 = Curves.forward(Math.min(elevation + bend, 1.2));
        double[] buried = {attach[0] + 1.5 * baseRadius, attach[1], attach[2]};
        Curves.Bezier path = new Curves.Bezier(buried, Curves.along(attach, d0, len / 3),
                Curves.along(tip, d1, -len / 3), tip);
        return new Pipe(path, u -> Curves.lerp(baseRadius, tipRadius, u) + flare * Math.pow(Math.max(0, 1 - 5 * u), 2), wall,
                1);
    }

    /** The parameter at which the last {@code length} of the centreline begins (the mouth's share). */
    double startOfLast(double length) {
        return sheetParameter(centrelineStartOfLast(length));
    }

    private double centrelineStartOfLast(double length) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (centreline.length(mid, 1) > length) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * The first parameter at which the centreline leaves a body of revolution about +y whose radius at height
     * {@code y} is {@code bodyRadius(y)} (0 if it starts outside).
     */
    double exit(DoubleUnaryOperator bodyRadius) {
        for (int i = 0; i <= 200; i++) {
            double t = i / 200.0;
            double[] c = centreline.point(t);
            if (Math.hypot(c[0], c[2]) > bodyRadius.applyAsDouble(c[1])) {
                return sheetParameter(t);
            }
        }
        return 1;
    }

    /** The centreline's parameter at sheet parameter {@code u}: rings are spaced finer towards the opening. */
    static double along(double u) {
        return 1 - Math.pow(1 - u, 1.6);
    }

    /** The inverse of {@link #along}. */
    static double sheetParameter(double t) {
        return 1 - Math.pow(1 - t, 1 / 1.6);
    }

    @Override
    public double[] point(double u, double v) {
        double s = along(u);
        double[] c = centreline.point(s);
        double[] t = centreline.tangent(s);
        double r = radius.applyAsDouble(s);
        double a = 2 * Math.PI * v;
        // in-plane normal (−t_y, t_x, 0) and binormal +z
        return new double[] {c[0] - t[1] * r * Math.cos(a), c[1] + t[0] * r * Math.cos(a), c[2] + r * Math.sin(a)};
    }

    @Override
    public double thickness(double u, double v) {
        double max = 0.6 * radius.applyAsDouble(along(u));
        if (u <= lipStart) {
            return Math.min(wall, max);
        }
        return Math.min(max, Curves.lerp(wall, max, Curves.smooth((u - lipStart) / (1 - lipStart))));
    }

    /** The centre of the opening (the end of the centreline). */
    double[] opening() {
        return centreline.point(1);
    }

    /** The unit direction the bore points at the opening: where liquid leaves. */
    double[] outflow() {
        return centreline.tangent(1);
    }

    /** The outer diameter at the opening. */
    double openingDiameter() {
        return 2 * radius.applyAsDouble(1) + thickness(1, 0);
    }

    /** The length of the centreline from {@code u0} to the opening. */
    double length(double u0) {
        return centreline.length(along(u0), 1);
    }
}
