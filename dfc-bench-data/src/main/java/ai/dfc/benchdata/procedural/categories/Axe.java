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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An axe: a curved wooden haft along −x and, at its +x end, a wedge-shaped head in the x-y plane whose eye the
 * haft passes through at y = 0. The blade hangs down (−y) from the eye and flares along x to a convex edge at the
 * bottom (a beard toward the haft, a toe toward +x), thinning from the eye's full thickness (z) to the edge; the
 * flat poll (the back) is on top (+y). The edge runs along x, like a knife's, and cuts toward −y.
 */
public final class Axe implements ProceduralCategory {
    /** Sheet rows (v) where the poll ends and where the eye ends and the blade begins. */
    private static final double V_POLL = 0.12;
    private static final double V_EYE = 0.32;

    @Override
    public String name() {
        return "axe";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("handle_length", 0.35, 0.75, "haft length from the head to the butt (m)"),
                new ShapeParameter("handle_height", 0.030, 0.040, "haft section along the blade direction, y (m)"),
                new ShapeParameter("handle_width", 0.020, 0.026, "haft section across, z (m)"),
                new ShapeParameter("handle_bow", -0.025, 0.025, "sideways (y) bow of the haft's middle (m)"),
                new ShapeParameter("handle_hook", -0.03, 0.01, "y offset of the butt's hook (m)"),
                new ShapeParameter("handle_throat", 0.78, 0.95, "haft section at its slimmest relative to the eye end"),
                new ShapeParameter("handle_knob", 0.0, 0.3, "swell of the haft's butt knob"),
                new ShapeParameter("eye_length", 0.06, 0.10, "head length along the haft at the eye (m)"),
                new ShapeParameter("poll_length", 0.008, 0.035, "poll height above the eye (m)"),
                new ShapeParameter("blade_depth", 0.07, 0.13, "blade depth from the eye to the edge (m)"),
                new ShapeParameter("edge_flare", 1.1, 2.0, "edge length relative to the eye length"),
                new ShapeParameter("beard", 0.3, 0.8, "share of the flare that hangs toward the haft (the beard)"),
                new ShapeParameter("flare_shape", 0.6, 2.5, "exponent of the flare (high = flares late, near the edge)"),
                new ShapeParameter("edge_curvature", 0.0, 0.02, "convexity of the edge (m)"),
                new ShapeParameter("head_thickness", 0.028, 0.045, "head thickness at the eye, z (m)"),
                new ShapeParameter("shoulder_thickness", 0.002, 0.006, "blade thickness where the edge bevel starts (m)"),
                new ShapeParameter("cheek_shape", 0.7, 1.8, "exponent of the cheeks' taper (low = convex, high = hollow)"),
                new ShapeParameter("bevel", 0.08, 0.2, "fraction of the blade depth ground to the edge"),
                new ShapeParameter("edge_fraction", 0.05, 0.09, "fraction of the head height that counts as the edge part"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("blade", "- Blade - The wedge of steel below the eye that widens toward the edge and splits wood apart.", false, false),
                new FunctionalPart("edge", "- Edge - The sharpened lower border of the blade that bites into and cuts the wood.", false, true),
                new FunctionalPart("back", "- Back - The flat, blunt poll on the side of the head opposite the edge, used as a hammer.", true, false),
                new FunctionalPart("head", "- Head - The heavy steel part mounted on the haft around the eye, joining the blade and the poll.", false, false),
                new FunctionalPart("handle", "- Handle - The long wooden haft that the hands swing.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("cut-with"), List.of("edge", "blade"));
        f.put(FunctionName.of("wedge-with"), List.of("blade", "edge"));
        f.put(FunctionName.of("pound-with"), List.of("back", "head"));
        return f;
    }

    /**
     * Builds an axe. Frames: {@code edge} at mid-edge, z = cutting direction (down, in the head's plane),
     * y = along the edge toward the toe (+x); {@code blade} the same in the middle of the blade; {@code back} at the
     * centre of the poll face, z = +y (striking direction), y = +x; {@code head} at the eye's centre (where the
     * haft passes through), z = +y, y = +x, size the diagonal of the head's box.
     */
    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double hh = p.get("handle_height");
        double hwid = p.get("handle_width");
        double eyeLen = p.get("eye_length");
        double eyeTop = hh / 2 + 0.006;
        double pollTop = eyeTop + p.get("poll_length");
        double eyeBottom = -eyeTop;
        double depth = p.get("blade_depth");
        double extra = eyeLen * (p.get("edge_flare") - 1);
        double beard = p.get("beard");
        double flare = p.get("flare_shape");
        double curv = p.get("edge_curvature");
        double thick = Math.max(p.get("head_thickness"), hwid + 0.006);
        double shoulder = p.get("shoulder_thickness");
        double cheek = p.get("cheek_shape");
        double bevel = p.get("bevel");
        double edgeFrac = p.get("edge_fraction");

        MeshBuilder.SheetShape head = new MeshBuilder.SheetShape() {
            @Override
            public double[] point(double u, double v) {
                double s = bladeFraction(v);
                double f = Math.pow(s, flare);
                double x0 = -eyeLen / 2 - beard * extra * f;
                double x1 = eyeLen / 2 + (1 - beard) * extra * f;
                double y;
                if (v < V_POLL) {
                    y = pollTop + (eyeTop - pollTop) * v / V_POLL;
                } else if (v < V_EYE) {
                    y = eyeTop + (eyeBottom - eyeTop) * (v - V_POLL) / (V_EYE - V_POLL);
                } else {
                    double w = 2 * u - 1;
                    double edgeY = eyeBottom - depth - curv * (1 - w * w);
                    y = eyeBottom + s * (edgeY - eyeBottom);
                }
                return new double[] {x0 + u * (x1 - x0), y, 0};
            }

            @Override
            public double thickness(double u, double v) {
                double s = bladeFraction(v);
                double t;
                if (s < 1 - bevel) {
                    t = shoulder + (thick - shoulder) * Math.pow(1 - s / (1 - bevel), cheek);
                } else {
                    t = shoulder + (0.0004 - shoulder) * (s - (1 - bevel)) / bevel;
                }
                // cheeks rounded toward the head's ends along x, most around the eye
                double w = 2 * u - 1;
                double round = 0.12 + 0.3 * (1 - smooth(s / 0.4));
                return t * (1 - round * w * w * w * w);
            }
        };
        MeshBuilder mb = new MeshBuilder();
        mb.sheet(head, 28, 48, (u, v) -> v > 1 - edgeFrac ? "edge"
                : v < V_POLL ? "back"
                : v < V_EYE ? "head" : "blade", Transform.identity());

        // the haft: a tube along −x through the eye, bowed and hooked, oval (taller along y)
        double len = p.get("handle_length");
        double bow = p.get("handle_bow");
        double hook = p.get("handle_hook");
        double throat = p.get("handle_throat");
        double knob = p.get("handle_knob");
        double xTop = eyeLen / 2 + 0.006;
        int n = 28;
        double[][] path = new double[n + 4][];
        double[] radii = new double[n + 4];
        String[] segs = new String[n + 3];
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double x = xTop - t * (len + xTop);
            double along = Math.max(0, (xTop - x - eyeLen) / len);
            path[i] = new double[] {x, bow * Math.sin(Math.PI * along) + hook * Math.pow(along, 6), 0};
            double slim = 1 - (1 - throat) * smooth(along / 0.3) + (1 - throat) * 0.5 * smooth((along - 0.5) / 0.4);
            radii[i] = hh / 2 * slim * (1 + knob * smooth((along - 0.88) / 0.12));
        }
        // a rounded butt, continuing the haft's last direction
        double rEnd = radii[n];
        double[] dir = ToolGeometry.unit(ToolGeometry.sub(path[n], path[n - 1]));
        for (int k = 1; k <= 3; k++) {
            double a = k / 4.0 * Math.PI / 2;
            path[n + k] = ToolGeometry.add(path[n], ToolGeometry.scale(dir, 0.5 * rEnd * Math.sin(a)));
            radii[n + k] = rEnd * Math.cos(a);
        }
        Arrays.fill(segs, "handle");
        mb.tube(path, radii, segs, 20, true, true, Transform.scale(1, 1, hwid / hh));

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        double[] mid = head.point(0.5, 1);
        double[] along = ToolGeometry.unit(ToolGeometry.sub(head.point(0.52, 1), head.point(0.48, 1)));
        double[] cut = {along[1], -along[0], 0};
        double edgeLen = eyeLen + extra;
        frames.put("edge", PartFrame.of(mid, cut, along, edgeLen));
        frames.put("blade", PartFrame.of(head.point(0.5, V_EYE + 0.6 * (1 - V_EYE)), cut, along, edgeLen));
        frames.put("back", PartFrame.of(head.point(0.5, 0), new double[] {0, 1, 0}, new double[] {1, 0, 0}, eyeLen));
        double height = pollTop + depth + curv + eyeTop;
        frames.put("head", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, 1, 0}, new double[] {1, 0, 0},
                Math.sqrt(height * height + edgeLen * edgeLen + thick * thick)));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /** 0 above the blade, then 0 → 1 from the eye's bottom to the edge. */
    private static double bladeFraction(double v) {
        return v <= V_EYE ? 0 : (v - V_EYE) / (1 - V_EYE);
    }
}
