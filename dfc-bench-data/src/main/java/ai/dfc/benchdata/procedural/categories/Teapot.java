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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A teapot: a squat, round body of revolution about +y on a low foot ring standing on y = 0, narrowing to a collar
 * at the top on which a domed lid with a knob sits; a hollow, strongly tapering spout that grows out of the lower
 * body at −x and curves up to an opening at about the lid's height; and a C- or D-shaped side handle at +x. The
 * spout's frame sits at the centre of its opening with {@code z} along the bore out of it and {@code y} the
 * opening's up ({@code z × +z}), its size the spout's length from the body, as for the kettle.
 */
public final class Teapot implements ProceduralCategory {
    private static final int ANGULAR = 56;

    @Override
    public String name() {
        return "teapot";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("height", 0.075, 0.150, "height of the body up to the collar the lid sits on (m)"),
                new ShapeParameter("belly_radius", 0.055, 0.095, "widest radius of the body (m)"),
                new ShapeParameter("belly_height", 0.35, 0.60, "height of the widest point, fraction of the height"),
                new ShapeParameter("bottom_ratio", 0.55, 0.85, "radius where the body meets the foot, relative to the widest radius"),
                new ShapeParameter("top_ratio", 0.40, 0.70, "radius of the top collar relative to the widest radius"),
                new ShapeParameter("shoulder_fullness", 0.30, 0.85, "how full the shoulder stays before narrowing to the collar"),
                new ShapeParameter("foot_height", 0.003, 0.012, "height of the foot ring (m)"),
                new ShapeParameter("foot_ratio", 0.85, 1.0, "radius of the foot ring relative to the body's bottom radius"),
                new ShapeParameter("lid_ratio", 0.65, 0.88, "lid radius relative to the collar radius"),
                new ShapeParameter("lid_dome", 0.006, 0.028, "height of the lid's dome (m)"),
                new ShapeParameter("lid_roundness", 0.0, 1.0, "0 = conical lid, 1 = rounded lid"),
                new ShapeParameter("knob_height", 0.010, 0.025, "height of the lid's knob (m)"),
                new ShapeParameter("knob_radius", 0.006, 0.014, "radius of the lid's knob (m)"),
                new ShapeParameter("spout_attach", 0.15, 0.45, "height where the spout leaves the body, fraction of the height (kept clear of the table)"),
                new ShapeParameter("spout_tip_height", 0.95, 1.25, "height of the spout's opening, fraction of the height"),
                new ShapeParameter("spout_reach", 0.035, 0.085, "how far the opening sticks out beyond the widest radius (m)"),
                new ShapeParameter("spout_bend", 0.15, 0.65, "how much the spout curves upwards (rad)"),
                new ShapeParameter("spout_radius", 0.011, 0.019, "mid-wall radius of the spout where it leaves the body (m)"),
                new ShapeParameter("spout_taper", 0.30, 0.60, "radius at the opening relative to the spout's base"),
                new ShapeParameter("spout_wall", 0.0015, 0.0030, "wall thickness of the spout (m)"),
                new ShapeParameter("handle_low", 0.15, 0.40, "lower end of the handle, fraction of the height"),
                new ShapeParameter("handle_high", 0.70, 0.95, "upper end of the handle, fraction of the height"),
                new ShapeParameter("handle_reach", 0.028, 0.060, "how far the handle sticks out of the body (m)"),
                new ShapeParameter("handle_thickness", 0.005, 0.009, "radius of the handle's cross-section (m)"),
                new ShapeParameter("handle_squareness", 0.0, 1.0, "0 = round C, 1 = squarish D"),
                new ShapeParameter("handle_lean", -0.3, 0.3, "> 0 the handle's top sticks out further than its bottom"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("spout", "- Spout - The tapering tube that rises from the lower side of the teapot and directs the tea into a cup.", true, false),
                new FunctionalPart("base", "- Base - The foot ring under the teapot that stands on the table and can press on a surface.", false, false),
                new FunctionalPart("body", "- Body - The round belly of the teapot in which the tea brews.", false, false),
                new FunctionalPart("handle", "- Handle - The loop on the side opposite the spout, held to lift and tip the teapot.", false, false),
                new FunctionalPart("lid", "- Lid - The domed cover that closes the opening at the top of the teapot.", false, false),
                new FunctionalPart("knob", "- Knob - The small round grip on top of the lid.", true, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pour-with"), List.of("spout"));
        f.put(FunctionName.of("press-with"), List.of("base"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double h = p.get("height");
        double rBelly = p.get("belly_radius");
        double yBelly = p.get("belly_height") * h;
        double footH = p.get("foot_height");
        double rBottom = rBelly * p.get("bottom_ratio");
        double rFoot = rBottom * p.get("foot_ratio");
        double rTop = rBelly * p.get("top_ratio");
        double yShoulder = yBelly + 0.65 * (h - yBelly);
        double rShoulder = rTop + p.get("shoulder_fullness") * (rBelly - rTop);
        // the underside rounds quickly out of the foot: an extra control point a fifth of the way up
        double yLow = footH + 0.2 * (yBelly - footH);
        double rLow = rBottom + 0.6 * (rBelly - rBottom);
        Curves.Monotone radius = new Curves.Monotone(new double[] {footH, yLow, yBelly, yShoulder, h},
                new double[] {rBottom, rLow, rBelly, rShoulder, rTop});

        Profile prof = new Profile(0, 0);
        prof.to(rFoot - 0.001, 0, "base");
        prof.to(rFoot, 0.001, "base");
        prof.to(rFoot, footH, "base");
        for (int k = 0; k <= 32; k++) {
            double y = Curves.lerp(footH, h, k / 32.0);
            prof.to(radius.applyAsDouble(y), y, "body");
        }
        prof.to(0, h, "body");
        MeshBuilder mb = new MeshBuilder();
        prof.lathe(mb, ANGULAR, 1, Transform.identity());

        Lid.build(mb, h, rTop * p.get("lid_ratio"), p.get("lid_dome"), p.get("lid_roundness"), p.get("knob_height"),
                p.get("knob_radius"), ANGULAR);

        double rs = p.get("spout_radius");
        // high enough that the spout's flared root stays clear of the table
        double ya = Math.max(p.get("spout_attach") * h, footH + 1.6 * rs);
        double[] attach = {-radius.applyAsDouble(ya), ya, 0};
        double[] tip = {-(rBelly + p.get("spout_reach")), p.get("spout_tip_height") * h, 0};
        Pipe spout = Pipe.spout(attach, tip, p.get("spout_bend"), rs, rs * p.get("spout_taper"), 0.45 * rs,
                p.get("spout_wall"));
        mb.sheet(spout, 40, 16, (u, v) -> "spout", Transform.identity());

        double thick = p.get("handle_thickness");
        double[][] path = Curves.sideHandle(radius, p.get("handle_low") * h, p.get("handle_high") * h,
                p.get("handle_reach"), p.get("handle_squareness"), p.get("handle_lean"), 1.5 * thick, 28);
        double[] radii = new double[path.length];
        Arrays.fill(radii, thick);
        String[] segs = new String[path.length - 1];
        Arrays.fill(segs, "handle");
        mb.tube(path, radii, segs, 12, true, true, Transform.identity());

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] z = spout.outflow();
        frames.put("spout", PartFrame.of(spout.opening(), z, Curves.openingUp(z), spout.length(spout.exit(radius))));
        frames.put("base", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0}, 2 * rFoot));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }
}
