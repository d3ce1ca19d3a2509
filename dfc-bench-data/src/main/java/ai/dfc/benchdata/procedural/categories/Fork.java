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
 * A table fork, flat in the x-z plane (thickness along y): a handle from its rounded end at −x narrowing to a neck
 * that ends at x = 0, a head widening from the neck, and 2–4 pointed tines reaching toward +x. Seen from the side
 * the handle rises toward its end and the head bends up toward the tips; across, the head is slightly dished.
 * The outer side of each outermost tine is the edge; the points of the tines are the tips.
 */
public final class Fork implements ProceduralCategory {

    @Override
    public String name() {
        return "fork";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("handle_length", 0.09, 0.13, "handle length from its end to the neck (m)"),
                new ShapeParameter("handle_end_width", 0.014, 0.024, "width of the handle near its end (m)"),
                new ShapeParameter("handle_thickness", 0.002, 0.0035, "thickness of the handle (m)"),
                new ShapeParameter("handle_rise", 0.005, 0.02, "rise of the handle's end above the neck (m)"),
                new ShapeParameter("end_roundness", 0.5, 1.0, "rounding of the handle's end (1 = semicircle)"),
                new ShapeParameter("neck_length", 0.025, 0.04, "length of the neck (m)"),
                new ShapeParameter("neck_width", 0.004, 0.008, "width of the neck at its narrowest (m)"),
                new ShapeParameter("head_length", 0.012, 0.022, "length of the solid head from the neck to the tines' roots (m)"),
                new ShapeParameter("head_width", 0.018, 0.03, "width of the head across the tines (m)"),
                new ShapeParameter("head_thickness", 0.0015, 0.0025, "thickness of the head and tines (m)"),
                new ShapeParameter("head_bend", 0.002, 0.012, "rise of the tines' tips above the neck (m)"),
                new ShapeParameter("dish", 0.0, 0.003, "rise of the head's sides above its middle (m)"),
                new ShapeParameter("tine_count", 1.5, 4.49, "number of tines, rounded (2 to 4)"),
                new ShapeParameter("tine_length", 0.025, 0.045, "length of the tines (m)"),
                new ShapeParameter("tine_gap", 0.0015, 0.003, "width of the slots between tines (m)"),
                new ShapeParameter("point_length", 0.2, 0.6, "fraction of the tine's length over which it tapers to a point"),
                new ShapeParameter("point_shape", 1.0, 3.0, "taper exponent of the points (1 = straight, higher = ogival)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("tines", "- Tines - The long slender prongs of the fork that spear, hold and lift food.", false, false),
                new FunctionalPart("tip", "- Tip - The sharp points at the ends of the tines that pierce and poke into food.", true, false),
                new FunctionalPart("edge", "- Edge - The outer side of the outermost tine, pressed down to cut or scrape food.", true, true),
                new FunctionalPart("neck", "- Neck - The slim stem between the handle and the head of the fork.", true, false),
                new FunctionalPart("head", "- Head - The flat widened part of the fork from which the tines branch.", false, false),
                new FunctionalPart("handle", "- Handle - The long flat part that the fingers hold.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pierce-with"), List.of("tip", "tines"));
        f.put(FunctionName.of("poke-with"), List.of("tip"));
        f.put(FunctionName.of("dig-with"), List.of("tines", "tip"));
        f.put(FunctionName.of("lift-with"), List.of("tines"));
        f.put(FunctionName.of("pry-with"), List.of("tines"));
        f.put(FunctionName.of("sweep-with"), List.of("tines"));
        f.put(FunctionName.of("mix-with"), List.of("tines", "neck"));
        f.put(FunctionName.of("scrape-with"), List.of("edge"));
        return f;
    }

    /**
     * Builds a fork. Frames: {@code tip} at the point of the middle tine (for an even count, the one just on the +z
     * side), z = along the tine outward, y = up (+y); {@code tines} at the middle of the tines, same axes;
     * {@code edge} at the middle of the +z outermost tine's outer side, z = +z (outward, the cutting direction),
     * y = along the tine toward its tip; {@code neck} at the neck's middle, z = +y (the fork's upper face),
     * y = +x.
     */
    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double handleLen = p.get("handle_length");
        double endW = p.get("handle_end_width");
        double handleT = p.get("handle_thickness");
        double rise = p.get("handle_rise");
        double rEnd = p.get("end_roundness") * endW / 2;
        double neckLen = p.get("neck_length");
        double neckW = p.get("neck_width");
        double headLen = p.get("head_length");
        double width = p.get("head_width");
        double headT = p.get("head_thickness");
        double bend = p.get("head_bend");
        double dish = p.get("dish");
        int tines = (int) Math.round(p.get("tine_count"));
        double tineLen = p.get("tine_length");
        double gap = p.get("tine_gap");
        double pointLen = p.get("point_length");
        double pointShape = p.get("point_shape");
        double xEnd = -(handleLen + neckLen);
        Side side = new Side(xEnd, rise, headLen + tineLen, bend, dish, width, neckLen);

