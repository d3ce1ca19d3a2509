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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claw hammer: a handle along −x and, at x = 0, a steel head along the y axis. The eye block (a rounded
 * rectangle, through which the handle passes) is centred at the origin; below it a round neck ends in the slightly
 * crowned, chamfered striking face facing −y; above it the two prongs of the claw rise and curve back toward the
 * handle (−x), parted by a V-shaped slot that opens toward their tips.
 */
public final class Hammer implements ProceduralCategory {

    @Override
    public String name() {
        return "hammer";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("handle_length", 0.24, 0.36, "handle length below the head (m)"),
                new ShapeParameter("handle_height", 0.020, 0.028, "handle section along the striking direction, at the head (m)"),
                new ShapeParameter("handle_width", 0.014, 0.020, "handle section across, at the head (m)"),
                new ShapeParameter("handle_grip", 1.0, 1.35, "handle section at the butt relative to the head end"),
                new ShapeParameter("handle_swell", 0.0, 0.1, "swell of the handle's middle"),
                new ShapeParameter("handle_squareness", 2.0, 3.2, "handle section exponent (2 = oval, higher = boxier)"),
                new ShapeParameter("face_radius", 0.011, 0.016, "radius of the striking face (m)"),
                new ShapeParameter("face_crown", 0.0003, 0.002, "convex bulge of the face (m)"),
                new ShapeParameter("face_chamfer", 0.0008, 0.0025, "bevel around the face (m)"),
                new ShapeParameter("neck_length", 0.018, 0.04, "length of the round neck from the block to the face (m)"),
                new ShapeParameter("neck_waist", 0.7, 0.95, "neck radius at its slimmest relative to the face radius"),
                new ShapeParameter("block_height", 0.026, 0.036, "eye block size along the handle, x (m)"),
                new ShapeParameter("block_depth", 0.028, 0.04, "eye block size along the head, y (m)"),
                new ShapeParameter("block_width", 0.020, 0.027, "eye block size across, z (m)"),
                new ShapeParameter("block_squareness", 2.5, 5.0, "eye block section exponent (higher = squarer)"),
                new ShapeParameter("claw_length", 0.035, 0.065, "claw length along its curve (m)"),
                new ShapeParameter("claw_curve", 0.15, 1.3, "how far the claw curves back toward the handle (rad)"),
                new ShapeParameter("claw_gap", 0.002, 0.006, "width of the slot between the prongs at their tips (m)"),
                new ShapeParameter("claw_tip_thickness", 0.002, 0.004, "prong thickness at the tip (m)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("head", "- Head - The heavy steel block on top of the handle that carries the face and the claw.", false, false),
                new FunctionalPart("face", "- Face - The flat round end of the head that strikes nails and other objects.", true, false),
                new FunctionalPart("claw", "- Claw - The split, curved prongs at the back of the head that grip and pull out nails.", true, false),
                new FunctionalPart("handle", "- Handle - The long shaft the hand grips to swing the hammer.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pound-with"), List.of("face", "head"));
        f.put(FunctionName.of("press-with"), List.of("face", "head"));
        f.put(FunctionName.of("pull-with"), List.of("claw"));
        return f;
    }

    /**
     * Builds a hammer. Frames: {@code face} at the centre of the face, size its diameter; {@code head} at the eye's
     * centre (where the handle passes through), size the diagonal of the head's box; both z = −y (the striking
     * direction), y = +x (toward the handle's top). {@code claw} at
     * the prongs' tips, z = along the claw toward its tips (the way it slides under a nail head), y = the claw's
     * outer side.
     */
    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double rf = p.get("face_radius");
        double crown = p.get("face_crown");
        double ch = p.get("face_chamfer");
        double neck = p.get("neck_length");
        double waist = p.get("neck_waist");
        double bx = p.get("block_height");
        double by = p.get("block_depth");
        double bz = p.get("block_width");
        double bn = p.get("block_squareness");
        double yFace = -by / 2 - neck;
        double ri = rf - ch;
        double[][] rows = {
            {0, 0, yFace - crown, 2, 0},
            {0.4 * ri, 0.4 * ri, yFace - crown * 0.84, 2, 0},
            {0.75 * ri, 0.75 * ri, yFace - crown * 0.4375, 2, 0},
            {ri, ri, yFace, 2, 0},
            {rf, rf, yFace + ch, 2, 0},
            {rf, rf, yFace + ch + 0.15 * neck, 2, 0},
            {rf * waist, rf * waist, yFace + 0.65 * neck, 2, 0},
            {bx / 2, bz / 2, -by / 2, bn, 0},
            {bx / 2, bz / 2, by / 2 - 0.002, bn, 0},
            {bx / 2 - 0.0015, bz / 2 - 0.0015, by / 2, bn, 0},
            {0, 0, by / 2 + 0.0004, bn, 0}};
        MeshBuilder mb = new MeshBuilder();
        ToolGeometry.loft(mb, rows, new String[] {"face", "face", "face", "head", "head", "head", "head", "head",
            "head", "head"}, 1, 12, 3, Transform.identity());

        // the claw: two prongs along a circular arc from the block's top, bending toward −x
        double clawLen = p.get("claw_length");
        double sweep = p.get("claw_curve");
        double radius = clawLen / sweep;
        double rootY = by / 2 - 0.006;
        double gap = p.get("claw_gap");
        double tipT = p.get("claw_tip_thickness");
        for (int side = -1; side <= 1; side += 2) {
            double sgn = side;
            MeshBuilder.SheetShape prong = new MeshBuilder.SheetShape() {
                @Override
                public double[] point(double u, double v) {
                    double phi = u * sweep;
                    double zIn = -0.001 + (gap / 2 + 0.001) * Math.pow(u, 1.3);
                    double zOut = bz / 2 * (1 - 0.25 * u);
                    return new double[] {-radius * (1 - Math.cos(phi)), rootY + radius * Math.sin(phi),
                        sgn * (zIn + v * (zOut - zIn))};
                }

                @Override
                public double thickness(double u, double v) {
                    return bx * 0.85 + (tipT - bx * 0.85) * Math.pow(u, 0.7);
                }
            };
            mb.sheet(prong, 24, 6, (u, v) -> "claw", Transform.identity());
        }

        double hh = Math.min(p.get("handle_height"), by - 0.006);
        double hw = Math.min(p.get("handle_width"), bz - 0.003);
        ToolGeometry.handle(mb, "handle", bx / 2 + 0.003, 0, p.get("handle_length") + bx / 2 + 0.003, hh, hw,
                p.get("handle_squareness"), p.get("handle_grip"), p.get("handle_swell"), 0.05);

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] faceCentre = {0, yFace - crown, 0};
        frames.put("face", PartFrame.of(faceCentre, new double[] {0, -1, 0}, new double[] {1, 0, 0}, 2 * rf));
        double phiEnd = sweep;
        double[] clawTip = {-radius * (1 - Math.cos(phiEnd)), rootY + radius * Math.sin(phiEnd), 0};
        double height = clawTip[1] - faceCentre[1];
        double across = Math.max(bx, 2 * rf);
        double wide = Math.max(bz, 2 * rf);
        frames.put("head", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0},
                Math.sqrt(height * height + across * across + wide * wide)));
        frames.put("claw", PartFrame.of(clawTip, new double[] {-Math.sin(phiEnd), Math.cos(phiEnd), 0},
                new double[] {Math.cos(phiEnd), Math.sin(phiEnd), 0}, clawLen));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }
}
