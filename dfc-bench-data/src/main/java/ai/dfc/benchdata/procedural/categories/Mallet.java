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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mallet: a handle along −x and, at x = 0, a head along the y axis — a cylinder, barrel or rounded block
 * (superelliptic section) with a striking face at each end (−y and +y), rounded rims and slightly crowned faces.
 * The handle passes through the head's middle and may show at its far side; a collar may ring it below the head.
 */
public final class Mallet implements ProceduralCategory {
    /** Profile rows across each face, centre to rim. */
    private static final int FACE_ROWS = 4;

    @Override
    public String name() {
        return "mallet";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("handle_length", 0.20, 0.34, "handle length below the head (m)"),
                new ShapeParameter("handle_diameter", 0.020, 0.030, "handle section at the head (m)"),
                new ShapeParameter("handle_flatten", 0.75, 1.0, "handle width across relative to its height"),
                new ShapeParameter("handle_taper", 0.85, 1.2, "handle section at the butt relative to the head end"),
                new ShapeParameter("handle_swell", 0.0, 0.12, "swell of the handle's middle"),
                new ShapeParameter("handle_knob", 0.0, 0.25, "swell of the butt knob"),
                new ShapeParameter("head_length", 0.08, 0.15, "head length from face to face (m)"),
                new ShapeParameter("head_depth", 0.04, 0.07, "head size along the handle, x (m)"),
                new ShapeParameter("head_aspect", 0.75, 1.15, "head size across (z) relative to its depth"),
                new ShapeParameter("head_squareness", 2.0, 6.0, "head section exponent (2 = round, higher = block)"),
                new ShapeParameter("head_belly", -0.05, 0.15, "barrel bulge of the head's middle, fraction of its size"),
                new ShapeParameter("face_ratio", 0.8, 1.0, "size of the −y face relative to the +y face"),
                new ShapeParameter("face_crown", 0.0005, 0.004, "convex bulge of the faces (m)"),
                new ShapeParameter("rim_radius", 0.002, 0.012, "rounding radius of the faces' rims (m)"),
                new ShapeParameter("handle_protrusion", 0.0, 0.01, "how far the handle shows through the head's far side (m)"),
                new ShapeParameter("collar_length", 0.0, 0.02, "length of a collar ringing the handle below the head (m)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("head", "- Head - The heavy cylindrical or block-shaped top of the mallet that delivers the blow.", false, false),
                new FunctionalPart("face", "- Face - The broad, flat or gently domed end of the head that meets the struck surface.", true, false),
                new FunctionalPart("handle", "- Handle - The straight shaft the hand holds to swing the mallet.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pound-with"), List.of("face", "head"));
        f.put(FunctionName.of("press-with"), List.of("face", "head"));
        return f;
    }

    /**
     * Builds a mallet. Frames: {@code face} at the centre of the −y face, size the face's width; {@code head} at the
     * head's centre (where the handle passes through), size the diagonal of the head's box; both z = −y (the
     * striking direction), y = +x (toward the handle's top).
     */
    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double len = p.get("head_length");
        double hx = p.get("head_depth") / 2;
        double hz = hx * p.get("head_aspect");
        double n = p.get("head_squareness");
        double belly = p.get("head_belly");
        double ratio = p.get("face_ratio");
        double crown = p.get("face_crown");
        double rim = Math.min(p.get("rim_radius"), 0.3 * Math.min(hx, hz) * ratio);

        // profile rows {section scale, distance from the nearer end}: face, rounded rim, then the barrel sides
        List<double[]> bottom = endRows(ratio, crown, rim, hx, hz);
        List<double[]> top = endRows(1, crown, rim, hx, hz);
        List<double[]> rows = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < bottom.size(); i++) {
            double[] r = bottom.get(i);
            rows.add(new double[] {r[0], -len / 2 + r[1]});
            if (i > 0) {
                parts.add(i <= FACE_ROWS - 1 ? "face" : "head");
            }
        }
        double[] b = bottom.get(bottom.size() - 1);
        double[] t = top.get(top.size() - 1);
        int sides = 8;
        for (int i = 1; i < sides; i++) {
            double f = (double) i / sides;
            double y = -len / 2 + b[1] + (len - b[1] - t[1]) * f;
            rows.add(new double[] {(b[0] + (t[0] - b[0]) * f) * (1 + belly * Math.sin(Math.PI * f)), y});
            parts.add("head");
        }
        for (int i = top.size() - 1; i >= 0; i--) {
            double[] r = top.get(i);
            rows.add(new double[] {r[0], len / 2 - r[1]});
            parts.add(i >= FACE_ROWS - 1 ? "head" : "face");
        }
        double[][] profile = new double[rows.size()][];
        for (int i = 0; i < profile.length; i++) {
            double[] r = rows.get(i);
            profile[i] = new double[] {hx * r[0], hz * r[0], r[1], n, 0};
        }
        MeshBuilder mb = new MeshBuilder();
        ToolGeometry.loft(mb, profile, parts.toArray(String[]::new), 1, 14, 2, Transform.identity());

        double hd = p.get("handle_diameter");
        double hw = Math.min(hd * p.get("handle_flatten"), 1.4 * hz);
        double collar = p.get("collar_length");
        if (collar > 0.002) {
            ToolGeometry.bar(mb, "handle", -hx + 0.003, 0, collar + 0.003, hd * 1.15, hw * 1.15, 2);
        }
        double xFront = hx + p.get("handle_protrusion");
        ToolGeometry.handle(mb, "handle", xFront, 0, p.get("handle_length") + xFront, hd, hw, 2.2,
                p.get("handle_taper"), p.get("handle_swell"), p.get("handle_knob"));

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] faceCentre = {0, -len / 2, 0};
        frames.put("face", PartFrame.of(faceCentre, new double[] {0, -1, 0}, new double[] {1, 0, 0},
                2 * Math.min(hx, hz) * ratio));
        double diagonal = Math.sqrt(len * len + 4 * hx * hx + 4 * hz * hz);
        frames.put("head", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0},
                diagonal));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /**
     * The rows of one end, from the face's centre outward: {section scale, distance from the end}. The face is
     * crowned by {@code crown}; its rim is rounded with radius {@code rim}.
     */
    private static List<double[]> endRows(double scale, double crown, double rim, double hx, double hz) {
        List<double[]> rows = new ArrayList<>();
        double inner = 1 - rim / (Math.min(hx, hz) * scale);
        for (int i = 0; i < FACE_ROWS; i++) {
            double f = (double) i / (FACE_ROWS - 1);
            rows.add(new double[] {f * inner * scale, crown * f * f});
        }
        for (double a : new double[] {0.3, 0.6, 1.0}) {
            double al = a * Math.PI / 2;
            rows.add(new double[] {(inner + (1 - inner) * Math.sin(al)) * scale, crown + rim * (1 - Math.cos(al))});
        }
        return rows;
    }
}
