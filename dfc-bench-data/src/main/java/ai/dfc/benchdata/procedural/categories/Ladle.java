package ai.dfc.benchdata.procedural.categories;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.procedural.FunctionalPart;
import ai.dfc.benchdata.procedural.MeshBuilder;
import ai.dfc.benchdata.procedural.PartFrame;
import ai.dfc.benchdata.procedural.ProceduralAsset;
import ai.dfc.benchdata.procedural.ProceduralCategory;
import ai.dfc.benchdata.procedural.ShapeParameter;
import ai.dfc.benchdata.procedural.ShapeParameters;
import ai.dfc.benchdata.procedural.Transform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ladle: a deep, thin-walled bowl of revolution about +y resting on its bottom at y = 0 with its opening up (from
 * half-ellipsoid to flat-bottomed, with a slightly flared rim), and a long round handle fixed to the outside of the
 * bowl at +x, running up past the rim, rising steeply (gently curved) and widening into a grip that ends in a hook
 * curling back towards the bowl. The "bowl" is the inside that holds the liquid, the "side" the bowl's curved
 * outside, the "rim" the top edge with narrow bands of both faces. The bowl's frame sits at the centre of the
 * inside bottom facing out of the opening (+y, the scooping direction) with {@code y} towards the handle; the
 * rim's at −x like {@link Mug}'s; the side's under the bottom facing down, the way it strikes when pounding.
 */
public final class Ladle implements ProceduralCategory {
    private static final int ANGULAR = 64;

