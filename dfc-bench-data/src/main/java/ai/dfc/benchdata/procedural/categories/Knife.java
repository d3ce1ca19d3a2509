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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kitchen knife: a thin tapered blade along +x (spine up, edge down, bevelled to a sharp edge, curving up to the
 * tip) and a handle along −x with an elliptical cross-section and an optional bolster.
 */
public final class Knife implements ProceduralCategory {

    @Override
    public String name() {
        return "knife";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("blade_length", 0.12, 0.22, "blade length from heel to tip (m)"),
                new ShapeParameter("blade_width", 0.020, 0.045, "blade height at the heel (m)"),
                new ShapeParameter("tip_height", 0.25, 0.75, "height of the tip, fraction of the blade width"),
                new ShapeParameter("spine_drop_start", 0.45, 0.80, "where the spine starts dropping to the tip, fraction of length"),
                new ShapeParameter("belly", 1.5, 5.0, "exponent of the edge's rise to the tip (higher = flatter edge)"),
                new ShapeParameter("spine_thickness", 0.0015, 0.0030, "blade thickness at the spine (m)"),
                new ShapeParameter("bevel", 0.15, 0.35, "fraction of the width ground to the edge"),
                new ShapeParameter("edge_fraction", 0.08, 0.14, "fraction of the width that counts as the edge part"),
                new ShapeParameter("tip_fraction", 0.08, 0.16, "fraction of the length that counts as the tip part"),
                new ShapeParameter("handle_length", 0.09, 0.13, "handle length (m)"),
                new ShapeParameter("handle_height", 0.016, 0.026, "handle height (m)"),
                new ShapeParameter("handle_width", 0.010, 0.018, "handle thickness (m)"),
                new ShapeParameter("handle_taper", 0.7, 1.1, "radius at the butt relative to the front"),
                new ShapeParameter("handle_offset", 0.35, 0.60, "handle centre height, fraction of the blade width"),
                new ShapeParameter("bolster_length", 0.0, 0.012, "length of the metal bolster (m)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("blade", "- Blade - The flat, thin metal part of the knife that extends from the handle.", false, false),
                new FunctionalPart("edge", "- Edge - The sharpened lower border of the blade that does the cutting.", false, true),
                new FunctionalPart("tip", "- Tip - The pointed end of the blade, used to pierce and pry.", true, false),
                new FunctionalPart("spine", "- Spine - The thick, blunt top border of the blade opposite the edge.", true, false),
                new FunctionalPart("handle", "- Handle - The grip of the knife that the hand holds.", false, false),
                new FunctionalPart("bolster", "- Bolster - The thick collar between blade and handle.", true, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("cut-with"), List.of("edge", "blade"));
        f.put(FunctionName.of("pierce-with"), List.of("tip"));
        f.put(FunctionName.of("pry-with"), List.of("tip", "spine"));
        f.put(FunctionName.of("scrape-with"), List.of("edge"));
        f.put(FunctionName.of("spread-with"), List.of("blade"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double len = p.get("blade_length");
        double w = p.get("blade_width");
        double tipY = p.get("tip_height") * w;
        double dropStart = p.get("spine_drop_start");
        double belly = p.get("belly");
        double spineT = p.get("spine_thickness");
        double bevel = p.get("bevel");
        double edgeFrac = p.get("edge_fraction");
        double tipFrac = p.get("tip_fraction");

        MeshBuilder.SheetShape blade = new MeshBuilder.SheetShape() {
            @Override
            public double[] point(double u, double v) {
                double spine = u < dropStart ? w : w + (tipY - w) * smooth((u - dropStart) / (1 - dropStart));
                double edge = tipY * Math.pow(u, belly);
                return new double[] {u * len, spine + v * (edge - spine), 0};
            }

            @Override
            public double thickness(double u, double v) {
                double t = v < 1 - bevel ? 1 : Math.max(0.05, (1 - v) / bevel);
                return spineT * t * (1 - 0.8 * Math.pow(u, 4));
            }
        };
        MeshBuilder mb = new MeshBuilder();
        mb.sheet(blade, 48, 16, (u, v) -> v > 1 - edgeFrac ? "edge" : u > 1 - tipFrac ? "tip" : v < 0.12 ? "spine" : "blade",
                Transform.identity());

        double hl = p.get("handle_length");
        double hh = p.get("handle_height");
        double hw = p.get("handle_width");
        double taper = p.get("handle_taper");
        double hy = p.get("handle_offset") * w;
        double bl = p.get("bolster_length");
        if (bl > 0.001) {
            mb.tube(new double[][] {{0.002, hy, 0}, {-bl, hy, 0}}, new double[] {hh * 0.55, hh * 0.55},
                    new String[] {"bolster"}, 16, true, true, Transform.scale(1, 1, hw / hh));
        }
        int n = 8;
        double[][] path = new double[n + 1][];
        double[] radii = new double[n + 1];
        String[] segs = new String[n];
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            path[i] = new double[] {-bl - t * hl, hy - 0.1 * hh * t * t, 0};
            radii[i] = hh / 2 * (1 + (taper - 1) * t) * (i == n ? 0.85 : 1);
            if (i < n) {
                segs[i] = "handle";
            }
        }
        mb.tube(path, radii, segs, 16, true, true, Transform.scale(1, 1, hw / hh));

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] mid = blade.point(0.5, 1);
        frames.put("edge", PartFrame.of(mid, new double[] {0, -1, 0}, new double[] {1, 0, 0}, len));
        frames.put("blade", PartFrame.of(blade.point(0.5, 0.5), new double[] {0, -1, 0}, new double[] {1, 0, 0}, len));
        frames.put("tip", PartFrame.of(new double[] {len, tipY, 0}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, w));
        frames.put("spine", PartFrame.of(blade.point(0.4, 0), new double[] {0, 1, 0}, new double[] {1, 0, 0}, len));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }
}
