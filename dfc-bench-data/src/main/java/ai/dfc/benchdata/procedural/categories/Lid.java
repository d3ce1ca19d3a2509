package ai.dfc.benchdata.procedural.categories;

import ai.dfc.benchdata.procedural.MeshBuilder;
import ai.dfc.benchdata.procedural.Transform;

/**
 * A round pot lid with a knob, as used by the kettle and the teapot: a thin flange of radius {@code radius} resting
 * on the body's top at height {@code seat}, a dome rising {@code dome} above the flange (at most 0.8 times the
 * radius; rounder or flatter by {@code roundness}) and on its crown a knob of height {@code knobHeight}: a short stem
 * carrying a flattened ball of radius {@code knobRadius}. Parts "lid" and "knob", both closed solids of revolution
 * about +y.
 */
final class Lid {
    private Lid() {
    }

    /**
     * Adds the lid and knob to {@code mb}.
     *
     * @param roundness in [0, 1]: 0 a cone-like dome, 1 a half-ellipse
     * @return the height of the knob's top
     */
    static double build(MeshBuilder mb, double seat, double radius, double dome, double roundness, double knobHeight,
            double knobRadius, int angular) {
        dome = Math.min(dome, 0.8 * radius);
        double flange = Math.min(0.004, 0.25 * dome + 0.001);
        Profile prof = new Profile(0, seat).to(radius, seat, "lid").to(radius, seat + flange, "lid");
        double e = Curves.lerp(1.0, 0.5, roundness);
        for (int k = 1; k <= 10; k++) {
            double phi = Math.PI / 2 * k / 10;
            double c = Math.pow(Math.cos(phi), e);
            prof.to(k == 10 ? 0 : radius * 0.97 * c, seat + flange + dome * Math.sin(phi), "lid");
        }
        prof.lathe(mb, angular, 1, Transform.identity());

        double y0 = seat + flange + dome;
        double stem = 0.45 * knobRadius;
        double yc = y0 + 0.55 * knobHeight;
        double b = 0.45 * knobHeight;
        Profile knob = new Profile(0, y0 - 0.003).to(stem, y0 - 0.003, "knob");
        double phi0 = -Math.acos(stem / knobRadius);
        for (int k = 0; k <= 10; k++) {
            double phi = Curves.lerp(phi0, Math.PI / 2, k / 10.0);
            knob.to(k == 10 ? 0 : knobRadius * Math.cos(phi), yc + b * Math.sin(phi), "knob");
        }
        knob.lathe(mb, angular / 2, 1, Transform.identity());
        return yc + b;
    }
}
