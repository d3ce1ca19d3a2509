package ai.dfc.benchdata.procedural.categories;

import static ai.dfc.benchdata.procedural.categories.Curves.lerp;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A screwdriver along the x axis: a fluted, domed handle from its butt at −x to x = 0, an optional metal ferrule,
 * a round steel shaft to +x and the tip at its end — either a flat (slotted) blade, wide along y and thin along z,
 * or a Phillips-like point with four wings ({@code tip_style} below or above 0.5).
 */
public final class Screwdriver implements ProceduralCategory {

    @Override
    public String name() {
        return "screwdriver";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("handle_length", 0.08, 0.13, "handle length (m)"),
                new ShapeParameter("handle_diameter", 0.022, 0.036, "handle diameter at its thickest (m)"),
                new ShapeParameter("handle_butt", 0.7, 0.95, "handle radius at the butt relative to its thickest"),
                new ShapeParameter("handle_front", 0.55, 0.8, "handle radius at the front relative to its thickest"),
                new ShapeParameter("grip_position", 0.3, 0.6, "where the handle is thickest, fraction of its length from the butt"),
                new ShapeParameter("flutes", 3.5, 8.49, "number of flutes around the handle, rounded (4 to 8)"),
                new ShapeParameter("flute_depth", 0.0, 0.08, "depth of the flutes, fraction of the radius"),
                new ShapeParameter("handle_squareness", 2.0, 2.8, "handle section exponent (2 = round)"),
                new ShapeParameter("ferrule_length", 0.0, 0.015, "length of the metal ferrule at the handle's front (m)"),
                new ShapeParameter("shaft_length", 0.05, 0.20, "shaft length from the handle to the tip (m)"),
                new ShapeParameter("shaft_diameter", 0.004, 0.008, "shaft diameter (m)"),
                new ShapeParameter("tip_style", 0.0, 1.0, "tip kind: below 0.5 flat (slotted), above Phillips"),
                new ShapeParameter("tip_length", 0.006, 0.016, "length of the tip's taper (m)"),
                new ShapeParameter("blade_width", 1.0, 1.5, "flat tip: blade width relative to the shaft diameter"),
                new ShapeParameter("blade_thickness", 0.0005, 0.0012, "flat tip: blade thickness at the end (m)"),
                new ShapeParameter("phillips_wings", 0.3, 0.6, "Phillips tip: depth of the four wings, fraction of the radius"),
                new ShapeParameter("point_bluntness", 0.1, 0.3, "Phillips tip: radius just before the point relative to the shaft"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("tip", "- Tip - The shaped end of the shaft, flat or cross-shaped, that fits into a screw head to turn it and can pry or poke.", true, false),
                new FunctionalPart("shaft", "- Shaft - The long round steel rod between the handle and the tip.", true, false),
                new FunctionalPart("handle", "- Handle - The thick fluted grip that the hand turns.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("apply torque-with"), List.of("tip"));
        f.put(FunctionName.of("pry-with"), List.of("tip", "shaft"));
        f.put(FunctionName.of("poke-with"), List.of("tip"));
        f.put(FunctionName.of("pierce-with"), List.of("tip"));
        f.put(FunctionName.of("scrape-with"), List.of("tip", "shaft"));
        f.put(FunctionName.of("dig-with"), List.of("tip", "shaft"));
        f.put(FunctionName.of("mix-with"), List.of("shaft", "tip"));
        return f;
    }

    /**
     * Builds a screwdriver. Frames: {@code tip} at the end of the tip, z = +x (the screwdriver's axis, outward: the
     * axis torque is applied about and the direction it pokes), y = +y (across the flat blade); {@code shaft} at the
     * shaft's middle, z = +y, y = +x (its long axis).
     */
    @Override
    public ProceduralAsset build(ShapeParameters p) {
        MeshBuilder mb = new MeshBuilder();
        buildHandle(mb, p);

        double shaftLen = p.get("shaft_length");
        double r = p.get("shaft_diameter") / 2;
        double tipLen = p.get("tip_length");
        boolean flat = p.get("tip_style") < 0.5;
        double bladeW = p.get("blade_width") * 2 * r;
        double bladeT = Math.min(p.get("blade_thickness"), r);
        double wings = p.get("phillips_wings");
        double blunt = p.get("point_bluntness");

        List<double[]> rows = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        rows.add(new double[] {0, 0, -0.02, 2, 0});
        rows.add(new double[] {r, r, -0.02, 2, 0});
        parts.add("shaft");
        rows.add(new double[] {r, r, shaftLen, 2, 0});
        parts.add("shaft");
        if (flat) {
            for (double f : new double[] {0.25, 0.5, 0.75, 1.0}) {
                rows.add(new double[] {lerp(r, bladeW / 2, Math.pow(f, 0.6)), lerp(r, bladeT / 2, Math.pow(f, 0.8)),
                    shaftLen + f * tipLen, lerp(2, 8, Math.sqrt(f)), 0});
                parts.add("tip");
            }
            rows.add(new double[] {0, 0, shaftLen + tipLen, 8, 0});
            parts.add("tip");
        } else {
            double base = r / (1 + wings);
            double[][] steps = {{0.3, 0.95 * r / (1 + 0.6 * wings), 0.6}, {0.65, 0.7 * base, 1}, {0.9, blunt * r, 1}};
            for (double[] s : steps) {
                rows.add(new double[] {s[1], s[1], shaftLen + s[0] * tipLen, 2, wings * s[2]});
                parts.add("tip");
            }
            rows.add(new double[] {0, 0, shaftLen + tipLen, 2, wings});
            parts.add("tip");
        }
        ToolGeometry.loft(mb, rows.toArray(double[][]::new), parts.toArray(String[]::new), 4, 10, 3,
                Transform.rotateZ(-Math.PI / 2));

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double tipEnd = shaftLen + tipLen;
        frames.put("tip", PartFrame.of(new double[] {tipEnd, 0, 0}, new double[] {1, 0, 0}, new double[] {0, 1, 0},
                Math.max(tipLen, flat ? bladeW : 2 * r)));
        frames.put("shaft", PartFrame.of(new double[] {shaftLen / 2, 0, 0}, new double[] {0, 1, 0},
                new double[] {1, 0, 0}, shaftLen));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /** The handle from x = −handle_length (butt) to 0, with the ferrule in front of it. */
    private static void buildHandle(MeshBuilder mb, ShapeParameters p) {
        double len = p.get("handle_length");
        double big = p.get("handle_diameter") / 2;
        double rb = big * p.get("handle_butt");
        double rf = big * p.get("handle_front");
        double gp = p.get("grip_position");
        int flutes = (int) Math.round(p.get("flutes"));
        double depth = p.get("flute_depth");
        double n = p.get("handle_squareness");
        double dome = 0.35 * rb;
        List<double[]> rows = new ArrayList<>();
        rows.add(new double[] {0, 0, 0, n, 0});
        for (double a : new double[] {0.35, 0.65, 0.9}) {
            double al = a * Math.PI / 2;
            rows.add(new double[] {rb * Math.sin(al), rb * Math.sin(al), dome * (1 - Math.cos(al)), n, 0});
        }
        int body = 16;
        double yFront = len - 0.0015;
        for (int i = 0; i <= body; i++) {
            double t = (double) i / body;
            double rad = t < gp ? lerp(rb, big, smooth(t / gp)) : lerp(big, rf, smooth((t - gp) / (1 - gp)));
            double d = depth * Math.sqrt(Math.sin(Math.PI * t));
            rows.add(new double[] {rad, rad, dome + t * (yFront - dome), n, d});
        }
        rows.add(new double[] {0.85 * rf, 0.85 * rf, len, n, 0});
        rows.add(new double[] {0, 0, len, n, 0});
        String[] parts = new String[rows.size() - 1];
        Arrays.fill(parts, "handle");
        ToolGeometry.loft(mb, rows.toArray(double[][]::new), parts, flutes, 16, 2,
                Transform.rotateZ(-Math.PI / 2).then(Transform.translate(-len, 0, 0)));

        double ferrule = p.get("ferrule_length");
        if (ferrule > 0.002) {
            double rFerrule = Math.max(p.get("shaft_diameter") * 0.9, 0.75 * rf);
            ToolGeometry.bar(mb, "handle", ferrule, 0, ferrule + 0.003, 2 * rFerrule, 2 * rFerrule, 2);
        }
    }
}
