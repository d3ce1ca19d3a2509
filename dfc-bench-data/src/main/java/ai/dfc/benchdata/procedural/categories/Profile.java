package ai.dfc.benchdata.procedural.categories;

import ai.dfc.benchdata.procedural.MeshBuilder;
import ai.dfc.benchdata.procedural.Transform;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MeshBuilder#lathe} profile under construction: points {@code {r, y}} in order (counter-clockwise for
 * a closed solid, outward on the right of the direction of travel) and the part of each segment between two
 * consecutive points.
 */
final class Profile {
    private final List<double[]> points = new ArrayList<>();
    private final List<String> parts = new ArrayList<>();

    /** A profile starting at {@code (r, y)}. */
    Profile(double r, double y) {
        points.add(new double[] {r, y});
    }

    /** Extends the profile to {@code (r, y)} by a segment belonging to {@code part}. */
    Profile to(double r, double y, String part) {
        points.add(new double[] {r, y});
        parts.add(part);
        return this;
    }

    /** A copy, to be extended independently. */
    Profile copy() {
        Profile p = new Profile(points.get(0)[0], points.get(0)[1]);
        for (int i = 1; i < points.size(); i++) {
            p.to(points.get(i)[0], points.get(i)[1], parts.get(i - 1));
        }
        return p;
    }

    /** The number of points. */
    int size() {
        return points.size();
    }

    /** Point {@code i}, {@code {r, y}}. */
    double[] point(int i) {
        return points.get(i).clone();
    }

    /** Adds the profile's surface of revolution about the local +y axis to {@code mb}. */
    void lathe(MeshBuilder mb, int angular, int stepsPerSegment, Transform placement) {
        mb.lathe(points.toArray(double[][]::new), parts.toArray(String[]::new), angular, stepsPerSegment, placement);
    }
}