    @Override
    public String name() {
        return "ladle";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("bowl_radius", 0.035, 0.060, "outer radius of the bowl at the rim (m)"),
                new ShapeParameter("bowl_depth", 0.60, 1.00, "depth of the bowl relative to its radius"),
                new ShapeParameter("bowl_squareness", 2.0, 3.2, "2 = half-ellipsoid bowl, higher = flatter bottom and steeper sides"),
                new ShapeParameter("wall", 0.0012, 0.0025, "wall thickness of the bowl (m)"),
                new ShapeParameter("rim_flare", 0.0, 0.004, "outward flare of the rim (m)"),
                new ShapeParameter("rim_band", 0.002, 0.004, "height of the band along the top edge that counts as rim (m)"),
                new ShapeParameter("handle_length", 0.18, 0.30, "length of the handle's straight run above the rim (m)"),
                new ShapeParameter("handle_angle", 0.95, 1.40, "angle of the handle above the horizontal (rad)"),
                new ShapeParameter("handle_curve", -0.15, 0.25, "curvature of the handle (rad; > 0 bowing away from the bowl)"),
                new ShapeParameter("handle_radius", 0.0028, 0.0050, "radius of the handle's cross-section near the bowl (m)"),
                new ShapeParameter("grip_widening", 1.0, 1.8, "radius of the grip relative to the handle's root"),
                new ShapeParameter("grip_position", 0.55, 0.85, "where the grip is widest, fraction of the handle's length"),
                new ShapeParameter("hook_angle", 0.0, 2.6, "how far the end curls back into a hook (rad)"),
                new ShapeParameter("hook_radius", 0.008, 0.020, "radius of the hook's curl (m)"),
                new ShapeParameter("root_length", 0.008, 0.025, "how far down the bowl's outside the handle is fixed (m)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("bowl", "- Bowl - The deep round cup of the ladle whose hollow scoops up, holds and pours soup.", false, false),
                new FunctionalPart("rim", "- Rim - The thin circular edge of the ladle's bowl that dips into the liquid and over which it is poured.", true, true),
                new FunctionalPart("side", "- Side - The rounded outside of the bowl, which strikes the surface when the ladle is used to pound.", true, false),
                new FunctionalPart("handle", "- Handle - The long slender shaft rising from the bowl, with a grip and a hook at its end.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("scoop-with"), List.of("bowl", "rim"));
        f.put(FunctionName.of("pour-with"), List.of("bowl", "rim"));
        f.put(FunctionName.of("mix-with"), List.of("bowl"));
        f.put(FunctionName.of("press-with"), List.of("bowl"));
        f.put(FunctionName.of("pound-with"), List.of("bowl", "side"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double r = p.get("bowl_radius");
        double d = p.get("bowl_depth") * r;
        double e = 2 / p.get("bowl_squareness");
        double wall = p.get("wall");
        double flare = p.get("rim_flare");
        double band = p.get("rim_band");
        // outer surface: a superellipse quarter from the bottom centre to the rim, flaring over its top fifth
        Profile prof = new Profile(0, 0);
        int steps = 28;
        for (int k = 1; k <= steps; k++) {
            double phi = -Math.PI / 2 + Math.PI / 2 * k / steps;
            double y = d * (1 - Math.pow(-Math.sin(phi), e));
            double x = r * Math.pow(Math.cos(phi), e) + flare * flareShape(y / d);
            prof.to(x, y, y > d - band + 1e-9 ? "rim" : "side");
        }
        // make sure the rim band starts at a profile point
        double rimTop = r + flare;
        prof.to(rimTop - wall, d, "rim");
        // inner surface: the same superellipse shrunk by the wall, back down to the axis
        double ri = r - wall;
        double di = d - wall;
        for (int k = steps - 1; k >= 0; k--) {
            double phi = -Math.PI / 2 + Math.PI / 2 * k / steps;
            double y = wall + di * (1 - Math.pow(-Math.sin(phi), e));
            double x = k == 0 ? 0 : ri * Math.pow(Math.cos(phi), e) + flare * flareShape(y / d);
            prof.to(x, y, y > d - band ? "rim" : "bowl");
        }
        MeshBuilder mb = new MeshBuilder();
        prof.lathe(mb, ANGULAR, 2, Transform.identity());

        // the handle's centreline: along the bowl's outside up to the rim, a long gently curved run, then the hook
        double rh = p.get("handle_radius");
        double off = rh - 0.5 * wall;
        double root = Math.min(p.get("root_length"), 0.6 * d);
        List<double[]> path = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            double y = d - root + root * k / 4.0;
            path.add(new double[] {outerRadius(y, r, d, e, flare) + off, y, 0});
        }
        double len = p.get("handle_length");
        double alpha = p.get("handle_angle");
        double curve = p.get("handle_curve");
        double[] q0 = path.get(path.size() - 1);
        double[] dir = {Math.cos(alpha), Math.sin(alpha), 0};
        double[] q3 = Curves.along(q0, dir, len);
        double[] startDir = {Math.cos((alpha + Math.PI / 2) / 2), Math.sin((alpha + Math.PI / 2) / 2), 0};
        double[] endDir = {Math.cos(alpha + curve), Math.sin(alpha + curve), 0};
        Curves.Bezier run = new Curves.Bezier(q0, Curves.along(q0, startDir, len / 3), Curves.along(q3, endDir, -len / 3), q3);
        double[][] runPts = run.sample(24);
        for (int i = 1; i < runPts.length; i++) {
            path.add(runPts[i]);
        }
        int handleEnd = path.size();
        double hook = p.get("hook_angle");
        double hookR = p.get("hook_radius");
        double[] t = run.tangent(1);
        double heading = Math.atan2(t[1], t[0]);
        // the hook turns counter-clockwise (towards −x, over the bowl's side): centre to the left of the heading
        double[] centre = {q3[0] - hookR * Math.sin(heading), q3[1] + hookR * Math.cos(heading), 0};
        int hookSteps = (int) Math.ceil(hook / 0.15);
        for (int k = 1; k <= hookSteps; k++) {
            double a = heading - Math.PI / 2 + hook * k / hookSteps;
            path.add(new double[] {centre[0] + hookR * Math.cos(a), centre[1] + hookR * Math.sin(a), 0});
        }
        double grip = p.get("grip_position");
        double widen = p.get("grip_widening");
        double[] radii = new double[path.size()];
        for (int i = 0; i < radii.length; i++) {
            double s = i < handleEnd ? (double) i / (handleEnd - 1) : 1;
            double bump = s < grip ? Curves.smooth(s / grip) : 1 - 0.4 * Curves.smooth((s - grip) / (1 - grip));
            radii[i] = rh * Curves.lerp(1, widen, bump);
        }
        String[] segs = new String[path.size() - 1];
        Arrays.fill(segs, "handle");
        mb.tube(path.toArray(double[][]::new), radii, segs, 12, true, true, Transform.identity());

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        frames.put("bowl", PartFrame.of(new double[] {0, wall, 0}, new double[] {0, 1, 0}, new double[] {1, 0, 0}, 2 * r));
        frames.put("rim", PartFrame.of(new double[] {-rimTop, d, 0}, new double[] {-1, 0, 0}, new double[] {0, 1, 0}, 2 * r));
        frames.put("side", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0}, 2 * r));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /** The outer surface's radius at height {@code y}, from the superellipse solved for its angle. */
    private static double outerRadius(double y, double r, double d, double e, double flare) {
        double s = Curves.clamp(1 - y / d, 0, 1);
        double sinPhi = Math.pow(s, 1 / e);
        double cos = Math.sqrt(Math.max(0, 1 - sinPhi * sinPhi));
        return r * Math.pow(cos, e) + flare * flareShape(y / d);
    }

    private static double flareShape(double t) {
        double f = Curves.clamp((t - 0.8) / 0.2, 0, 1);
        return f * f;
    }
}
