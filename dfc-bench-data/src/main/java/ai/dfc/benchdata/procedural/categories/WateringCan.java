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
 * A watering can: a tank of revolution about +y (round or oval in plan, tapered or bellied, with a domed top)
 * standing on y = 0, a filling opening with a raised collar on the top, a long hollow spout rising from the lower
 * front (−x) to well above the tank, ending in a rose (a flared sprinkler head with a domed face), and a handle
 * arching from the top over to the back (+x) of the tank. The rose is the mouth, where the water leaves. Spout and
 * mouth frames sit at the centre of the rose's face with {@code z} along the spout out of it and {@code y} the
 * opening's up ({@code z × +z}), like the kettle's; the spout's size is its length from the tank, the mouth's the
 * rose's diameter.
 */
public final class WateringCan implements ProceduralCategory {
    private static final int ANGULAR = 56;

    @Override
    public String name() {
        return "watering can";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("height", 0.15, 0.28, "height of the tank's side wall (m)"),
                new ShapeParameter("radius", 0.065, 0.110, "radius of the tank at the bottom (m)"),
                new ShapeParameter("top_ratio", 0.75, 1.05, "radius at the top of the side wall relative to the bottom's"),
                new ShapeParameter("belly", 0.0, 0.015, "extra radius in the middle of the side wall (m)"),
                new ShapeParameter("oval", 0.60, 1.0, "depth of the tank (along z) relative to its width"),
                new ShapeParameter("dome", 0.010, 0.050, "height of the domed top above the side wall (m)"),
                new ShapeParameter("bevel", 0.004, 0.015, "size of the rounded bottom edge (m)"),
                new ShapeParameter("opening_radius", 0.022, 0.042, "radius of the filling opening (m)"),
                new ShapeParameter("opening_offset", 0.0, 1.0, "position of the opening between the handle's front end (0) and the back of the top (1)"),
                new ShapeParameter("collar_height", 0.006, 0.022, "height of the collar around the opening (m)"),
                new ShapeParameter("spout_attach", 0.05, 0.30, "height where the spout leaves the tank, fraction of the height"),
                new ShapeParameter("spout_tip_height", 1.0, 1.35, "height of the rose, fraction of the height"),
                new ShapeParameter("spout_reach", 0.10, 0.22, "how far the spout's end sticks out beyond the tank (m)"),
                new ShapeParameter("spout_bend", -0.10, 0.20, "curvature of the spout (rad; > 0 curving upwards)"),
                new ShapeParameter("spout_radius", 0.010, 0.017, "mid-wall radius of the spout at the tank (m)"),
                new ShapeParameter("spout_taper", 0.45, 0.80, "radius at the spout's end relative to its base"),
                new ShapeParameter("rose_ratio", 1.5, 3.2, "radius of the rose's face relative to the spout's end"),
                new ShapeParameter("rose_length", 0.012, 0.040, "length of the rose's cone (m)"),
                new ShapeParameter("rose_dome", 0.0, 0.008, "bulge of the rose's face (m)"),
                new ShapeParameter("handle_front", -0.70, -0.25, "where the handle leaves the top, fraction of the top radius along x"),
                new ShapeParameter("handle_height", 0.04, 0.09, "height of the handle's arch above the top (m)"),
                new ShapeParameter("handle_back", 0.30, 0.75, "height where the handle meets the back, fraction of the height"),
                new ShapeParameter("handle_reach", 0.015, 0.050, "how far the handle reaches behind the tank (m)"),
                new ShapeParameter("handle_thickness", 0.006, 0.011, "radius of the handle's cross-section (m)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("spout", "- Spout - The long slender tube rising from the bottom of the can that carries the water out to the plants.", true, false),
                new FunctionalPart("mouth", "- Mouth - The rose at the end of the spout, the flared perforated head from which the water sprinkles out.", true, true),
                new FunctionalPart("body", "- Body - The large tank of the watering can that holds the water.", false, false),
                new FunctionalPart("base", "- Base - The flat bottom of the tank that stands on the ground.", false, false),
                new FunctionalPart("handle", "- Handle - The arched grip over the top and back of the can used to carry and tip it.", false, false),
                new FunctionalPart("opening", "- Opening - The collared hole on top of the tank through which it is filled.", true, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pour-with"), List.of("spout", "mouth"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double h = p.get("height");
        double rb = p.get("radius");
        double rTop = rb * p.get("top_ratio");
        double belly = p.get("belly");
        double oval = p.get("oval");
        double dome = p.get("dome");
        double bevel = p.get("bevel");
        java.util.function.DoubleUnaryOperator side = y -> {
            double t = Curves.clamp(y / h, 0, 1);
            return Curves.lerp(rb, rTop, t) + belly * Math.sin(Math.PI * t);
        };
        // the tank: bottom, rounded bottom edge, side wall, domed top; squashed along z by "oval"
        Profile prof = new Profile(0, 0);
        prof.to(rb - bevel, 0, "base");
        for (int k = 1; k <= 4; k++) {
            double phi = -Math.PI / 2 + Math.PI / 2 * k / 4;
            prof.to(rb - bevel + bevel * Math.cos(phi), bevel + bevel * Math.sin(phi), k <= 2 ? "base" : "body");
        }
        for (int k = 1; k <= 20; k++) {
            double y = Curves.lerp(bevel, h, k / 20.0);
            prof.to(side.applyAsDouble(y), y, "body");
        }
        for (int k = 1; k <= 12; k++) {
            double phi = Math.PI / 2 * k / 12;
            prof.to(k == 12 ? 0 : rTop * Math.cos(phi), h + dome * Math.sin(phi), "body");
        }
        MeshBuilder mb = new MeshBuilder();
        prof.lathe(mb, ANGULAR, 1, Transform.scale(1, 1, oval));

        // the filling opening: a collar standing on the dome with a shallow floor inside
        double ro = Math.min(p.get("opening_radius"), 0.35 * rTop);
        double collarWall = 0.003;
        double thick = p.get("handle_thickness");
        double xf = p.get("handle_front") * rTop;
        double xMin = xf + ro + collarWall + thick + 0.004;
        double xMax = Math.max(xMin, rTop - ro - collarWall - 0.004);
        double xo = Curves.lerp(xMin, xMax, p.get("opening_offset"));
        double lowest = Double.MAX_VALUE;
        double highest = -Double.MAX_VALUE;
        for (int a = 0; a < 16; a++) {
            double th = 2 * Math.PI * a / 16;
            for (double r : new double[] {0, 0.5 * (ro + collarWall), ro + collarWall}) {
                double y = domeHeight(xo + r * Math.cos(th), r * Math.sin(th), rTop, oval, h, dome);
                lowest = Math.min(lowest, y);
                highest = Math.max(highest, y);
            }
        }
        double collarTop = highest + p.get("collar_height");
        new Profile(0, lowest - 0.004).to(ro + collarWall, lowest - 0.004, "opening").to(ro + collarWall, collarTop, "opening")
                .to(ro, collarTop, "opening").to(ro, highest + 0.001, "opening").to(0, highest + 0.001, "opening")
                .lathe(mb, 32, 1, Transform.translate(xo, 0, 0));

        // the spout and its rose
        double rs = p.get("spout_radius");
        double ya = Math.max(p.get("spout_attach") * h, 1.4 * rs + bevel);
        double[] attach = {-side.applyAsDouble(ya), ya, 0};
        double[] tip = {-(rb + Math.max(0, belly) + p.get("spout_reach")), p.get("spout_tip_height") * h, 0};
        double rTip = rs * p.get("spout_taper");
        double wallS = 0.0015;
        Pipe spout = Pipe.spout(attach, tip, p.get("spout_bend"), rs, rTip, 0.3 * rs, wallS);
        mb.sheet(spout, 40, 14, (u, v) -> "spout", Transform.identity());
        double[] z = spout.outflow();
        double rRose = p.get("rose_ratio") * rTip;
        double roseLen = p.get("rose_length");
        double face = roseLen + 0.002 + p.get("rose_dome");
        double neck = rTip + wallS;
        Profile rose = new Profile(0, -0.006).to(neck, -0.006, "mouth");
        for (int k = 0; k <= 6; k++) {
            double t = k / 6.0;
            rose.to(Curves.lerp(neck, rRose, t * t), roseLen * t, "mouth");
        }
        rose.to(rRose, roseLen + 0.002, "mouth");
        for (int k = 1; k <= 6; k++) {
            double phi = Math.PI / 2 * k / 6;
            rose.to(k == 6 ? 0 : rRose * Math.cos(phi), roseLen + 0.002 + p.get("rose_dome") * Math.sin(phi), "mouth");
        }
        Transform place = Transform.rotateZ(Math.atan2(-z[0], z[1])).then(Transform.translate(tip[0], tip[1], tip[2]));
        rose.lathe(mb, 40, 1, place);

        // the handle: from the top, arching up and back, down to the back of the tank
        double yf = domeHeight(xf, 0, rTop, oval, h, dome);
        double yBack = p.get("handle_back") * h;
        double xBack = side.applyAsDouble(yBack);
        double apex = h + dome + p.get("handle_height");
        double reach = p.get("handle_reach");
        double yMid = (apex + yBack) / 2;
        double xOut = xBack + reach;
        double lift = 0.33 * (apex - yf);
        Curves.Bezier over = new Curves.Bezier(new double[] {xf, yf - 0.01, 0}, new double[] {xf, apex + lift, 0},
                new double[] {xOut, apex + lift, 0}, new double[] {xOut, yMid, 0});
        Curves.Bezier down = new Curves.Bezier(new double[] {xOut, yMid, 0}, new double[] {xOut, (yMid + yBack) / 2, 0},
                new double[] {xBack + 0.5 * reach, yBack, 0}, new double[] {xBack - 0.004, yBack, 0});
        double[][] first = over.sample(24);
        double[][] second = down.sample(12);
        double[][] path = new double[first.length + second.length - 1][];
        System.arraycopy(first, 0, path, 0, first.length);
        System.arraycopy(second, 1, path, first.length, second.length - 1);
        double[] radii = new double[path.length];
        Arrays.fill(radii, thick);
        String[] segs = new String[path.length - 1];
        Arrays.fill(segs, "handle");
        mb.tube(path, radii, segs, 12, true, true, Transform.identity());

        double[] opening = Curves.along(tip, z, face);
        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double spoutLength = spout.length(spout.exit(side)) + face;
        frames.put("spout", PartFrame.of(opening, z, Curves.openingUp(z), spoutLength));
        frames.put("mouth", PartFrame.of(opening, z, Curves.openingUp(z), 2 * rRose));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /** The height of the tank's domed top above (x, z), or the side wall's top outside it. */
    private static double domeHeight(double x, double z, double rTop, double oval, double h, double dome) {
        double r = Math.min(1, Math.hypot(x, z / oval) / rTop);
        return h + dome * Math.sqrt(1 - r * r);
    }
}
