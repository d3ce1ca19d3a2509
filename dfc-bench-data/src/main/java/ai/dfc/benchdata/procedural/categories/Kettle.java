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
 * A stovetop kettle: a wide body of revolution about +y standing on y = 0 (a bevelled foot, a belly, a shoulder
 * narrowing to a flat collar at the top), a domed lid with a knob sitting on the collar, a hollow spout growing out
 * of the body's −x side and curving up to an opening above the body's middle, and an arched handle over the lid from
 * the front (−x) to the back (+x) of the shoulder. The spout is the whole spout tube; its mouth is the last stretch
 * of about two thirds of its diameter, ending in a rolled lip. Spout and mouth frames sit at the opening's centre
 * with {@code z} along the bore out of the opening and {@code y} the opening's up ({@code z × +z}); the spout's size
 * is its length from the body, the mouth's the opening's diameter.
 */
public final class Kettle implements ProceduralCategory {
    private static final int ANGULAR = 56;

    @Override
    public String name() {
        return "kettle";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("height", 0.13, 0.22, "height of the body up to the collar the lid sits on (m)"),
                new ShapeParameter("base_radius", 0.065, 0.100, "radius of the body at the bottom (m)"),
                new ShapeParameter("belly_ratio", 1.0, 1.25, "widest radius relative to the base radius"),
                new ShapeParameter("belly_height", 0.20, 0.55, "height of the widest point, fraction of the height"),
                new ShapeParameter("top_ratio", 0.45, 0.72, "radius of the top collar relative to the widest radius"),
                new ShapeParameter("shoulder_fullness", 0.15, 0.75, "how full the shoulder stays before narrowing to the collar"),
                new ShapeParameter("foot_bevel", 0.002, 0.010, "height and inset of the bevel at the bottom edge (m)"),
                new ShapeParameter("lid_ratio", 0.60, 0.84, "lid radius relative to the collar radius"),
                new ShapeParameter("lid_dome", 0.008, 0.035, "height of the lid's dome (m)"),
                new ShapeParameter("lid_roundness", 0.0, 1.0, "0 = conical lid, 1 = rounded lid"),
                new ShapeParameter("knob_height", 0.012, 0.028, "height of the lid's knob (m)"),
                new ShapeParameter("knob_radius", 0.008, 0.016, "radius of the lid's knob (m)"),
                new ShapeParameter("spout_attach", 0.15, 0.50, "height where the spout leaves the body, fraction of the height (kept clear of the table)"),
                new ShapeParameter("spout_tip_height", 0.85, 1.15, "height of the spout's opening, fraction of the height"),
                new ShapeParameter("spout_reach", 0.045, 0.110, "how far the opening sticks out beyond the widest radius (m)"),
                new ShapeParameter("spout_bend", 0.0, 0.45, "how much the spout curves upwards (rad)"),
                new ShapeParameter("spout_radius", 0.009, 0.015, "mid-wall radius of the spout where it leaves the body (m)"),
                new ShapeParameter("spout_taper", 0.45, 0.85, "radius at the opening relative to the spout's base"),
                new ShapeParameter("spout_wall", 0.0015, 0.0030, "wall thickness of the spout (m)"),
                new ShapeParameter("handle_height", 0.025, 0.065, "height of the handle's arch above the knob (m)"),
                new ShapeParameter("handle_thickness", 0.005, 0.009, "radius of the handle's cross-section (m)"),
                new ShapeParameter("handle_drop", 0.0, 0.35, "how far down the shoulder the handle is fixed, fraction of the shoulder"),
                new ShapeParameter("handle_squareness", 0.0, 1.0, "0 = round arch, 1 = squarish"),
                new ShapeParameter("handle_skew", -0.15, 0.30, "shift of the arch's top towards the back, fraction of its span"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("spout", "- Spout - The long hollow tube that curves up out of the kettle's side and carries the hot water out.", true, false),
                new FunctionalPart("mouth", "- Mouth - The open end of the spout from which the water leaves the kettle.", true, true),
                new FunctionalPart("base", "- Base - The flat bottom of the kettle that sits on the stove and presses on a surface.", false, false),
                new FunctionalPart("body", "- Body - The wide rounded container of the kettle that holds the water.", false, false),
                new FunctionalPart("handle", "- Handle - The arched grip over the top of the kettle used to lift it.", false, false),
                new FunctionalPart("lid", "- Lid - The domed cover on top of the kettle that closes the filling opening.", false, false),
                new FunctionalPart("knob", "- Knob - The small round grip on top of the lid used to lift it off.", true, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pour-with"), List.of("spout", "mouth"));
        f.put(FunctionName.of("press-with"), List.of("base"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double h = p.get("height");
        double rb = p.get("base_radius");
        double rBelly = rb * p.get("belly_ratio");
        double yBelly = p.get("belly_height") * h;
        double rTop = rBelly * p.get("top_ratio");
        double yShoulder = yBelly + 0.7 * (h - yBelly);
        double rShoulder = rTop + p.get("shoulder_fullness") * (rBelly - rTop);
        double bevel = p.get("foot_bevel");
        Curves.Monotone radius = new Curves.Monotone(new double[] {bevel, yBelly, yShoulder, h},
                new double[] {rb, rBelly, rShoulder, rTop});

        Profile prof = new Profile(0, 0);
        prof.to(rb - bevel, 0, "base");
        for (int k = 0; k <= 28; k++) {
            double y = Curves.lerp(bevel, h, k / 28.0);
            prof.to(radius.applyAsDouble(y), y, k == 0 ? "base" : "body");
        }
        prof.to(0, h, "body");
        MeshBuilder mb = new MeshBuilder();
        prof.lathe(mb, ANGULAR, 1, Transform.identity());

        double knobTop = Lid.build(mb, h, rTop * p.get("lid_ratio"), p.get("lid_dome"), p.get("lid_roundness"),
                p.get("knob_height"), p.get("knob_radius"), ANGULAR);

        // the spout
        double rs = p.get("spout_radius");
        // high enough that the spout's flared root stays clear of the table
        double ya = Math.max(p.get("spout_attach") * h, bevel + 1.5 * rs);
        double[] attach = {-radius.applyAsDouble(ya), ya, 0};
        double[] tip = {-(rBelly + p.get("spout_reach")), p.get("spout_tip_height") * h, 0};
        double rTip = rs * p.get("spout_taper");
        Pipe spout = Pipe.spout(attach, tip, p.get("spout_bend"), rs, rTip, 0.25 * rs, p.get("spout_wall")).withLip(rTip);
        double mouthStart = spout.startOfLast(1.3 * rTip);
        mb.sheet(spout, 64, 16, (u, v) -> u > mouthStart ? "mouth" : "spout", Transform.identity());

        // the arched handle, from the front of the shoulder over the lid to the back
        double thick = p.get("handle_thickness");
        double yPost = h - p.get("handle_drop") * (h - yShoulder);
        double xPost = radius.applyAsDouble(yPost) - 0.5 * thick;
        double rise = knobTop + p.get("handle_height") - yPost;
        double e = 1 - 0.75 * p.get("handle_squareness");
        double skew = p.get("handle_skew") * xPost;
        int n = 32;
        double[][] path = new double[n + 3][];
        path[0] = new double[] {-xPost, yPost - 0.012, 0};
        for (int i = 0; i <= n; i++) {
            double phi = Math.PI * (1 - (double) i / n);
            double c = Math.cos(phi);
            double s = Math.sin(phi);
            path[i + 1] = new double[] {xPost * Math.signum(c) * Math.pow(Math.abs(c), e) + skew * s,
                yPost + rise * Math.pow(s, e), 0};
        }
        path[n + 2] = new double[] {xPost, yPost - 0.012, 0};
        double[] radii = new double[n + 3];
        Arrays.fill(radii, thick);
        String[] segs = new String[n + 2];
        Arrays.fill(segs, "handle");
        mb.tube(path, radii, segs, 12, true, true, Transform.identity());

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] z = spout.outflow();
        double[] up = Curves.openingUp(z);
        frames.put("spout", PartFrame.of(spout.opening(), z, up, spout.length(spout.exit(radius))));
        frames.put("mouth", PartFrame.of(spout.opening(), z, up, spout.openingDiameter()));
        frames.put("base", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0}, 2 * rb));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }
}
