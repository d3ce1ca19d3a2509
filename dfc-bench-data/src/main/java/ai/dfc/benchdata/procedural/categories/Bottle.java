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
 * An open bottle: a hollow, uncapped vessel of revolution about +y standing on y = 0 — a push-up (punt) in the
 * bottom, a rounded heel, a cylindrical body (tapered, waisted or barrelled), a shoulder that narrows smoothly into
 * the neck (from round "Bordeaux" to long sloping "Burgundy" shoulders), a straight neck and a beaded lip ring around
 * the opening at the top, thicker than the wall so its bore narrows. The wall is an inward offset of the outer
 * profile; the bore is open, so the mouth is the lip ring and the top of the bore. Liquid leaves the mouth along +y
 * (the bottle is tipped to pour); the mouth's and neck's frames point up with their "up" towards +x, the way they
 * face once the bottle is tipped to pour towards −x.
 */
public final class Bottle implements ProceduralCategory {
    private static final int ANGULAR = 48;

    @Override
    public String name() {
        return "bottle";
    }

    @Override
    public List<ShapeParameter> parameters() {
        return List.of(
                new ShapeParameter("height", 0.16, 0.34, "overall height to the top of the mouth (m)"),
                new ShapeParameter("body_radius", 0.026, 0.045, "outer radius of the body at its bottom (m)"),
                new ShapeParameter("body_fraction", 0.40, 0.68, "height of the cylindrical body, fraction of the height (lowered where the neck and shoulder need room)"),
                new ShapeParameter("body_taper", -0.004, 0.004, "radius change from the bottom to the top of the body (m)"),
                new ShapeParameter("waist", -0.003, 0.003, "radius change in the middle of the body: < 0 waisted, > 0 barrelled (m)"),
                new ShapeParameter("heel", 0.004, 0.014, "radius of the rounded bottom edge (m)"),
                new ShapeParameter("punt", 0.0, 0.020, "height of the push-up in the bottom (m)"),
                new ShapeParameter("shoulder_shape", 0.6, 2.2, "< 1 shoulders slope away early, > 1 they stay full and drop late"),
                new ShapeParameter("neck_fraction", 0.15, 0.60, "share of the straight neck in the height above the body (at least 2.6 neck radii)"),
                new ShapeParameter("neck_radius", 0.009, 0.016, "outer radius of the neck at its top (m; at most 0.7 of the body's)"),
                new ShapeParameter("neck_flare", 0.0, 0.004, "extra neck radius at its bottom (m)"),
                new ShapeParameter("lip_height", 0.005, 0.014, "height of the lip ring around the mouth (m)"),
                new ShapeParameter("lip_bead", 0.0005, 0.003, "how far the lip ring stands out of the neck (m)"),
                new ShapeParameter("wall", 0.0015, 0.0040, "wall thickness (m)"),
                new ShapeParameter("neck_share", 0.25, 0.55, "how much of the shoulder counts as neck: its radius below neck + share·(body − neck)"));
    }

    @Override
    public List<FunctionalPart> parts() {
        return List.of(
                new FunctionalPart("mouth", "- Mouth - The round opening and its lip ring at the top of the bottle, through which liquid flows out.", true, true),
                new FunctionalPart("neck", "- Neck - The narrow tube that rises from the shoulder to the mouth and channels the liquid when pouring.", true, false),
                new FunctionalPart("body", "- Body - The wide cylindrical main part of the bottle, which rolls on its side and can be swung to pound.", false, false),
                new FunctionalPart("base", "- Base - The flat bottom of the bottle with its push-up, which stands on a surface and presses down.", false, false),
                new FunctionalPart("interior", "- Interior - The hollow inside of the bottle that holds the liquid.", false, false));
    }

    @Override
    public Map<FunctionName, List<String>> functions() {
        Map<FunctionName, List<String>> f = new LinkedHashMap<>();
        f.put(FunctionName.of("pour-with"), List.of("mouth", "neck"));
        f.put(FunctionName.of("press-with"), List.of("base"));
        f.put(FunctionName.of("roll-onto"), List.of("body"));
        f.put(FunctionName.of("pound-with"), List.of("body"));
        return f;
    }

