package ai.dfc.labeling.edge;

import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.List;

/** Test meshes for the edge estimator: a knife-like bevelled blade and an open tube. */
final class Solids {
    /** Blade length along x. */
    static final double LENGTH = 1.0;
    /** Blade height along y, from the cutting edge (y = 0) to the spine (y = HEIGHT). */
    static final double HEIGHT = 0.2;
    /** Thickness along z at the spine. */
    static final double SPINE = 0.03;
    /** Thickness along z at the cutting edge. */
    static final double EDGE = 0.004;

    private Solids() {
    }

    /**
     * A knife-like blade: a prism along x whose cross-section is a trapezoid, {@value #SPINE} thick at the spine
     * tapering to {@value #EDGE} at the cutting edge, like a bevelled blade. Triangles face outward.
     */
    static TriangleMesh blade() {
        double[][] section = {{0, -EDGE / 2}, {0, EDGE / 2}, {HEIGHT, SPINE / 2}, {HEIGHT, -SPINE / 2}};
        float[] v = new float[8 * 3];
        for (int end = 0; end < 2; end++) {
            for (int i = 0; i < 4; i++) {
                int k = 3 * (4 * end + i);
                v[k] = (float) (end * LENGTH);
                v[k + 1] = (float) section[i][0];
                v[k + 2] = (float) section[i][1];
            }
        }
        double[] centre = {LENGTH / 2, HEIGHT / 2, 0};
        List<int[]> triangles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            quad(v, centre, triangles, i, j, 4 + j, 4 + i);
        }
        quad(v, centre, triangles, 0, 1, 2, 3);
        quad(v, centre, triangles, 4, 5, 6, 7);
        return mesh(v, triangles);
    }

    /** An open tube of {@code radius} along y, {@code length} long, with {@code segments} flat facets. */
    static TriangleMesh tube(double radius, double length, int segments) {
        float[] v = new float[2 * segments * 3];
        for (int end = 0; end < 2; end++) {
            for (int s = 0; s < segments; s++) {
                double a = 2 * Math.PI * s / segments;
                int k = 3 * (end * segments + s);
                v[k] = (float) (radius * Math.cos(a));
                v[k + 1] = (float) (end * length);
                v[k + 2] = (float) (radius * Math.sin(a));
            }
        }
        List<int[]> triangles = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            int t = (s + 1) % segments;
            double[] inside = {0, length / 2, 0};
            quad(v, inside, triangles, s, t, segments + t, segments + s);
        }
        return mesh(v, triangles);
    }

    /** Adds quad a-b-c-d as two triangles, flipped if needed so that their normals point from {@code inside} to the
     * quad's centroid. */
    private static void quad(float[] v, double[] inside, List<int[]> out, int a, int b, int c, int d) {
        double[] n = cross(sub(v, b, a), sub(v, c, a));
        double[] toFace = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            toFace[axis] = (v[3 * a + axis] + v[3 * b + axis] + v[3 * c + axis] + v[3 * d + axis]) / 4 - inside[axis];
        }
        boolean outward = n[0] * toFace[0] + n[1] * toFace[1] + n[2] * toFace[2] > 0;
        if (outward) {
            out.add(new int[] {a, b, c});
            out.add(new int[] {a, c, d});
        } else {
            out.add(new int[] {a, c, b});
            out.add(new int[] {a, d, c});
        }
    }

    private static TriangleMesh mesh(float[] v, List<int[]> triangles) {
        int[] t = new int[3 * triangles.size()];
        for (int i = 0; i < triangles.size(); i++) {
            System.arraycopy(triangles.get(i), 0, t, 3 * i, 3);
        }
        return new TriangleMesh(v, t, new int[triangles.size()], List.of("solid"));
    }

    private static double[] sub(float[] v, int a, int b) {
        return new double[] {v[3 * a] - v[3 * b], v[3 * a + 1] - v[3 * b + 1], v[3 * a + 2] - v[3 * b + 2]};
    }

    private static double[] cross(double[] p, double[] q) {
        return new double[] {p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]};
    }
}
