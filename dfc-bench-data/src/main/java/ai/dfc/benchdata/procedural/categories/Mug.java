package ai.dfc.benchdata.procedural.categories;

import static ai.dfc.benchdata.procedural.categories.Curves.smooth;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mug: a thick-walled vessel of revolution (tapered, optionally bellied, with a foot and a flared rim) and a
 * C-shaped handle on its +x side. Y-up, base at y = 0; pours over the rim opposite the handle (−x).
 */
public final class Mug implements ProceduralCategory {
    private static final int ANGULAR = 48;

    @Override
    public String name() {
        return "mug";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("height", 0.08, 0.12, "height of the vessel (m)"),
                new ShapeParameter("radius_bottom", 0.030, 0.045, "outer radius at the base (m)"),
                new ShapeParameter("radius_top", 0.034, 0.050, "outer radius below the rim (m)"),
                new ShapeParameter("belly", -0.004, 0.008, "extra radius at mid-height (m)"),
                new ShapeParameter("wall", 0.003, 0.006, "wall thickness (m)"),
                new ShapeParameter("base_thickness", 0.004, 0.010, "thickness of the bottom (m)"),
                new ShapeParameter("foot_inset", 0.0, 0.004, "inset of the foot ring (m)"),
                new ShapeParameter("foot_height", 0.001, 0.006, "height of the foot bevel (m)"),
                new ShapeParameter("rim_flare", 0.0, 0.004, "outward flare of the rim (m)"),
                new ShapeParameter("rim_band", 0.004, 0.009, "height of the rim band (m)"),
                new ShapeParameter("handle_low", 0.15, 0.35, "lower handle attachment, fraction of height"),
                new ShapeParameter("handle_high", 0.60, 0.85, "upper handle attachment, fraction of height"),
                new ShapeParameter("handle_reach", 0.022, 0.045, "how far the handle sticks out (m)"),
                new ShapeParameter("handle_thickness", 0.005, 0.009, "radius of the handle's cross-section (m)"),
                new ShapeParameter("handle_squareness", 0.0, 1.0, "0 = round C, 1 = squarish D"),
                new ShapeParameter("handle_tilt", -0.15, 0.15, "tilt of the handle in its plane (rad)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("rim", "- Rim - The circular top edge of the mug around its opening, over which liquid is poured or scooped.", true, true),
                new FunctionalPart("base", "- Base - The flat bottom surface of the mug that rests on the table.", false, false),
                new FunctionalPart("body", "- Body - The rounded outer wall of the mug between its base and rim.", false, false),
                new FunctionalPart("handle", "- Handle - The curved loop on the side of the mug that fingers hook through.", false, false),
                new FunctionalPart("interior", "- Interior - The hollow inside of the mug that holds the drink.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pour-with"), List.of("rim"));
        f.put(FunctionName.of("scoop-with"), List.of("rim"));
        f.put(FunctionName.of("press-with"), List.of("base"));
        f.put(FunctionName.of("roll-onto"), List.of("body"));
        f.put(FunctionName.of("hang-onto"), List.of("handle"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double h = p.get("height");
        double rb = p.get("radius_bottom");
        double rt = p.get("radius_top");
        double belly = p.get("belly");
        double wall = p.get("wall");
        double baseT = p.get("base_thickness");
        double inset = p.get("foot_inset");
        double footH = p.get("foot_height");
        double flare = p.get("rim_flare");
        double band = Math.min(p.get("rim_band"), h / 4);

        List<double[]> profile = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        profile.add(new double[] {0, 0});
        profile.add(new double[] {rb - inset, 0});
        parts.add("base");
        profile.add(new double[] {rb, footH});
        parts.add("base");
        int wallSteps = 12;
        for (int k = 1; k <= wallSteps; k++) {
            double y = footH + (h - band - footH) * k / wallSteps;
            profile.add(new double[] {outerRadius(y, h, rb, rt, belly) + flare * smooth((y - (h - 2 * band)) / band), y});
            parts.add("body");
        }
        double rimR = rt + flare;
        profile.add(new double[] {rimR, h});
        parts.add("rim");
        profile.add(new double[] {rimR - wall, h});
        parts.add("rim");
        profile.add(new double[] {rimR - wall, h - band});
        parts.add("rim");
        for (int k = 1; k <= wallSteps; k++) {
            double y = h - band - (h - band - baseT) * k / wallSteps;
            profile.add(new double[] {Math.max(wall, outerRadius(y, h, rb, rt, belly) - wall), y});
            parts.add("interior");
        }
        profile.add(new double[] {0, baseT});
        parts.add("interior");

        MeshBuilder mb = new MeshBuilder();
        mb.lathe(profile.toArray(double[][]::new), parts.toArray(String[]::new), ANGULAR, 2, Transform.identity());

        double y1 = p.get("handle_low") * h;
        double y2 = p.get("handle_high") * h;
        double reach = p.get("handle_reach");
        double e = 1 - 0.75 * p.get("handle_squareness");
        double tilt = p.get("handle_tilt");
        double yc = (y1 + y2) / 2;
        double half = (y2 - y1) / 2;
        int n = 24;
        double[][] path = new double[n + 1][];
        double[] radii = new double[n + 1];
        String[] segs = new String[n];
        for (int i = 0; i <= n; i++) {
            double phi = Math.PI / 2 - Math.PI * i / n;
            double c = Math.pow(Math.max(0, Math.cos(phi)), e);
            double y = yc + half * Math.sin(phi);
            double attach = outerRadius(y, h, rb, rt, belly) - wall / 2;
            double x = attach + reach * c;
            // tilt about the handle's mid-point in the x-y plane
            double dx = x - attach;
            double dy = y - yc;
            path[i] = new double[] {attach + dx * Math.cos(tilt) - dy * Math.sin(tilt), yc + dx * Math.sin(tilt) + dy * Math.cos(tilt), 0};
            radii[i] = p.get("handle_thickness");
            if (i < n) {
                segs[i] = "handle";
            }
        }
        mb.tube(path, radii, segs, 12, true, true, Transform.identity());

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        frames.put("rim", PartFrame.of(new double[] {-rimR, h, 0}, new double[] {-1, 0, 0}, new double[] {0, 1, 0}, 2 * rimR));
        frames.put("base", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0}, 2 * rb));
        double rm = outerRadius(h / 2, h, rb, rt, belly);
        frames.put("body", PartFrame.of(new double[] {-rm, h / 2, 0}, new double[] {-1, 0, 0}, new double[] {0, 1, 0}, h));
        double[] apex = path[n / 2];
        frames.put("handle", PartFrame.of(apex, new double[] {1, 0, 0}, new double[] {0, 1, 0}, y2 - y1));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    private static double outerRadius(double y, double h, double rb, double rt, double belly) {
        double t = Math.max(0, Math.min(1, y / h));
        return rb + (rt - rb) * t + belly * Math.sin(Math.PI * t);
    }
}