    @Override
    public ProceduralAsset build(ShapeParameters p) {
        double h = p.get("height");
        double radius = p.get("body_radius");
        double wall = p.get("wall");
        double heel = Math.max(p.get("heel"), 1.5 * wall);
        double punt = Math.min(p.get("punt"), 0.5 * (radius - heel));
        double taper = p.get("body_taper");
        double waist = p.get("waist");
        double lipH = p.get("lip_height");
        double bead = p.get("lip_bead");
        double rTop = radius + taper;
        // the neck stays clearly narrower than the body
        double rnBottom = Math.min(p.get("neck_radius") + p.get("neck_flare"), 0.7 * rTop);
        double rn = Math.min(p.get("neck_radius"), rnBottom);
        double yBody = p.get("body_fraction") * h;
        double upper = h - yBody - lipH;
        double yNeck = yBody + (1 - p.get("neck_fraction")) * upper;
        double yLip = h - lipH;
        double shape = p.get("shoulder_shape");
        // a neck at least 2.6 neck radii long over a shoulder at least 1.2 times as high as it narrows
        yNeck = Math.min(yNeck, yLip - 2.6 * rn);
        yBody = Math.min(yBody, yNeck - 1.2 * (rTop - rnBottom));
        double neckStart = rnBottom + p.get("neck_share") * (rTop - rnBottom);

        // outer profile from the axis under the punt up to the bottom of the lip
        double ring = radius - heel;
        Profile outer = new Profile(0, punt);
        for (int k = 1; k <= 8; k++) {
            double s = k / 8.0;
            outer.to(ring * s, punt * (1 - s * s), "base");
        }
        for (int k = 1; k <= 6; k++) {
            double phi = -Math.PI / 2 + Math.PI / 2 * k / 6;
            outer.to(ring + heel * Math.cos(phi), heel + heel * Math.sin(phi), "base");
        }
        for (int k = 1; k <= 16; k++) {
            double t = k / 16.0;
            outer.to(radius + taper * t + waist * Math.sin(Math.PI * t), Curves.lerp(heel, yBody, t), "body");
        }
        // the shoulder; where it has narrowed below neckStart it counts as neck, from neckBottom up
        double neckBottom = yNeck;
        for (int k = 20; k >= 1; k--) {
            double t = k / 20.0;
            if (rnBottom + (rTop - rnBottom) * (1 - Curves.smooth(Math.pow(t, shape))) < neckStart) {
                neckBottom = Curves.lerp(yBody, yNeck, (k - 1) / 20.0);
            }
        }
        for (int k = 1; k <= 20; k++) {
            double t = k / 20.0;
            double r = rnBottom + (rTop - rnBottom) * (1 - Curves.smooth(Math.pow(t, shape)));
            outer.to(r, Curves.lerp(yBody, yNeck, t), r < neckStart ? "neck" : "body");
        }
        for (int k = 1; k <= 6; k++) {
            double t = k / 6.0;
            outer.to(Curves.lerp(rnBottom, rn, t), Curves.lerp(yNeck, yLip, t), "neck");
        }
        // the lip ring: out to the bead, up, rounded over the top, across the top face and down the bore; the
        // glass of the ring is thicker than the neck's, so its bore is about two thirds of its outer diameter
        double bore = Math.min(rn - wall, 0.66 * (rn + bead));
        Profile prof = outer.copy()
                .to(rn + bead, yLip + 0.2 * lipH, "mouth")
                .to(rn + bead, h - 0.25 * lipH, "mouth")
                .to(rn + 0.4 * bead, h, "mouth")
                .to(bore, h, "mouth")
                .to(bore, yLip + 0.35 * lipH, "mouth")
                .to(rn - wall, yLip, "mouth");
        // the inner surface: the outer profile offset inwards by the wall, from the lip's bottom back to the axis
        for (int i = outer.size() - 2; i >= 0; i--) {
            double[] a = outer.point(Math.max(0, i - 1));
            double[] b = outer.point(i + 1);
            double dr = b[0] - a[0];
            double dh = b[1] - a[1];
            double len = Math.hypot(dr, dh);
            double[] q = outer.point(i);
            // outward normal of a counter-clockwise profile: right of the direction of travel
            double r = i == 0 ? 0 : Math.max(0, q[0] - wall * dh / len);
            double y = q[1] + wall * dr / len;
            prof.to(r, y, r + wall < neckStart && y > yBody ? "neck" : "interior");
        }
        MeshBuilder mb = new MeshBuilder();
        prof.lathe(mb, ANGULAR, 1, Transform.identity());

        Map<String, PartFrame> frames = new LinkedHashMap<>();
        frames.put("mouth", PartFrame.of(new double[] {0, h, 0}, new double[] {0, 1, 0}, new double[] {1, 0, 0}, 2 * (rn + bead)));
        frames.put("neck", PartFrame.of(new double[] {0, yLip, 0}, new double[] {0, 1, 0}, new double[] {1, 0, 0}, yLip - neckBottom));
        frames.put("base", PartFrame.of(new double[] {0, 0, 0}, new double[] {0, -1, 0}, new double[] {1, 0, 0}, 2 * radius));
        double ym = (heel + yBody) / 2;
        double rm = radius + taper * 0.5 + waist;
        frames.put("body", PartFrame.of(new double[] {-rm, ym, 0}, new double[] {-1, 0, 0}, new double[] {0, 1, 0}, yBody));
        return new ProceduralAsset(name(), p, mb.build(), frames);
    }
}
