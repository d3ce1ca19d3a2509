package ai.dfc.benchdata.procedural;

import ai.dfc.geometry.mesh.TriangleMesh;

/** Independent geometric measurements of meshes for the procedural tests. */
public final class MeshChecks {
    private MeshChecks() {
    }

    /** Σ v₀·(v₁×v₂)/6 over the triangles: the enclosed volume, positive when the surface is closed and faces out. */
    public static double signedVolume(TriangleMesh m) {
        double vol = 0;
        for (int t = 0; t < m.triangleCount(); t++) {
            double[][] v = new double[3][3];
            for (int k = 0; k < 3; k++) {
                for (int a = 0; a < 3; a++) {
                    v[k][a] = m.vertex(m.corner(t, k), a);
                }
            }
            vol += v[0][0] * (v[1][1] * v[2][2] - v[1][2] * v[2][1]) - v[0][1] * (v[1][0] * v[2][2] - v[1][2] * v[2][0])
                    + v[0][2] * (v[1][0] * v[2][1] - v[1][1] * v[2][0]);
        }
        return vol / 6;
    }

    /** The distance from {@code p} to the nearest vertex of part {@code part}. */
    public static double distanceToPart(TriangleMesh m, int part, double[] p) {
        double best = Double.MAX_VALUE;
        for (int t = 0; t < m.triangleCount(); t++) {
            if (m.partId(t) != part) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                int v = m.corner(t, k);
                double dx = m.vertex(v, 0) - p[0];
                double dy = m.vertex(v, 1) - p[1];
                double dz = m.vertex(v, 2) - p[2];
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return best;
    }
}
