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
 * A handleless drinking cup (tumbler, paper cup, tea bowl): a thin-walled vessel of revolution about +y standing
 * on y = 0, tapering from a narrower bottom (or a flared foot) to a wide mouth whose top band flares outwards into
 * a lip. Its profile is shaped by a taper exponent and a belly; the interior (the "bowl") has a rounded floor.
 * Liquid is poured over the rim at −x, where the rim and lip frames sit, like {@link Mug}'s.
 */
public final class Cup implements ProceduralCategory {
    private static final int ANGULAR = 64;

    @Override
    public String name() {
        return "cup";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("height", 0.065, 0.140, "height of the cup (m)"),
                new ShapeParameter("radius_top", 0.030, 0.046, "outer radius of the side wall below the lip (m)"),
                new ShapeParameter("bottom_ratio", 0.55, 0.95, "outer radius at the bottom of the side, relative to radius_top"),
                new ShapeParameter("taper_exponent", 0.6, 1.8, "shape of the taper: < 1 widens early (bowl-like), > 1 late (trumpet-like)"),
                new ShapeParameter("belly", -0.002, 0.006, "extra radius of a bulge in the side wall (m)"),
                new ShapeParameter("belly_height", 0.3, 0.7, "height of the bulge, fraction of the side's height"),
                new ShapeParameter("wall", 0.0018, 0.0045, "wall thickness (m)"),
                new ShapeParameter("base_thickness", 0.003, 0.010, "thickness of the bottom above the foot (m)"),
                new ShapeParameter("foot_height", 0.0, 0.012, "height of the foot below the side wall (m)"),
                new ShapeParameter("foot_ratio", 0.75, 1.1, "radius of the foot where it meets the table, relative to the side's bottom radius (flaring out at most as far as the foot is high)"),
                new ShapeParameter("foot_ring", 0.002, 0.008, "width of the foot ring the cup stands on (m)"),
                new ShapeParameter("recess", 0.0, 0.003, "depth of the recess inside the foot ring (m)"),
                new ShapeParameter("lip_height", 0.006, 0.020, "height of the flared lip band (m)"),
                new ShapeParameter("lip_flare", 0.0, 0.007, "outward flare of the lip at the rim (m)"),
                new ShapeParameter("rim_band", 0.002, 0.005, "how far the rim reaches down the inside (m)"),
                new ShapeParameter("floor_round", 0.003, 0.012, "radius of the rounded corner between inner wall and floor (m)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("rim", "- Rim - The thin circular top edge around the cup's opening, over which a drink is poured or sipped.", true, true),
                new FunctionalPart("lip", "- Lip - The outward-turned band just below the rim that guides liquid off the cup when pouring.", true, true),
                new FunctionalPart("bowl", "- Bowl - The hollow inside of the cup that holds the drink and scoops up liquid.", false, false),
                new FunctionalPart("base", "- Base - The flat bottom and foot of the cup that stand on the table and can press down on things.", false, false),
                new FunctionalPart("side", "- Side - The smooth round outer wall of the cup, on which it can roll when laid down.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pour-with"), List.of("rim", "lip"));
        f.put(FunctionName.of("scoop-with"), List.of("bowl", "rim"));
        f.put(FunctionName.of("press-with"), List.of("base"));
        f.put(FunctionName.of("roll-onto"), List.of("side"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        Wall w = new Wall(p);
        double wall = p.get("wall");
        double footH = p.get("foot_height");
        // a foot wider than the side flares out at most 45° over its height
        double rf = Math.min(w.rb * p.get("foot_ratio"), w.rb + footH);
        double ring = Math.min(p.get("foot_ring"), 0.5 * rf);
        double recess = p.get("recess");
        double lipH = p.get("lip_height");
        double band = Math.min(p.get("rim_band"), lipH);
        double floorY = Math.max(footH, recess) + p.get("base_thickness");
        double h = w.h;

        Profile prof = new Profile(0, recess);
        prof.to(rf - ring, recess, "base");
        prof.to(rf - ring, 0, "base");
        prof.to(rf, 0, "base");
        prof.to(w.rb, footH, "base");
        int steps = 18;
        for (int k = 1; k <= steps; k++) {
            double y = Curves.lerp(footH, h - lipH, (double) k / steps);
            prof.to(w.outer(y), y, "side");
        }
        for (int k = 1; k <= 8; k++) {
            double y = Curves.lerp(h - lipH, h, k / 8.0);
            prof.to(w.outer(y), y, "lip");
        }
        prof.to(w.outer(h) - wall, h, "rim");
        double rimBottom = h - band;
        prof.to(w.outer(rimBottom) - wall, rimBottom, "rim");
        double innerAtFloor = w.outer(floorY) - wall;
        double rc = Math.min(p.get("floor_round"), Math.min(0.5 * innerAtFloor, 0.5 * (rimBottom - floorY)));
        for (int k = 1; k <= steps; k++) {
            double y = Curves.lerp(rimBottom, floorY + rc, (double) k / steps);
            prof.to(w.outer(y) - wall, y, "bowl");
        }
        double cx = w.outer(floorY + rc) - wall - rc;
        for (int k = 1; k <= 6; k++) {
            double phi = -Math.PI / 2 * k / 6;
            prof.to(cx + rc * Math.cos(phi), floorY + rc + rc * Math.sin(phi), "bowl");
        }
        prof.to(0, floorY, "bowl");

        MeshBuilder mb = new MeshBuilder();
        prof.lathe(mb, ANGULAR, 2, Transform.identity());

        double rimR = w.outer(h);
        Map<String, PartFrame> frames = new LinkedHashMap<>();
        frames.put("rim", PartFrame.of(new double[] {-rimR, h, 0}, new double[] {-1, 0, 0}, new double[] {0, 1, 0}, 2 * rimR));
        double yl = h - lipH / 2;
        frames.put("lip", PartFrame.of(new double[] {-w.outer(yl), yl, 0}, new double[] {-1, 0, 0}, new double[] {0, 1, 0}, 2 * rimR));
        frames.put("bowl", PartFrame.of(new double[] {0, floorY, 0}, new double[] {0, 1, 0}, new double[] {1, 0, 0}, 2 * (rimR - wall)));
        frames.put("base", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0}, 2 * rf));
        double ym = (footH + h - lipH) / 2;
        frames.put("side", PartFrame.of(new double[] {-w.outer(ym), ym, 0}, new double[] {-1, 0, 0}, new double[] {0, 1, 0}, h));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }

    /** The outer wall's radius as a function of height. */
    private static final class Wall {
        final double h;
        final double rb;
        private final double rt;
        private final double footH;
        private final double k;
        private final double belly;
        private final double bellyExp;
        private final double lipH;
        private final double flare;

        Wall(ShapeParameters p) {
            h = p.get("height");
            rt = p.get("radius_top");
            rb = rt * p.get("bottom_ratio");
            footH = p.get("foot_height");
            k = p.get("taper_exponent");
            belly = p.get("belly");
            bellyExp = Math.log(0.5) / Math.log(p.get("belly_height"));
            lipH = p.get("lip_height");
            flare = p.get("lip_flare");
        }

        double outer(double y) {
            double t = Curves.clamp((y - footH) / (h - footH), 0, 1);
            double lip = Curves.clamp((y - (h - lipH)) / lipH, 0, 1);
            return rb + (rt - rb) * Math.pow(t, k) + belly * Math.sin(Math.PI * Math.pow(t, bellyExp)) + flare * lip * lip;
        }
    }
}
