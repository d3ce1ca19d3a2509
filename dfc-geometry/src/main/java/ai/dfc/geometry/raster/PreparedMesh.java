package ai.dfc.geometry.raster;

import ai.dfc.geometry.mesh.TriangleMesh;

/**
 * A mesh in the flat arrays the renderer reads, with per-triangle unit normals and per-part base colours computed
 * once for all views. Immutable after construction; shared read-only by the workers.
 */
final class PreparedMesh {
    final int vertexCount;
    final int triangleCount;
    /** {@code 3·V} world coordinates. */
    final float[] xyz;
    /** {@code 3·T} vertex indices. */
    final int[] corners;
    /** {@code T} part ids. */
    final int[] parts;
    /** {@code 3·T} unit face normals (right-hand rule on corner order), zero for degenerate triangles. */
    final float[] normals;
    /** Base colour {@code 0xRRGGBB} per part id. */
    final int[] partColours;

    PreparedMesh(TriangleMesh mesh, RenderOptions options) {
        xyz = mesh.vertices();
        corners = mesh.triangles();
        parts = mesh.partIds();
        vertexCount = mesh.vertexCount();
        triangleCount = mesh.triangleCount();
        normals = new float[3 * triangleCount];
        for (int t = 0; t < triangleCount; t++) {
            int a = 3 * corners[3 * t];
            int b = 3 * corners[3 * t + 1];
            int c = 3 * corners[3 * t + 2];
            double ux = xyz[b] - xyz[a];
            double uy = xyz[b + 1] - xyz[a + 1];
            double uz = xyz[b + 2] - xyz[a + 2];
            double vx = xyz[c] - xyz[a];
            double vy = xyz[c + 1] - xyz[a + 1];
            double vz = xyz[c + 2] - xyz[a + 2];
            double nx = uy * vz - uz * vy;
            double ny = uz * vx - ux * vz;
            double nz = ux * vy - uy * vx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len > 0) {
                normals[3 * t] = (float) (nx / len);
                normals[3 * t + 1] = (float) (ny / len);
                normals[3 * t + 2] = (float) (nz / len);
            }
        }
        partColours = new int[mesh.partNames().size()];
        for (int p = 0; p < partColours.length; p++) {
            partColours[p] = options.partColour(p);
        }
    }
}
