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
 * A spoon: an egg-shaped bowl opening upward (+y), its back end at x = 0 and its tip at +x, and a flat handle along
 * −x that narrows into a neck behind the bowl, rises, and widens to a rounded end. The bowl is a thin shell over
 * the unit disc: its rim band, its front (the tip), its concave inside (bowl) and its convex outside (back) are
 * separate parts.
 */
public final class Spoon implements ProceduralCategory {
    /** How close, as a fraction of half a turn, the bowl's grid gets to its front and back poles. */
    private static final double POLE = 0.012;

    @Override
    public String name() {
        return "spoon";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("bowl_length", 0.045, 0.075, "bowl length (m)"),
                new ShapeParameter("bowl_width", 0.028, 0.045, "bowl width (m)"),
                new ShapeParameter("bowl_egg", 0.6, 1.0, "length of the bowl's front half relative to its back half"),
                new ShapeParameter("bowl_depth", 0.006, 0.016, "depth of the bowl below its rim (m)"),
                new ShapeParameter("bowl_flatness", 1.6, 3.5, "exponent of the bowl's section (high = flat bottom, steep sides)"),
                new ShapeParameter("bowl_lift", 0.0, 0.006, "rise of the bowl's rim at its front and back (m)"),
                new ShapeParameter("thickness", 0.0012, 0.0025, "metal thickness of the bowl (m)"),
                new ShapeParameter("rim_width", 0.0015, 0.003, "width of the band that counts as the rim (m)"),
                new ShapeParameter("tip_fraction", 0.15, 0.25, "front fraction of the bowl's front half that counts as the tip"),
                new ShapeParameter("handle_length", 0.10, 0.15, "handle length (m)"),
                new ShapeParameter("handle_rise", 0.006, 0.025, "how far the handle rises above the rim (m)"),
                new ShapeParameter("handle_curl", -0.006, 0.01, "extra rise (or drop) of the handle's end (m)"),
                new ShapeParameter("neck_width", 0.005, 0.009, "width of the handle at its narrowest (m)"),
                new ShapeParameter("neck_position", 0.15, 0.35, "where the handle is narrowest, fraction of its length"),
                new ShapeParameter("handle_end_width", 0.014, 0.026, "width of the handle's end (m)"),
                new ShapeParameter("handle_thickness", 0.002, 0.0035, "thickness of the handle (m)"),
                new ShapeParameter("end_roundness", 0.5, 1.0, "rounding of the handle's end (1 = semicircle)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("bowl", "- Bowl - The shallow concave hollow of the spoon that scoops up, holds and stirs food.", true, false),
                new FunctionalPart("tip", "- Tip - The front end of the bowl, farthest from the handle, that digs into food and slips under things.", true, false),
                new FunctionalPart("rim", "- Rim - The thin border running around the bowl that scrapes containers clean.", true, true),
                new FunctionalPart("back", "- Back - The rounded underside of the bowl, used to press, mash and smooth food.", true, false),
                new FunctionalPart("handle", "- Handle - The long flat stem that the fingers hold.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("scoop-with"), List.of("bowl", "tip"));
        f.put(FunctionName.of("dig-with"), List.of("tip", "bowl"));
        f.put(FunctionName.of("lift-with"), List.of("bowl"));
        f.put(FunctionName.of("mix-with"), List.of("bowl", "back"));
        f.put(FunctionName.of("press-with"), List.of("back"));
        f.put(FunctionName.of("pound-with"), List.of("back"));
        f.put(FunctionName.of("spread-with"), List.of("back"));
        f.put(FunctionName.of("pry-with"), List.of("tip"));
        f.put(FunctionName.of("poke-with"), List.of("tip"));
        f.put(FunctionName.of("scrape-with"), List.of("rim"));
        return f;
    }

    /**
     * Builds a spoon. Frames: {@code bowl} at the deepest point inside, z = +y (out of the opening), y = +x (toward
     * the tip); {@code back} at the lowest point outside, z = −y, y = +x; {@code tip} at the front of the rim,
     * z = +x (along the spoon, outward), y = +y; {@code rim} at the widest point of the +z side, z = +z (outward,
     * the scraping direction), y = +x (along the rim toward the tip).
     */
    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double length = p.get("bowl_length");
        double egg = p.get("bowl_egg");
        double aBack = length / (1 + egg);
        double aFront = length - aBack;
        double b = p.get("bowl_width") / 2;
        double depth = p.get("bowl_depth");
        double flat = p.get("bowl_flatness");
        double lift = p.get("bowl_lift");
        double thick = p.get("thickness");
        double rimWidth = p.get("rim_width");
        double tipFrac = p.get("tip_fraction");
        double xc = aBack;

        // the bowl: a shell over the unit disc, stretched to the egg outline and dished
        MeshBuilder.SheetShape bowl = new MeshBuilder.SheetShape() {
            @Override
            public double[] point(double u, double v) {
                double[] d = disc(u, v);
                double rho = Math.min(1, Math.hypot(d[0], d[1]));
                return new double[] {xc + d[0] * (d[0] >= 0 ? aFront : aBack),
                    -depth * (1 - Math.pow(rho, flat)) + lift * d[0] * d[0], d[1] * b};
            }

            @Override
            public double thickness(double u, double v) {
                double[] d = disc(u, v);
                // thinning to nothing at the front and back ends, so the shell closes there without an end wall
                double end = Math.sin(Math.PI * (POLE + u * (1 - 2 * POLE))) - Math.sin(Math.PI * POLE);
                return thick * (1 - 0.3 * Math.pow(d[0] * d[0] + d[1] * d[1], 2)) * smooth(end / 0.12);
            }
        };
        MeshBuilder mb = new MeshBuilder();
        mb.sheet(bowl, 56, 28, (u, v) -> {
            double[] d = disc(u, v);
            if (d[0] > 1 - tipFrac) {
                return "tip";
            }
            // distance to the outline along the ray from the bowl's centre, in metres
            double rho = Math.hypot(d[0], d[1]);
            double reach = Math.hypot(d[0] * (d[0] >= 0 ? aFront : aBack), d[1] * b);
            return rho > 0 && (1 - rho) * reach / rho < rimWidth ? "rim" : "bowl";
        }, Transform.identity());
        // the convex underside: below the mid-surface at the same (x, z)
        mb.relabel("bowl", "back", c -> {
            double dx = c[0] - xc;
            double along = dx / (dx >= 0 ? aFront : aBack);
            double rho = Math.min(1, Math.sqrt(along * along + (c[2] / b) * (c[2] / b)));
            return c[1] < -depth * (1 - Math.pow(rho, flat)) + lift * along * along;
        });

        double len = p.get("handle_length");
        double rise = p.get("handle_rise");
        double curl = p.get("handle_curl");
        double neckW = p.get("neck_width");
        double neckAt = p.get("neck_position") * len;
        double endW = p.get("handle_end_width");
        double ht = p.get("handle_thickness");
        double rEnd = p.get("end_roundness") * endW / 2;
        double joinW = 1.2 * neckW;
        double x0 = 0.0015;
        MeshBuilder.SheetShape handle = new MeshBuilder.SheetShape() {
            @Override
            public double[] point(double u, double v) {
                double s = u * len;
                double y = lift + rise * smooth(s / (0.5 * len)) + curl * smooth((s - 0.6 * len) / (0.4 * len));
                return new double[] {x0 - s, y, (2 * v - 1) * halfWidth(s)};
            }

            @Override
            public double thickness(double u, double v) {
                return ht * (1 + 0.3 * (1 - smooth(u * len / neckAt)));
            }

            private double halfWidth(double s) {
                double w = s < neckAt ? joinW + (neckW - joinW) * smooth(s / neckAt)
                        : neckW + (endW - neckW) * Math.pow((s - neckAt) / (len - neckAt), 0.8);
                double e = s - (len - rEnd);
                if (e > 0) {
                    double q = Math.min(1, e / rEnd);
                    w *= Math.max(0.15, Math.sqrt(Math.max(0, 1 - q * q)));
                }
                return w / 2;
            }
        };
        mb.sheet(handle, 48, 8, (u, v) -> "handle", Transform.identity());

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        frames.put("bowl", PartFrame.of(new double[] {xc, -depth + thick / 2, 0}, new double[] {0, 1, 0},
                new double[] {1, 0, 0}, length));
        frames.put("back", PartFrame.of(new double[] {xc, -depth - thick / 2, 0}, new double[] {0, -1, 0},
                new double[] {1, 0, 0}, length));
        frames.put("tip", PartFrame.of(bowl.point(1, 0.5), new double[] {1, 0, 0}, new double[] {0, 1, 0}, 2 * b));
        frames.put("rim", PartFrame.of(bowl.point(0.5, 1), new double[] {0, 0, 1}, new double[] {1, 0, 0}, length));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /**
     * (u, v) ∈ [0, 1]² onto the unit disc {x, z} like a globe's meridians: u runs from the back (x = −1) to the
     * front (x = +1) in equal angles, v across (denser toward the sides). The two ends stop just short of the poles
     * (a flat of about 4 % of the width), so the shell never collapses to a point.
     */
    private static double[] disc(double u, double v) {
        double a = Math.PI * (POLE + u * (1 - 2 * POLE));
        double w = 2 * v - 1;
        // rows three times denser at the rim than in the middle, so the thin rim band is resolved
        double across = 0.4 * w + 0.6 * Math.sin(Math.PI / 2 * w);
        return new double[] {-Math.cos(a), across * Math.sin(a)};
    }
}
