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
 * A saucepan: a wide, thin-walled open pot of revolution about +y standing on y = 0 on a thicker encapsulated base
 * disc, with straight (slightly tapered) sides, a rounded bottom edge, a rim flaring a little outwards and pulled
 * into a small pouring lip at −x, and a long, slightly rising and sagging stick handle at +x. Parts follow the
 * taxonomy: the "side" is the outer wall, the "body" the inside that holds the food, the "rim" the top edge all
 * round (the lip's top included), the "spout" the pulled-out wall under it. The rim and spout frames sit at the
 * lip's tip like the jug's; the body's at the centre of the inside floor facing up (scooping out of the opening),
 * the side's on the outer wall at −x facing outwards, the base's under the bottom facing down.
 */
public final class Saucepan implements ProceduralCategory {
    private static final int AROUND = 112;
    private static final int ALONG = 48;

    @Override
    public String name() {
        return "saucepan";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("radius", 0.070, 0.110, "mid-wall radius at the rim (m)"),
                new ShapeParameter("height", 0.060, 0.130, "height of the rim above the table (m)"),
                new ShapeParameter("taper", 0.0, 0.015, "how much narrower the pot is at the bottom than at the rim (m)"),
                new ShapeParameter("wall", 0.0015, 0.0030, "wall thickness (m)"),
                new ShapeParameter("bottom_thickness", 0.003, 0.007, "thickness of the pot's bottom (m)"),
                new ShapeParameter("corner_radius", 0.006, 0.025, "radius of the rounded bottom edge (m)"),
                new ShapeParameter("disc_height", 0.0, 0.006, "height of the encapsulated base disc under the bottom (m)"),
                new ShapeParameter("rim_flare", 0.0, 0.006, "outward flare of the rim (m)"),
                new ShapeParameter("rim_band", 0.002, 0.004, "height of the band along the top edge that counts as rim (m)"),
                new ShapeParameter("spout_width", 0.20, 0.45, "half-width of the pouring lip around the rim (rad)"),
                new ShapeParameter("spout_pull", 0.006, 0.016, "how far the pouring lip is pulled out (m)"),
                new ShapeParameter("spout_lift", 0.0, 0.004, "how far the pouring lip is raised (m)"),
                new ShapeParameter("spout_depth", 0.018, 0.035, "how far down the wall the pouring lip reaches (m)"),
                new ShapeParameter("spout_sharpness", 1.0, 2.0, "1 = rounded lip, higher = sharper"),
                new ShapeParameter("handle_length", 0.140, 0.220, "length of the handle (m)"),
                new ShapeParameter("handle_radius", 0.007, 0.011, "radius of the handle where it meets the pot (m)"),
                new ShapeParameter("handle_widening", 1.0, 1.4, "radius of the handle's grip relative to its root"),
                new ShapeParameter("handle_rise", 0.05, 0.35, "angle of the handle above the horizontal (rad)"),
                new ShapeParameter("handle_sag", -0.006, 0.012, "sag of the handle's middle below its chord (m)"),
                new ShapeParameter("handle_attach", 0.55, 0.80, "height where the handle meets the pot, fraction of the height"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("rim", "- Rim - The round top edge of the saucepan over which sauce is poured or scooped out.", false, true),
                new FunctionalPart("spout", "- Spout - The small pulled-out lip on the rim that lets liquid pour off in a neat stream.", true, false),
                new FunctionalPart("base", "- Base - The thick flat bottom of the saucepan that sits on the heat and presses or pounds on a surface.", false, false),
                new FunctionalPart("body", "- Body - The hollow inside of the saucepan that holds and scoops up its contents.", false, false),
                new FunctionalPart("side", "- Side - The upright outer wall of the saucepan, which can strike a surface when pounding.", false, false),
                new FunctionalPart("handle", "- Handle - The long stick on the side of the saucepan used to hold and tip it.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pour-with"), List.of("rim", "spout"));
        f.put(FunctionName.of("scoop-with"), List.of("body", "rim"));
        f.put(FunctionName.of("press-with"), List.of("base"));
        f.put(FunctionName.of("pound-with"), List.of("base", "side"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double radius = p.get("radius");
        double h = p.get("height");
        double wall = p.get("wall");
        double tb = p.get("bottom_thickness");
        double rc = p.get("corner_radius");
        // a disc thinner than half a millimetre is left out
        double dh = p.get("disc_height") > 0.0005 ? p.get("disc_height") : 0;
        double flare = p.get("rim_flare");
        double rBottom = radius - p.get("taper");
        double yFloor = dh + tb / 2;
        double y0 = yFloor + rc;
        // mid-wall radius: straight taper, then an outward flare over the top 15 % of the side
        java.util.function.DoubleUnaryOperator mid = y -> {
            double t = Curves.clamp((y - y0) / (h - y0), 0, 1);
            double f = Curves.clamp((t - 0.85) / 0.15, 0, 1);
            return Curves.lerp(rBottom, radius, t) + flare * f * f;
        };
        List<double[]> prof = new ArrayList<>();
        prof.add(new double[] {0, yFloor});
        prof.add(new double[] {rBottom - rc, yFloor});
        for (int k = 1; k <= 8; k++) {
            double phi = -Math.PI / 2 + Math.PI / 2 * k / 8;
            prof.add(new double[] {rBottom - rc + rc * Math.cos(phi), y0 + rc * Math.sin(phi)});
        }
        for (int k = 1; k <= 60; k++) {
            double y = Curves.lerp(y0, h, k / 60.0);
            prof.add(new double[] {mid.applyAsDouble(y), y});
        }
        double depth = p.get("spout_depth");
        Shell.Spout spout = new Shell.Spout(p.get("spout_pull"), p.get("spout_lift"), p.get("spout_width"), depth, 0,
                p.get("spout_sharpness"));
        Shell shell = new Shell(prof.toArray(double[][]::new),
                (r, y) -> wall + (tb - wall) * (1 - Curves.smooth((y - yFloor) / rc)), spout, depth + 0.01);
        double band = p.get("rim_band");
        MeshBuilder mb = new MeshBuilder();
        mb.sheet(shell, AROUND, ALONG, (u, v) -> {
            double y = shell.profileAt(v)[1];
            // the rim is the top edge all round (at least the top row of cells); on the spout's lip it narrows
            if (v > 1 - 1.0 / ALONG || y > h - band * (1 - 0.75 * shell.spoutAcross(u))) {
                return "rim";
            }
            if (shell.spoutWeight(u, v) > 0.08) {
                return "spout";
            }
            return y < yFloor + 0.5 * rc ? "base" : "side";
        }, Transform.identity());
        mb.relabel("side", "body", shell::inner);
        mb.relabel("base", "body", shell::inner);
        double rDisc = rBottom - 0.6 * rc;
        if (dh > 0) {
            mb.lathe(new double[][] {{0, 0}, {rDisc - 0.0015, 0}, {rDisc, 0.0015}, {rDisc, dh + 0.3 * tb}, {0, dh + 0.3 * tb}},
                    new String[] {"base", "base", "base", "base"}, 64, 1, Transform.identity());
        }

        // the stick handle: out of the wall at +x, rising, sagging a little, widening to a rounded end
        double ya = p.get("handle_attach") * h;
        double len = p.get("handle_length");
        double rise = p.get("handle_rise");
        double sag = p.get("handle_sag");
        double rh = p.get("handle_radius");
        double widen = p.get("handle_widening");
        // a short root square to the wall, so the buried end cap lies flat inside it
        double slope = (mid.applyAsDouble(ya + 1e-4) - mid.applyAsDouble(ya - 1e-4)) / 2e-4;
        double[] normal = {1 / Math.hypot(1, slope), -slope / Math.hypot(1, slope), 0};
        double[] surface = {mid.applyAsDouble(ya) + 0.5 * wall, ya, 0};
        double[] dir = {Math.cos(rise), Math.sin(rise), 0};
        int n = 24;
        double[][] path = new double[n + 2][];
        double[] radii = new double[n + 2];
        path[0] = Curves.along(surface, normal, -Math.max(0.8 * wall, 0.001));
        radii[0] = rh;
        double[] root = Curves.along(surface, normal, 1.5 * rh);
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double s = len * t;
            double down = sag * Math.sin(Math.PI * t);
            path[i + 1] = new double[] {root[0] + s * dir[0] + down * dir[1], root[1] + s * dir[1] - down * dir[0], 0};
            double grip = Curves.smooth((t - 0.15) / 0.35);
            double end = t > 0.96 ? Math.sqrt(Math.max(0, 1 - Math.pow((t - 0.96) / 0.04, 2))) : 1;
            radii[i + 1] = rh * Curves.lerp(1, widen, grip) * Math.max(0.45, end);
        }
        String[] segs = new String[n + 1];
        Arrays.fill(segs, "handle");
        mb.tube(path, radii, segs, 14, true, true, Transform.identity());

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] lip = shell.lip();
        double[] z = shell.outflow();
        double yStart = h - depth;
        double spoutLength = Curves.distance(new double[] {-mid.applyAsDouble(yStart), yStart, 0}, lip);
        frames.put("rim", PartFrame.of(lip, new double[] {-1, 0, 0}, new double[] {0, 1, 0}, 2 * radius));
        frames.put("spout", PartFrame.of(lip, z, Curves.openingUp(z), spoutLength));
        frames.put("body", PartFrame.of(new double[] {0, yFloor + tb / 2, 0}, new double[] {0, 1, 0}, new double[] {1, 0, 0},
                2 * (radius - wall / 2)));
        double ym = 0.45 * h;
        frames.put("side", PartFrame.of(new double[] {-(mid.applyAsDouble(ym) + wall / 2), ym, 0}, new double[] {-1, 0, 0},
                new double[] {0, 1, 0}, h));
        frames.put("base", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0},
                2 * (dh > 0 ? rDisc : rBottom)));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }
}
