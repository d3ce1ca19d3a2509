package ai.dfc.benchdata.procedural;

import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One procedural object: its part-labelled mesh (Y-up) and the canonical frame of each functional part.
 *
 * @param category   the category name
 * @param parameters the shape parameters it was built from
 * @param mesh       the mesh; every functional part of the category appears among its part names
 * @param frames     part name → canonical frame, for every functional part
 */
public record ProceduralAsset(String category, ShapeParameters parameters, TriangleMesh mesh,
        Map<String, PartFrame> frames) {

    public ProceduralAsset {
        frames = Map.copyOf(frames);
    }

    /**
     * The asset normalized as the reference normalizes GLBs (SPEC §2.1: bounding-box centre at the origin, largest
     * |coordinate| 0.5), with its part frames moved and scaled the same way.
     */
    public ProceduralAsset normalized() {
        double[] b = mesh.bounds();
        double[] centre = {(b[0] + b[3]) / 2, (b[1] + b[4]) / 2, (b[2] + b[5]) / 2};
        double m = 0;
        for (int i = 0; i < 3; i++) {
            m = Math.max(m, Math.max(Math.abs(b[i] - centre[i]), Math.abs(b[i + 3] - centre[i])));
        }
        double s = 0.5 / m;
        double[] shift = {-centre[0] * s, -centre[1] * s, -centre[2] * s};
        Map<String, PartFrame> moved = new LinkedHashMap<>();
        frames.forEach((k, f) -> moved.put(k, f.scaled(s, shift)));
        return new ProceduralAsset(category, parameters, mesh.normalized(), moved);
    }
}
