package ai.dfc.benchdata.procedural.categories;

import static ai.dfc.benchdata.procedural.categories.Curves.clamp;

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
 * A meat cleaver: a tall, near-rectangular blade in the x-y plane from the heel at x = 0 to the front at +x, its
 * thick back on top (+y) and its edge at the bottom (y ≈ 0), bevelled over its lower band; the front corners are
 * rounded and the edge may bulge and rise toward the front. The handle runs along −x from the heel, high on the
 * blade. Parts on the sheet: the edge strip, the back strip, the bevel band and the front/heel margins ("blade"),
 * and the flat central panel of both faces ("side").
 */
public final class Cleaver implements ProceduralCategory {

    @Override
    public String name() {
        return "cleaver";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("blade_length", 0.15, 0.24, "blade length from heel to front (m)"),
                new ShapeParameter("blade_height", 0.07, 0.11, "blade height at the heel, edge to back (m)"),
                new ShapeParameter("back_slope", -0.012, 0.012, "change of the back's height from heel to front (m)"),
                new ShapeParameter("edge_belly", 0.0, 0.008, "downward bulge of the edge's middle (m)"),
                new ShapeParameter("edge_rise", 0.0, 0.014, "rise of the edge at the front end (m)"),
                new ShapeParameter("front_top_radius", 0.002, 0.022, "rounding radius of the front-top corner (m)"),
                new ShapeParameter("front_bottom_radius", 0.002, 0.02, "rounding radius of the front-bottom corner (m)"),
                new ShapeParameter("front_lean", -0.012, 0.015, "how far the front's top leans forward of its bottom (m)"),
                new ShapeParameter("thickness", 0.002, 0.005, "blade thickness at the back (m)"),
                new ShapeParameter("bevel", 0.12, 0.30, "fraction of the height ground down to the edge"),
                new ShapeParameter("edge_fraction", 0.05, 0.09, "fraction of the height that counts as the edge part"),
                new ShapeParameter("handle_offset", 0.62, 0.85, "handle centre height, fraction of the blade height"),
                new ShapeParameter("handle_length", 0.10, 0.14, "handle length (m)"),
                new ShapeParameter("handle_height", 0.022, 0.032, "handle height (m)"),
                new ShapeParameter("handle_width", 0.014, 0.022, "handle thickness (m)"),
                new ShapeParameter("handle_squareness", 2.0, 3.5, "handle section exponent (2 = oval, higher = boxier)"),
                new ShapeParameter("handle_taper", 0.85, 1.15, "handle section at the butt relative to the front"),
                new ShapeParameter("handle_swell", 0.0, 0.12, "swell of the handle's middle"),
                new ShapeParameter("ferrule_length", 0.0, 0.015, "length of the metal collar between blade and handle (m)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("blade", "- Blade - The wide metal slab of the cleaver that chops through meat and bone, ground thinner toward its cutting side.", false, false),
                new FunctionalPart("edge", "- Edge - The long sharpened lower border of the blade that does the chopping, slicing and scraping.", false, true),
                new FunctionalPart("back", "- Back - The straight, thick and blunt top border of the blade opposite the edge.", false, false),
                new FunctionalPart("side", "- Side - The broad flat face of the blade, used to crush garlic, flatten meat or carry chopped food.", false, false),
                new FunctionalPart("handle", "- Handle - The grip behind the blade that the hand holds.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("cut-with"), List.of("edge", "blade"));
        f.put(FunctionName.of("scrape-with"), List.of("edge", "blade"));
        f.put(FunctionName.of("lift-with"), List.of("blade"));
        f.put(FunctionName.of("pound-with"), List.of("side", "back"));
        f.put(FunctionName.of("spread-with"), List.of("side"));
        return f;
    }

    /**
     * Builds a cleaver. Frames: {@code edge} at mid-edge, z = cutting direction (down, in the blade's plane),
     * y = along the edge toward the front; {@code blade} the same at the middle of the bevel band; {@code back} at
     * mid-back, z = +y; {@code side} at the centre of the +z face, z = +z (the face's normal), y = +x.
     */
    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double len = p.get("blade_length");
        double h = p.get("blade_height");
        double slope = p.get("back_slope");
        double belly = p.get("edge_belly");
        double rise = p.get("edge_rise");
        double rTop = Math.min(p.get("front_top_radius"), 0.4 * h);
        double rBottom = Math.min(p.get("front_bottom_radius"), 0.4 * h);
        double lean = p.get("front_lean");
        double thick = p.get("thickness");
        double bevel = p.get("bevel");
        double edgeFrac = p.get("edge_fraction");

        MeshBuilder.SheetShape blade = new MeshBuilder.SheetShape() {
            @Override
            public double[] point(double u, double v) {
                double top = h + slope * u;
                double bottom = -belly * Math.sin(Math.PI * u) + rise * Math.pow(u, 3);
                double y = top + v * (bottom - top);
                double front = len + lean * (0.5 - v) - corner(v * h, rTop) - corner((1 - v) * h, rBottom);
                return new double[] {u * front, y, 0};
            }

            @Override
            public double thickness(double u, double v) {
                double t = v < 1 - bevel ? 1 : Math.max(0.06, (1 - v) / bevel);
                return thick * t * (1 - 0.25 * u);
            }
        };
        double backFrac = clamp(0.006 / h, 0.04, 0.1);
        MeshBuilder mb = new MeshBuilder();
        mb.sheet(blade, 48, 40, (u, v) -> v > 1 - edgeFrac ? "edge"
                : v < backFrac ? "back"
                : v > 1 - bevel || u < 0.05 || u > 0.95 ? "blade" : "side", Transform.identity());

        double hh = p.get("handle_height");
        double hy = Math.min(p.get("handle_offset") * h, h - 0.45 * hh);
        double fl = p.get("ferrule_length");
        double hw = p.get("handle_width");
        double sq = p.get("handle_squareness");
        if (fl > 0.002) {
            ToolGeometry.bar(mb, "handle", 0.003, hy, fl + 0.003, hh * 1.08, Math.max(hw * 0.9, thick * 2.5), sq);
        }
        ToolGeometry.handle(mb, "handle", 0.003 - fl, hy, p.get("handle_length"), hh, hw, sq, p.get("handle_taper"),
                p.get("handle_swell"), 0.04);

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] mid = blade.point(0.5, 1);
        double[] along = ToolGeometry.unit(ToolGeometry.sub(blade.point(0.52, 1), blade.point(0.48, 1)));
        double[] cut = {along[1], -along[0], 0};
        frames.put("edge", PartFrame.of(mid, cut, along, len));
        frames.put("blade", PartFrame.of(blade.point(0.5, 1 - (bevel + edgeFrac) / 2), cut, along, len));
        frames.put("back", PartFrame.of(blade.point(0.5, 0), new double[] {0, 1, 0}, new double[] {1, 0, 0}, len));
        double[] c = blade.point(0.5, 0.45);
        c[2] = blade.thickness(0.5, 0.45) / 2;
        frames.put("side", PartFrame.of(c, new double[] {0, 0, 1}, new double[] {1, 0, 0}, h));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /**
     * How far a rounded corner of size r pulls the front back at distance d from the corner's side: a smooth
     * quarter-round whose slope stays finite, so the blade's (u, v) mapping never folds over.
     */
    private static double corner(double d, double r) {
        if (d >= r) {
            return 0;
        }
        return r * (1 - Math.cos(Math.PI / 2 * (r - d) / r));
    }
}
