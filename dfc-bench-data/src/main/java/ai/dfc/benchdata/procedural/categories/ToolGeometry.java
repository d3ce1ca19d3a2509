package ai.dfc.benchdata.procedural.categories;

import static ai.dfc.benchdata.procedural.categories.Curves.clamp;
import static ai.dfc.benchdata.procedural.categories.Curves.lerp;
import static ai.dfc.benchdata.procedural.categories.Curves.smooth;

import ai.dfc.benchdata.procedural.MeshBuilder;
import ai.dfc.benchdata.procedural.Transform;
import java.util.Arrays;

/**
 * Shared shape pieces for the hand-tool categories: a "loft" (a closed solid of stacked superelliptic, optionally
 * lobed cross-sections, for hammer and mallet heads, screwdriver shafts and tips and straight handles) and a
 * straight handle built from it, plus small vector helpers (interpolation comes from {@link Curves}). Package-private; categories stay small.
 */
final class ToolGeometry {
    private ToolGeometry() {
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** {@code a} scaled to unit length; {@code a} must be non-zero. */
    static double[] unit(double[] a) {
        return scale(a, 1 / Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]));
    }

    /** |c|^e with the sign of c. */
    static double signedPow(double c, double e) {
        return Math.signum(c) * Math.pow(Math.abs(c), e);
    }

    /**
     * A closed solid along the local +y axis whose cross-section at each profile row is a superellipse
     * {@code |x/hx|^n + |z/hz|^n = 1} (n = 2: ellipse, larger: rounded rectangle), optionally modulated by
     * {@code 1 + lobeDepth·cos(lobes·θ)} (flutes of a screwdriver grip, the cross of a Phillips tip). Rows are
     * interpolated linearly; the first and last rows should have zero size so the ends close. Built with
     * {@link MeshBuilder#lathe(double[][], String[], int, int, MeshBuilder.Section, Transform)}.
     *
     * @param profile      rows {@code {hx, hz, y, n, lobeDepth}}; hx, hz ≥ 0 half-sizes along local x and z,
     *                     n ≥ 1, 0 ≤ lobeDepth &lt; 1
     * @param segmentParts the part of each segment between consecutive rows
     * @param lobes        number of lobes around the section (ignored where lobeDepth = 0)
     * @param around       angular steps per quarter of the section (≥ 1)
     * @param steps        steps along each segment (≥ 1)
     */
    static void loft(MeshBuilder mb, double[][] profile, String[] segmentParts, int lobes, int around, int steps,
            Transform placement) {
        int rows = profile.length;
        double[][] radial = new double[rows][];
        // per row: {aspect x, aspect z, n, lobe}; rows of zero size borrow the aspect of their neighbour
        double[][] shape = new double[rows][];
        for (int i = 0; i < rows; i++) {
            double size = Math.max(profile[i][0], profile[i][1]);
            radial[i] = new double[] {size, profile[i][2]};
            shape[i] = size > 0
                    ? new double[] {profile[i][0] / size, profile[i][1] / size, profile[i][3], profile[i][4]} : null;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < rows; i++) {
                if (shape[i] == null) {
                    int j = i + 1 < rows && shape[i + 1] != null ? i + 1 : i > 0 && shape[i - 1] != null ? i - 1 : -1;
                    if (j >= 0) {
                        shape[i] = new double[] {shape[j][0], shape[j][1], profile[i][3], profile[i][4]};
                    }
                }
            }
        }
        for (double[] row : shape) {
            if (row == null) {
                throw new IllegalArgumentException("loft needs at least one row of non-zero size");
            }
        }
        MeshBuilder.Section section = (s, theta) -> {
            double f = clamp(s, 0, 1) * (rows - 1);
            int i = Math.min(rows - 2, (int) Math.floor(f));
            double t = f - i;
            double[] a = shape[i];
            double[] b = shape[i + 1];
            double e = 2 / lerp(a[2], b[2], t);
            double m = 1 + lerp(a[3], b[3], t) * Math.cos(lobes * theta);
            return new double[] {lerp(a[0], b[0], t) * signedPow(Math.cos(theta), e) * m,
                lerp(a[1], b[1], t) * signedPow(Math.sin(theta), e) * m};
        };
        mb.lathe(radial, segmentParts, 4 * around, steps, section, placement);
    }

    /**
     * A straight handle along −x: front end at {@code (xFront, y, 0)}, butt at {@code xFront − length} closed by a
     * dome. Cross-section: a superellipse {@code height} (along y) by {@code width} (along z) at the front.
     *
     * @param exponent  section exponent (2 = oval, 3–4 = rounded rectangle)
     * @param taper     section scale at the butt relative to the front
     * @param swell     extra scale of the grip's middle (palm swell)
     * @param knob      extra scale just before the butt (a knob that stops the hand slipping)
     */
    static void handle(MeshBuilder mb, String part, double xFront, double y, double length, double height, double width,
            double exponent, double taper, double swell, double knob) {
        int n = 14;
        double hh = height / 2;
        double hw = width / 2;
        double dome = Math.min(0.45 * Math.min(hh, hw) * (1 + taper) / 2, length / 3);
        double body = length - dome;
        double[][] rows = new double[n + 8][];
        int k = 0;
        rows[k++] = new double[] {0, 0, 0, exponent, 0};
        rows[k++] = new double[] {0.9 * hh, 0.9 * hw, 0, exponent, 0};
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double f = profileScale(t, taper, swell, knob);
            rows[k++] = new double[] {hh * f, hw * f, 0.0015 + (body - 0.0015) * t, exponent, 0};
        }
        double fEnd = profileScale(1, taper, swell, knob);
        for (double a : new double[] {0.35, 0.65, 0.9}) {
            double al = a * Math.PI / 2;
            rows[k++] = new double[] {hh * fEnd * Math.cos(al), hw * fEnd * Math.cos(al), body + dome * Math.sin(al),
                exponent, 0};
        }
        rows[k++] = new double[] {0, 0, length, exponent, 0};
        double[][] profile = Arrays.copyOf(rows, k);
        String[] parts = new String[k - 1];
        Arrays.fill(parts, part);
        loft(mb, profile, parts, 1, 8, 2,
                Transform.rotateZ(Math.PI / 2).then(Transform.translate(xFront, y, 0)));
    }

    /**
     * A straight bar along −x with flat ends (a ferrule, a collar): front at {@code (xFront, y, 0)}, section a
     * superellipse {@code height} × {@code width} with exponent {@code exponent}.
     */
    static void bar(MeshBuilder mb, String part, double xFront, double y, double length, double height, double width,
            double exponent) {
        double[][] rows = {{0, 0, 0, exponent, 0}, {height / 2, width / 2, 0, exponent, 0},
            {height / 2, width / 2, length, exponent, 0}, {0, 0, length, exponent, 0}};
        loft(mb, rows, new String[] {part, part, part}, 1, 8, 1,
                Transform.rotateZ(Math.PI / 2).then(Transform.translate(xFront, y, 0)));
    }

    private static double profileScale(double t, double taper, double swell, double knob) {
        return (1 + (taper - 1) * t) * (1 + swell * Math.sin(Math.PI * t)) * (1 + knob * smooth((t - 0.8) / 0.2));
    }
}
