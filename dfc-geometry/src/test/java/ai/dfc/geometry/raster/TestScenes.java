package ai.dfc.geometry.raster;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Extrinsics;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.image.ImageSize;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.List;

/** Meshes and cameras for the rasterizer tests. */
final class TestScenes {
    private TestScenes() {
    }

    /** A camera at the world origin looking along +Z (world = OpenCV camera frame). */
    static Camera pinhole(int width, int height, double f, double cx, double cy) {
        return new Camera(new ImageSize(width, height), new Intrinsics(f, f, cx, cy), Extrinsics.identity());
    }

    /** One triangle, part 0 of {@code parts}. */
    static TriangleMesh triangle(double... xyz) {
        return mesh(xyz, new int[] {0, 1, 2}, new int[] {0}, 1);
    }

    /** A mesh from double coordinates. */
    static TriangleMesh mesh(double[] xyz, int[] triangles, int[] partIds, int partCount) {
        float[] v = new float[xyz.length];
        for (int i = 0; i < xyz.length; i++) {
            v[i] = (float) xyz[i];
        }
        List<String> names = new ArrayList<>();
        for (int p = 0; p < partCount; p++) {
            names.add("part " + p);
        }
        return new TriangleMesh(v, triangles, partIds, names);
    }

    /** The axis-aligned rectangle {@code [x0, x1] × [y0, y1]} at depth {@code z} as two triangles (one part). */
    static TriangleMesh rectangle(double x0, double y0, double x1, double y1, double z) {
        return mesh(new double[] {x0, y0, z, x1, y0, z, x1, y1, z, x0, y1, z}, new int[] {0, 1, 2, 0, 2, 3},
                new int[] {0, 0}, 1);
    }

    /** Mesh holding only triangle {@code t} of {@code mesh}. */
    static TriangleMesh single(TriangleMesh mesh, int t) {
        double[] xyz = new double[9];
        for (int c = 0; c < 3; c++) {
            for (int a = 0; a < 3; a++) {
                xyz[3 * c + a] = mesh.vertex(mesh.corner(t, c), a);
            }
        }
        return triangle(xyz);
    }

    /**
     * A UV sphere of {@code radius} at the origin: {@code rings} latitude bands, {@code segments} longitudes,
     * {@code 2·segments·(rings − 1)} triangles wound outwards; part 1 for triangles whose centroid has z &ge; 0.
     */
    static TriangleMesh sphere(double radius, int rings, int segments) {
        int vertexCount = 2 + (rings - 1) * segments;
        float[] v = new float[3 * vertexCount];
        v[2] = (float) radius;
        v[3 * (vertexCount - 1) + 2] = (float) -radius;
        for (int i = 1; i < rings; i++) {
            double theta = Math.PI * i / rings;
            for (int j = 0; j < segments; j++) {
                double phi = 2 * Math.PI * j / segments;
                int k = 3 * (1 + (i - 1) * segments + j);
                v[k] = (float) (radius * Math.sin(theta) * Math.cos(phi));
                v[k + 1] = (float) (radius * Math.sin(theta) * Math.sin(phi));
                v[k + 2] = (float) (radius * Math.cos(theta));
            }
        }
        List<Integer> tris = new ArrayList<>();
        for (int j = 0; j < segments; j++) {
            int a = ring(1, j, segments);
            int b = ring(1, (j + 1) % segments, segments);
            tris.addAll(List.of(0, a, b));
            int c = ring(rings - 1, j, segments);
            int d = ring(rings - 1, (j + 1) % segments, segments);
            tris.addAll(List.of(vertexCount - 1, d, c));
        }
        for (int i = 1; i < rings - 1; i++) {
            for (int j = 0; j < segments; j++) {
                int a = ring(i, j, segments);
                int b = ring(i, (j + 1) % segments, segments);
                int c = ring(i + 1, j, segments);
                int d = ring(i + 1, (j + 1) % segments, segments);
                tris.addAll(List.of(a, c, d, a, d, b));
            }
        }
        int[] t = tris.stream().mapToInt(Integer::intValue).toArray();
        int[] parts = new int[t.length / 3];
        for (int i = 0; i < parts.length; i++) {
            double z = v[3 * t[3 * i] + 2] + v[3 * t[3 * i + 1] + 2] + v[3 * t[3 * i + 2] + 2];
            parts[i] = z >= 0 ? 1 : 0;
        }
        return new TriangleMesh(v, t, parts, List.of("south", "north"));
    }

    private static int ring(int i, int j, int segments) {
        return 1 + (i - 1) * segments + j;
    }
}