        MeshBuilder.SheetShape body = new MeshBuilder.SheetShape() {
            @Override
            public double[] point(double u, double v) {
                double x = xEnd + u * (headLen + 0.001 - xEnd);
                double z = (2 * v - 1) * halfWidth(x);
                return new double[] {x, side.y(x, z), z};
            }

            @Override
            public double thickness(double u, double v) {
                double x = xEnd + u * (headLen + 0.001 - xEnd);
                return handleT + (headT - handleT) * smooth((x + neckLen) / (neckLen + 0.5 * headLen));
            }

            private double halfWidth(double x) {
                double w;
                if (x < -neckLen) {
                    // the handle: widest near its end, narrowing to the neck, rounded at the end
                    double t = (x - xEnd) / handleLen;
                    w = endW + (neckW * 1.3 - endW) * Math.pow(t, 1.4);
                    double e = rEnd - (x - xEnd);
                    if (e > 0) {
                        double q = e / rEnd;
                        w *= Math.max(0.15, Math.sqrt(Math.max(0, 1 - q * q)));
                    }
                } else if (x < -0.3 * neckLen) {
                    w = neckW + 0.3 * neckW * (1 - smooth((x + neckLen) / (0.7 * neckLen)));
                } else {
                    w = neckW + (width - neckW) * smooth((x + 0.3 * neckLen) / (0.3 * neckLen + 0.8 * headLen));
                }
                return w / 2;
            }
        };
        MeshBuilder mb = new MeshBuilder();
        mb.sheet(body, 72, 10, (u, v) -> {
            double x = xEnd + u * (headLen + 0.001 - xEnd);
            return x < -neckLen ? "handle" : x < 0 ? "neck" : "head";
        }, Transform.identity());

        double tineW = (width - (tines - 1) * gap) / tines;
        double tipFrac = Math.min(0.25, 0.6 * pointLen);
        for (int k = 0; k < tines; k++) {
            double zc = -width / 2 + tineW / 2 + k * (tineW + gap);
            boolean outerLow = k == 0;
            boolean outerHigh = k == tines - 1;
            MeshBuilder.SheetShape tine = tineShape(headLen, tineLen, tineW, zc, headT, pointLen, pointShape, side);
            mb.sheet(tine, 24, 6, (u, v) -> {
                if (u > 1 - tipFrac) {
                    return "tip";
                }
                boolean outer = outerHigh && v > 0.7 || outerLow && v < 0.3;
                return outer && u > 0.1 ? "edge" : "tines";
            }, Transform.identity());
        }

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        int mid = tines / 2;
        double zMid = -width / 2 + tineW / 2 + mid * (tineW + gap);
        double xTip = headLen + tineLen;
        double[] tip = {xTip, side.y(xTip, zMid), zMid};
        double[] dir = ToolGeometry.unit(new double[] {1, side.slope(xTip), 0});
        frames.put("tip", PartFrame.of(tip, dir, new double[] {0, 1, 0}, width));
        double xMid = headLen + tineLen / 2;
        frames.put("tines", PartFrame.of(new double[] {xMid, side.y(xMid, 0), 0},
                ToolGeometry.unit(new double[] {1, side.slope(xMid), 0}), new double[] {0, 1, 0}, tineLen));
        double xEdge = headLen + 0.1 * tineLen + 0.5 * (1 - 0.1 - tipFrac) * tineLen;
        double zEdge = width / 2;
        frames.put("edge", PartFrame.of(new double[] {xEdge, side.y(xEdge, zEdge), zEdge}, new double[] {0, 0, 1},
                new double[] {1, side.slope(xEdge), 0}, tineLen));
        double xNeck = -neckLen / 2;
        frames.put("neck", PartFrame.of(new double[] {xNeck, side.y(xNeck, 0), 0}, new double[] {0, 1, 0},
                new double[] {1, 0, 0}, neckLen));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /** One tine: from just inside the head to its point, centred at z = zc. */
    private static MeshBuilder.SheetShape tineShape(double headLen, double tineLen, double tineW, double zc,
            double headT, double pointLen, double pointShape, Side side) {
        double x0 = headLen - 0.002;
        double x1 = headLen + tineLen;
        return new MeshBuilder.SheetShape() {
            @Override
            public double[] point(double u, double v) {
                double x = x0 + u * (x1 - x0);
                double q = (u - (1 - pointLen)) / pointLen;
                // blunted just at the very end, as real tines are (and so the tine never collapses to a point)
                double half = tineW / 2 * (1 - 0.15 * u) * (q > 0 ? Math.max(0.08, 1 - Math.pow(q, pointShape)) : 1);
                double z = zc + (2 * v - 1) * half;
                return new double[] {x, side.y(x, z), z};
            }

            @Override
            public double thickness(double u, double v) {
                return headT * (1 - 0.35 * u);
            }
        };
    }

    /**
     * The fork seen from the side and across: the handle rises toward its end, the head bends up toward the tips,
     * and the head's sides rise above its middle (the dish), fading in along the neck.
     */
    private record Side(double xEnd, double rise, double reach, double bend, double dish, double width,
            double neckLen) {

        double y(double x, double z) {
            double q = 2 * z / width;
            double dished = dish * q * q * smooth((x + 0.3 * neckLen) / (0.3 * neckLen));
            if (x < 0) {
                double t = x / xEnd;
                return rise * t * t + dished;
            }
            return bend * (x / reach) * (x / reach) + dished;
        }

        double slope(double x) {
            return x > 0 ? 2 * bend * x / (reach * reach) : 0;
        }
    }
}
