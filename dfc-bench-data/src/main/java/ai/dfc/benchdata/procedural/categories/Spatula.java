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
 * A spatula (turner): a handle along −x ending at x = 0, a narrow neck that bends down from it, and a broad thin
 * plate lying roughly flat (normal +y) that widens from the neck and ends in a bevelled front edge at +x. The front
 * edge may be slanted so that its +z corner (the tip, less rounded than the other corner) leads. Parts along the
 * plate: the head (its rear, next to the neck), the blade, the front edge and the tip corner.
 */
public final class Spatula implements ProceduralCategory {
    /** Sheet columns (u) taken by the neck; the plate takes the rest. */
    private static final double U_NECK = 0.3;
    private static final int TABLE = 256;

    @Override
    public String name() {
        return "spatula";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("handle_length", 0.10, 0.16, "handle length (m)"),
                new ShapeParameter("handle_height", 0.018, 0.026, "handle section, y (m)"),
                new ShapeParameter("handle_width", 0.012, 0.018, "handle section, z (m)"),
                new ShapeParameter("handle_squareness", 2.0, 3.5, "handle section exponent (2 = oval, higher = boxier)"),
                new ShapeParameter("handle_taper", 0.8, 1.15, "handle section at the butt relative to the front"),
                new ShapeParameter("neck_length", 0.03, 0.06, "length of the neck between handle and plate (m)"),
                new ShapeParameter("neck_width", 0.010, 0.018, "width of the neck (m)"),
                new ShapeParameter("neck_thickness", 0.0025, 0.004, "thickness of the neck (m)"),
                new ShapeParameter("neck_angle", 0.1, 0.5, "downward angle of the neck (rad)"),
                new ShapeParameter("plate_length", 0.07, 0.12, "plate length from the neck to the front edge (m)"),
                new ShapeParameter("plate_width", 0.055, 0.09, "plate width (m)"),
                new ShapeParameter("plate_angle", -0.05, 0.2, "upward tilt of the plate toward its front (rad)"),
                new ShapeParameter("plate_thickness", 0.0012, 0.0025, "plate thickness (m)"),
                new ShapeParameter("flare_length", 0.2, 0.5, "fraction of the plate over which it widens from the neck"),
                new ShapeParameter("front_slant", 0.0, 0.35, "slant of the front edge, making the tip corner lead (rad)"),
                new ShapeParameter("corner_radius", 0.003, 0.02, "rounding of the blunt front corner (m)"),
                new ShapeParameter("tip_radius", 0.001, 0.006, "rounding of the tip corner (m)"),
                new ShapeParameter("bevel", 0.006, 0.015, "length over which the front edge is bevelled thin (m)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("head", "- Head - The broad rear section of the plate joined to the neck, that carries and presses food.", false, false),
                new FunctionalPart("blade", "- Blade - The wide, thin and flat main part of the plate that slides under food to lift, flip and spread it.", false, false),
                new FunctionalPart("edge", "- Edge - The thin bevelled front border of the blade that scrapes pans and cuts soft food.", false, true),
                new FunctionalPart("tip", "- Tip - The leading front corner of the blade that pushes into gaps to pry food loose.", true, false),
                new FunctionalPart("neck", "- Neck - The narrow bent shank joining the handle to the head.", true, false),
                new FunctionalPart("handle", "- Handle - The grip that the hand holds.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("lift-with"), List.of("blade", "head"));
        f.put(FunctionName.of("press-with"), List.of("head", "blade"));
        f.put(FunctionName.of("spread-with"), List.of("blade"));
        f.put(FunctionName.of("mix-with"), List.of("blade", "head"));
        f.put(FunctionName.of("sweep-with"), List.of("blade"));
        f.put(FunctionName.of("pound-with"), List.of("head"));
        f.put(FunctionName.of("scrape-with"), List.of("edge"));
        f.put(FunctionName.of("cut-with"), List.of("edge"));
        f.put(FunctionName.of("wedge-with"), List.of("edge"));
        f.put(FunctionName.of("pry-with"), List.of("tip"));
        return f;
    }

    /**
     * Builds a spatula. Frames: {@code edge} at the middle of the front edge, z = forward in the plate's plane
     * (perpendicular to the edge), y = along the edge toward the tip; {@code blade} at the blade's middle with the
     * same axes (like a knife's blade: it acts edge-first, in its own plane); {@code head} at the head's middle,
     * z = the plate's upper normal (the side food rests on: lifting and pressing), y = forward; {@code tip} at the
     * tip corner, z = forward along the plate, y = the plate's upper normal.
     */
    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double neckLen = p.get("neck_length");
        double neckW = p.get("neck_width");
        double neckT = p.get("neck_thickness");
        double alpha = p.get("neck_angle");
        double plateLen = p.get("plate_length");
        double width = p.get("plate_width");
        double beta = p.get("plate_angle");
        double plateT = p.get("plate_thickness");
        double flare = p.get("flare_length") * plateLen;
        double slant = Math.tan(p.get("front_slant"));
        double rCorner = Math.min(p.get("corner_radius"), 0.3 * width);
        double rTip = Math.min(p.get("tip_radius"), 0.3 * width);
        double bevel = p.get("bevel");
        double s0 = -0.012;

        // the mid-line in the x-y plane as a table over arc length s ∈ [s0, sMax]
        double sMax = neckLen + plateLen + slant * width / 2 + 0.001;
        double[][] line = new double[TABLE + 1][2];
        double ds = (sMax - s0) / TABLE;
        double x = s0;
        double y = 0;
        for (int i = 0; i <= TABLE; i++) {
            line[i][0] = x;
            line[i][1] = y;
            double phi = angle(s0 + (i + 0.5) * ds, neckLen, alpha, beta);
            x += ds * Math.cos(phi);
            y += ds * Math.sin(phi);
        }

        MeshBuilder.SheetShape sheet = new MeshBuilder.SheetShape() {
            @Override
            public double[] point(double u, double v) {
                double s = arc(u, v);
                double f = (s - s0) / ds;
                int i = Math.max(0, Math.min(TABLE - 1, (int) Math.floor(f)));
                double t = f - i;
                return new double[] {line[i][0] + t * (line[i + 1][0] - line[i][0]),
                    line[i][1] + t * (line[i + 1][1] - line[i][1]), (v - 0.5) * halfWidth(s) * 2};
            }

            @Override
            public double thickness(double u, double v) {
                double s = arc(u, v);
                double t = neckT + (plateT - neckT) * smooth((s - neckLen + 0.005) / 0.015);
                double toFront = frontArc(v) - s;
                return t * Math.max(0.15, Math.min(1, toFront / bevel));
            }

            private double halfWidth(double s) {
                return (neckW + (width - neckW) * smooth((s - neckLen) / flare)) / 2;
            }

            private double arc(double u, double v) {
                return u < U_NECK ? s0 + (neckLen - s0) * u / U_NECK
                        : neckLen + (frontArc(v) - neckLen) * (u - U_NECK) / (1 - U_NECK);
            }

            private double frontArc(double v) {
                double d0 = v * width;
                double d1 = (1 - v) * width;
                return neckLen + plateLen + slant * width * (v - 0.5) - corner(d0, rCorner) - corner(d1, rTip);
            }
        };
        double tipV = 0.15;
        MeshBuilder mb = new MeshBuilder();
        mb.sheet(sheet, 60, 24, (u, v) -> {
            if (u < U_NECK) {
                return "neck";
            }
            double q = (u - U_NECK) / (1 - U_NECK);
            if (v > 1 - tipV && q > 0.85) {
                return "tip";
            }
            return q > 0.93 ? "edge" : q < 0.3 ? "head" : "blade";
        }, Transform.identity());
        ToolGeometry.handle(mb, "handle", 0.002, 0, p.get("handle_length"), p.get("handle_height"),
                p.get("handle_width"), p.get("handle_squareness"), p.get("handle_taper"), 0.05, 0.03);

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] forward = {Math.cos(beta), Math.sin(beta), 0};
        double[] up = {-Math.sin(beta), Math.cos(beta), 0};
        double[] edgeDir = ToolGeometry.unit(ToolGeometry.sub(sheet.point(1, 0.9), sheet.point(1, 0.1)));
        double[] edgeNormal = ToolGeometry.unit(ToolGeometry.cross(edgeDir, up));
        if (edgeNormal[0] < 0) {
            edgeNormal = ToolGeometry.scale(edgeNormal, -1);
        }
        frames.put("edge", PartFrame.of(sheet.point(1, 0.5), edgeNormal, edgeDir, width));
        double[] bladeMid = sheet.point(U_NECK + 0.65 * (1 - U_NECK), 0.5);
        frames.put("blade", PartFrame.of(bladeMid, edgeNormal, edgeDir, plateLen));
        frames.put("head", PartFrame.of(surface(sheet, U_NECK + 0.15 * (1 - U_NECK), 0.5, up), up, forward, width));
        frames.put("tip", PartFrame.of(sheet.point(1, 1 - 0.4 * rTip / width), forward, up, width / 2));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /** The mid-line's direction at arc length s: down the neck, then turning to the plate's angle. */
    private static double angle(double s, double neckLen, double alpha, double beta) {
        if (s < 0) {
            return 0;
        }
        double down = -alpha * smooth(s / (0.15 * neckLen));
        return down + (beta + alpha) * smooth((s - 0.55 * neckLen) / (0.45 * neckLen));
    }

    /** How far a rounded corner of radius r pulls the front back at distance d from the plate's side. */
    private static double corner(double d, double r) {
        if (d >= r) {
            return 0;
        }
        double q = (r - d) / r;
        return r * (1 - Math.sqrt(Math.max(0, 1 - q * q)));
    }

    private static double[] surface(MeshBuilder.SheetShape sheet, double u, double v, double[] up) {
        double[] m = sheet.point(u, v);
        return ToolGeometry.add(m, ToolGeometry.scale(up, sheet.thickness(u, v) / 2));
    }
}
