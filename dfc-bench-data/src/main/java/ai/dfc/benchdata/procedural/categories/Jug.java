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
 * A jug (pitcher): an open, thin-walled vessel of revolution about +y standing on y = 0 — a thick flat bottom
 * with a rounded edge, a belly, a narrower neck and a flaring rim — whose rim is pulled out at −x into a V- or
 * U-shaped pouring spout, and a C- or D-shaped handle at +x from below the rim down the body. The rim is the top
 * edge all round, the spout's lip included; the spout is the pulled-out wall below it; the inside is "interior".
 * Rim and spout frames sit at the tip of the spout's lip, where liquid leaves: the rim's like {@link Mug}'s
 * ({@code z} = −x, {@code y} = up, size the rim's diameter), the spout's with {@code z} along the lip's run out of
 * the jug, {@code y} its up ({@code z × +z}) and size its length from the wall, like the kettle's spout.
 */
public final class Jug implements ProceduralCategory {
    private static final int AROUND = 112;
    private static final int ALONG = 56;

    @Override
    public String name() {
        return "jug";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("height", 0.15, 0.28, "height of the jug's rim (m)"),
                new ShapeParameter("base_radius", 0.040, 0.065, "radius of the bottom (m)"),
                new ShapeParameter("belly_ratio", 1.0, 1.35, "widest radius relative to the bottom's"),
                new ShapeParameter("belly_height", 0.25, 0.50, "height of the widest point, fraction of the height"),
                new ShapeParameter("neck_ratio", 0.65, 0.95, "radius of the neck relative to the widest radius"),
                new ShapeParameter("neck_height", 0.70, 0.88, "height of the neck, fraction of the height"),
                new ShapeParameter("rim_ratio", 0.95, 1.25, "radius of the rim relative to the neck's"),
                new ShapeParameter("wall", 0.0025, 0.0060, "wall thickness (m)"),
                new ShapeParameter("base_thickness", 0.004, 0.010, "thickness of the bottom (m)"),
                new ShapeParameter("corner_radius", 0.004, 0.015, "radius of the rounded bottom edge (m)"),
                new ShapeParameter("rim_band", 0.003, 0.006, "height of the band along the top edge that counts as rim (m)"),
                new ShapeParameter("spout_width", 0.35, 0.75, "half-width of the spout around the rim (rad)"),
                new ShapeParameter("spout_pull", 0.012, 0.035, "how far the spout's lip is pulled out (m)"),
                new ShapeParameter("spout_lift", 0.0, 0.012, "how far the spout's lip is raised above the rim (m)"),
                new ShapeParameter("spout_depth", 0.030, 0.070, "how far down the wall the spout reaches (m)"),
                new ShapeParameter("spout_pinch", 0.0, 0.35, "how much the spout's flanks are squeezed together"),
                new ShapeParameter("spout_sharpness", 1.0, 2.5, "1 = rounded U channel, higher = sharper V"),
                new ShapeParameter("handle_low", 0.20, 0.45, "lower end of the handle, fraction of the height"),
                new ShapeParameter("handle_high", 0.72, 0.92, "upper end of the handle, fraction of the height"),
                new ShapeParameter("handle_reach", 0.030, 0.060, "how far the handle sticks out of the body (m)"),
                new ShapeParameter("handle_thickness", 0.006, 0.010, "radius of the handle's cross-section (m)"),
                new ShapeParameter("handle_squareness", 0.0, 1.0, "0 = round C, 1 = squarish D"),
                new ShapeParameter("handle_lean", -0.3, 0.3, "> 0 the handle's top sticks out further than its bottom"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("spout", "- Spout - The pulled-out, channel-shaped part of the wall at the top of the jug that guides the stream when pouring.", true, false),
                new FunctionalPart("rim", "- Rim - The thin top edge all around the jug's opening, over which it pours and with which it scoops when dipped.", true, true),
                new FunctionalPart("base", "- Base - The flat bottom of the jug that stands on the table and can press on a surface.", false, false),
                new FunctionalPart("body", "- Body - The bulging outer wall of the jug that holds the liquid.", false, false),
                new FunctionalPart("handle", "- Handle - The loop on the side opposite the spout, held to lift and tip the jug.", false, false),
                new FunctionalPart("interior", "- Interior - The hollow inside of the jug.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pour-with"), List.of("spout", "rim"));
        f.put(FunctionName.of("scoop-with"), List.of("rim"));
        f.put(FunctionName.of("press-with"), List.of("base"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double h = p.get("height");
        double rb = p.get("base_radius");
        double rBelly = rb * p.get("belly_ratio");
        double rNeck = rBelly * p.get("neck_ratio");
        double rRim = rNeck * p.get("rim_ratio");
        double wall = p.get("wall");
        double tb = p.get("base_thickness");
        double rc = p.get("corner_radius");
        double y0 = tb / 2 + rc;
        Curves.Monotone mid = new Curves.Monotone(
                new double[] {y0, p.get("belly_height") * h, p.get("neck_height") * h, h},
                new double[] {rb, rBelly, rNeck, rRim});

        // mid-wall profile: bottom centre, flat floor, rounded corner, wall up to the rim
        List<double[]> prof = new ArrayList<>();
        prof.add(new double[] {0, tb / 2});
        prof.add(new double[] {rb - rc, tb / 2});
        for (int k = 1; k <= 6; k++) {
            double phi = -Math.PI / 2 + Math.PI / 2 * k / 6;
            prof.add(new double[] {rb - rc + rc * Math.cos(phi), y0 + rc * Math.sin(phi)});
        }
        for (int k = 1; k <= 80; k++) {
            double y = Curves.lerp(y0, h, k / 80.0);
            prof.add(new double[] {mid.applyAsDouble(y), y});
        }
        double depth = p.get("spout_depth");
        Shell.Spout spout = new Shell.Spout(p.get("spout_pull"), p.get("spout_lift"), p.get("spout_width"), depth,
                p.get("spout_pinch"), p.get("spout_sharpness"));
        Shell shell = new Shell(prof.toArray(double[][]::new),
                (r, y) -> wall + (tb - wall) * (1 - Curves.smooth((y - tb / 2) / rc)), spout, depth + 0.01);
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
            return y < tb / 2 + 0.5 * rc ? "base" : "body";
        }, Transform.identity());
        mb.relabel("body", "interior", shell::inner);
        mb.relabel("base", "interior", shell::inner);

        double thick = p.get("handle_thickness");
        double[][] path = Curves.sideHandle(y -> mid.applyAsDouble(y) + 0.5 * wall, p.get("handle_low") * h,
                p.get("handle_high") * h, p.get("handle_reach"), p.get("handle_squareness"), p.get("handle_lean"),
                0.8 * wall, 28);
        double[] radii = new double[path.length];
        Arrays.fill(radii, thick);
        String[] segs = new String[path.length - 1];
        Arrays.fill(segs, "handle");
        mb.tube(path, radii, segs, 12, true, true, Transform.identity());

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] lip = shell.lip();
        double[] z = shell.outflow();
        double yStart = h - depth;
        double spoutLength = Curves.distance(new double[] {-mid.applyAsDouble(yStart), yStart, 0}, lip);
        frames.put("spout", PartFrame.of(lip, z, Curves.openingUp(z), spoutLength));
        frames.put("rim", PartFrame.of(lip, new double[] {-1, 0, 0}, new double[] {0, 1, 0}, 2 * rRim));
        frames.put("base", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0}, 2 * rb));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }
}
