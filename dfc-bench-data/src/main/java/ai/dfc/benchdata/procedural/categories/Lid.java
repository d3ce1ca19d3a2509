package ai.dfc.benchdata.procedural.categories;

import ai.dfc.benchdata.procedural.MeshBuilder;
import ai.dfc.benchdata.procedural.Transform;
import java.util.ArrayList;
import java.util.List;

/**
 * A round pot lid with a knob, as used by the kettle and the teapot: a thin flange of radius {@code radius}
 * resting on the body's top at height {@code seat}, a dome rising {@code dome} above the flange (at most 0.8 times
 * the radius; rounder or flatter by {@code roundness}) and on its crown a knob of height {@code knobHeight}: a short stem carrying a
 * flattened ball of radius {@code knobRadius}. Parts "lid" and "knob", both closed solids of revolution about +y.
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
        List<double[]> prof = new ArrayList<>();
        prof.add(new double[] {0, seat});
        prof.add(new double[] {radius, seat});
        prof.add(new double[] {radius, seat + flange});
        double e = Curves.lerp(1.0, 0.5, roundness);
        for (int k = 1; k <= 10; k++) {
            double phi = Math.PI / 2 * k / 10;
            double c = Math.pow(Math.cos(phi), e);
            prof.add(new double[] {radius * 0.97 * c, seat + flange + dome * Math.sin(phi)});
        }
        prof.get(prof.size() - 1)[0] = 0;
        String[] lidParts = new String[prof.size() - 1];
        java.util.Arrays.fill(lidParts, "lid");
        mb.lathe(prof.toArray(double[][]::new), lidParts, angular, 1, Transform.identity());

        double y0 = seat + flange + dome;
        double stem = 0.45 * knobRadius;
        double yc = y0 + 0.55 * knobHeight;
        double b = 0.45 * knobHeight;
        List<double[]> knob = new ArrayList<>();
        knob.add(new double[] {0, y0 - 0.003});
        knob.add(new double[] {stem, y0 - 0.003});
        double phi0 = -Math.acos(stem / knobRadius);
        for (int k = 0; k <= 10; k++) {
            double phi = Curves.lerp(phi0, Math.PI / 2, k / 10.0);
            knob.add(new double[] {knobRadius * Math.cos(phi), yc + b * Math.sin(phi)});
        }
        knob.get(knob.size() - 1)[0] = 0;
        String[] knobParts = new String[knob.size() - 1];
        java.util.Arrays.fill(knobParts, "knob");
        mb.lathe(knob.toArray(double[][]::new), knobParts, angular / 2, 1, Transform.identity());
        return yc + b;
    }
}
