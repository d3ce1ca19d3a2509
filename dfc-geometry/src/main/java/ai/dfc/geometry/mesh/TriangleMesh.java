package ai.dfc.geometry.mesh;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable indexed triangle mesh whose every triangle carries a part id (index into {@link #partNames()}),
 * the unit every DFC renderer and sampler works on. Coordinates are in the asset's frame; DFC's normalized frame
 * (SPEC §2.1) is bbox-centred with {@code max |coordinate| = 0.5}, see {@link #normalized()}.
 */
public final class TriangleMesh {
    private final float[] vertices;
    private final int[] triangles;
    private final int[] partIds;
    private final List<String> partNames;

    /**
     * @param vertices  {@code 3·V} floats {@code x, y, z} per vertex; copied
     * @param triangles {@code 3·T} vertex indices, counter-clockwise seen from outside; copied
     * @param partIds   {@code T} ints, each in {@code [0, partNames.size())}; copied
     * @param partNames names of the parts (lower case, spaces); the same name may not appear twice
     */
    public TriangleMesh(float[] vertices, int[] triangles, int[] partIds, List<String> partNames) {
        if (vertices == null || vertices.length % 3 != 0 || vertices.length == 0) {
            throw new IllegalArgumentException("vertices must hold 3 floats per vertex and at least one vertex");
        }
        if (triangles == null || triangles.length % 3 != 0 || triangles.length == 0) {
            throw new IllegalArgumentException("triangles must hold 3 indices per triangle and at least one triangle");
        }
        int v = vertices.length / 3;
        int t = triangles.length / 3;
        for (float x : vertices) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("vertex coordinates must be finite");
            }
        }
        for (int i = 0; i < triangles.length; i++) {
            if (triangles[i] < 0 || triangles[i] >= v) {
                throw new IllegalArgumentException("triangle " + i / 3 + " refers to vertex " + triangles[i] + " of " + v);
            }
        }
        if (partIds == null || partIds.length != t) {
            throw new IllegalArgumentException("part ids must hold one int per triangle (" + t + ")");
        }
        if (partNames == null || partNames.isEmpty() || partNames.stream().distinct().count() != partNames.size()) {
            throw new IllegalArgumentException("part names must be non-empty and distinct, were " + partNames);
        }
        for (int i = 0; i < t; i++) {
            if (partIds[i] < 0 || partIds[i] >= partNames.size()) {
                throw new IllegalArgumentException("triangle " + i + " has part id " + partIds[i] + " outside "
                        + partNames.size() + " parts");
            }
        }
        this.vertices = vertices.clone();
        this.triangles = triangles.clone();
        this.partIds = partIds.clone();
        this.partNames = List.copyOf(partNames);
    }

    public int vertexCount() {
        return vertices.length / 3;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    /** Coordinate {@code axis} of vertex {@code v}. */
    public float vertex(int v, int axis) {
        return vertices[3 * v + axis];
    }

    /** Vertex index {@code corner} (0–2) of triangle {@code t}. */
    public int corner(int t, int corner) {
        return triangles[3 * t + corner];
    }

    /** Part id of triangle {@code t}. */
    public int partId(int t) {
        return partIds[t];
    }

    public List<String> partNames() {
        return partNames;
    }

    /** A copy of the vertex array. */
    public float[] vertices() {
        return vertices.clone();
    }

    /** A copy of the triangle index array. */
    public int[] triangles() {
        return triangles.clone();
    }

    /** A copy of the per-triangle part ids. */
    public int[] partIds() {
        return partIds.clone();
    }

    /** Axis-aligned bounds {@code {minX, minY, minZ, maxX, maxY, maxZ}}. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE,
            -Double.MAX_VALUE};
        for (int i = 0; i < vertices.length; i++) {
            b[i % 3] = Math.min(b[i % 3], vertices[i]);
            b[3 + i % 3] = Math.max(b[3 + i % 3], vertices[i]);
        }
        return b;
    }

    /**
     * SPEC §2.1: the mesh moved so its bounding-box centre is the origin, then scaled by {@code 0.5 / m} with
     * {@code m} the largest absolute coordinate, so it fits {@code [−0.5, 0.5]³} touching it.
     *
     * @throws IllegalArgumentException if all vertices coincide
     */
    public TriangleMesh normalized() {
        double[] b = bounds();
        double[] centre = {(b[0] + b[3]) / 2, (b[1] + b[4]) / 2, (b[2] + b[5]) / 2};
        double m = 0;
        for (int i = 0; i < vertices.length; i++) {
            m = Math.max(m, Math.abs(vertices[i] - centre[i % 3]));
        }
        if (m == 0) {
            throw new IllegalArgumentException("cannot normalize a mesh whose vertices all coincide");
        }
        float[] out = new float[vertices.length];
        for (int i = 0; i < vertices.length; i++) {
            out[i] = (float) ((vertices[i] - centre[i % 3]) * 0.5 / m);
        }
        return new TriangleMesh(out, triangles, partIds, partNames);
    }

    /**
     * This mesh with every vertex mapped by the row-major 4×4 affine matrix {@code m} (translation in the last
     * column). Winding is kept; a reflection would turn it inside out, so matrices with negative determinant are
     * rejected.
     */
    public TriangleMesh transformed(double[] m) {
        if (m.length != 16) {
            throw new IllegalArgumentException("expected a 4x4 row-major matrix, had " + m.length + " entries");
        }
        double det = m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8])
                + m[2] * (m[4] * m[9] - m[5] * m[8]);
        if (!(det > 0)) {
            throw new IllegalArgumentException("transform must preserve orientation (det > 0), det = " + det);
        }
        float[] out = new float[vertices.length];
        for (int v = 0; v < vertices.length / 3; v++) {
            double x = vertices[3 * v];
            double y = vertices[3 * v + 1];
            double z = vertices[3 * v + 2];
            for (int r = 0; r < 3; r++) {
                out[3 * v + r] = (float) (m[4 * r] * x + m[4 * r + 1] * y + m[4 * r + 2] * z + m[4 * r + 3]);
            }
        }
        return new TriangleMesh(out, triangles, partIds, partNames);
    }

    /** Area of triangle {@code t}. */
    public double area(int t) {
        double[] n = unnormalizedNormal(t);
        return 0.5 * Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    }

    /** Unit face normal of triangle {@code t} (right-hand rule on its corner order); zero for degenerate triangles. */
    public double[] faceNormal(int t) {
        double[] n = unnormalizedNormal(t);
        double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        return len == 0 ? new double[3] : new double[] {n[0] / len, n[1] / len, n[2] / len};
    }

    private double[] unnormalizedNormal(int t) {
        int a = triangles[3 * t];
        int b = triangles[3 * t + 1];
        int c = triangles[3 * t + 2];
        double ux = vertices[3 * b] - vertices[3 * a];
        double uy = vertices[3 * b + 1] - vertices[3 * a + 1];
        double uz = vertices[3 * b + 2] - vertices[3 * a + 2];
        double vx = vertices[3 * c] - vertices[3 * a];
        double vy = vertices[3 * c + 1] - vertices[3 * a + 1];
        double vz = vertices[3 * c + 2] - vertices[3 * a + 2];
        return new double[] {uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TriangleMesh other && Arrays.equals(vertices, other.vertices)
                && Arrays.equals(triangles, other.triangles) && Arrays.equals(partIds, other.partIds)
                && partNames.equals(other.partNames);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vertices) * 31 + Arrays.hashCode(triangles);
    }

    @Override
    public String toString() {
        return "TriangleMesh[" + vertexCount() + " vertices, " + triangleCount() + " triangles, parts " + partNames + "]";
    }
}
