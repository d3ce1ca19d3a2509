package ai.dfc.benchdata.procedural;

import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds part-labelled triangle meshes from a few parametric primitives — surfaces of revolution (vessels, bowls,
 * handles' grips), tubes swept along curves (handles, spouts), thin sheets over a (u, v) domain (blades, spatula
 * heads) and boxes (hammer heads) — so procedural categories describe objects in a few lines. Every primitive
 * labels its triangles with part names, either per profile segment or by a classifier over the primitive's own
 * parameters, and orients them outwards (checked against the primitive's analytic normal, so mirrored or
 * non-uniformly scaled placements stay correct). Objects are built Y-up, like the reference's glTF assets.
 * Not thread-safe; one builder per object.
 */
public final class MeshBuilder {
    private final Map<String, Integer> parts = new LinkedHashMap<>();
    private float[] vertices = new float[3 * 1024];
    private int vertexCount;
    private int[] triangles = new int[3 * 2048];
    private int[] partIds = new int[2048];
    private int triangleCount;

    /** Names a part in a (u, v) primitive from the surface parameters, each in [0, 1]. */
    @FunctionalInterface
    public interface PartClassifier {
        String part(double u, double v);
    }

    /** A thin solid's mid-surface and thickness over (u, v) ∈ [0, 1]², in the primitive's local frame. */
    public interface SheetShape {
        /** The mid-surface point {@code {x, y, z}} at (u, v). */
        double[] point(double u, double v);

        /** The full thickness at (u, v), along the mid-surface normal; ≥ 0. */
        double thickness(double u, double v);
    }

    private int part(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("part names must be non-blank");
        }
        return parts.computeIfAbsent(name, k -> parts.size());
    }

    private int vertex(double[] p) {
        if (3 * (vertexCount + 1) > vertices.length) {
            vertices = Arrays.copyOf(vertices, vertices.length * 2);
        }
        vertices[3 * vertexCount] = (float) p[0];
        vertices[3 * vertexCount + 1] = (float) p[1];
        vertices[3 * vertexCount + 2] = (float) p[2];
        return vertexCount++;
    }

    /** Adds triangle (a, b, c) wound so that its normal agrees with {@code outward}; drops degenerate ones. */
    private void triangle(int a, int b, int c, int part, double[] outward) {
        double[] n = normal(a, b, c);
        double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        if (len < 1e-12) {
            return;
        }
        if (triangleCount + 1 > partIds.length) {
            partIds = Arrays.copyOf(partIds, partIds.length * 2);
            triangles = Arrays.copyOf(triangles, triangles.length * 2);
        }
        boolean flip = n[0] * outward[0] + n[1] * outward[1] + n[2] * outward[2] < 0;
        triangles[3 * triangleCount] = a;
        triangles[3 * triangleCount + 1] = flip ? c : b;
        triangles[3 * triangleCount + 2] = flip ? b : c;
        partIds[triangleCount++] = part;
    }

    private double[] normal(int a, int b, int c) {
        double ux = vertices[3 * b] - vertices[3 * a];
        double uy = vertices[3 * b + 1] - vertices[3 * a + 1];
        double uz = vertices[3 * b + 2] - vertices[3 * a + 2];
        double vx = vertices[3 * c] - vertices[3 * a];
        double vy = vertices[3 * c + 1] - vertices[3 * a + 1];
        double vz = vertices[3 * c + 2] - vertices[3 * a + 2];
        return new double[] {uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
    }

    /** A grid quad (a, b, c, d in cyclic order) as two triangles facing {@code outward}. */
    private void quad(int a, int b, int c, int d, int part, double[] outward) {
        triangle(a, b, c, part, outward);
        triangle(a, c, d, part, outward);
    }

    private static double[] centroid(float[] v, int a, int b, int c) {
        return new double[] {(v[3 * a] + v[3 * b] + v[3 * c]) / 3.0, (v[3 * a + 1] + v[3 * b + 1] + v[3 * c + 1]) / 3.0,
            (v[3 * a + 2] + v[3 * b + 2] + v[3 * c + 2]) / 3.0};
    }

    /**
     * A surface of revolution about the local +y axis.
     *
     * @param profile       points {@code {radius ≥ 0, height}}; consecutive points bound a segment. Traverse closed
     *                      solids counter-clockwise in the (radius, height) plane (outward = right of the direction
     *                      of travel), e.g. a cup: axis at the bottom → base → outer wall → rim → inner wall → axis
     * @param segmentParts  the part of each segment ({@code profile.length − 1} names)
     * @param angular       number of angular steps (≥ 3)
     * @param stepsPerSegment subdivisions of each segment along the profile, so region labels stay fine
     * @param placement     where the primitive goes in the object frame
     */
    public MeshBuilder lathe(double[][] profile, String[] segmentParts, int angular, int stepsPerSegment,
            Transform placement) {
        if (profile.length < 2 || segmentParts.length != profile.length - 1 || angular < 3 || stepsPerSegment < 1) {
            throw new IllegalArgumentException("lathe needs >= 2 profile points, one part per segment, >= 3 angular steps");
        }
        for (int s = 0; s + 1 < profile.length; s++) {
            int part = part(segmentParts[s]);
            double[] p0 = profile[s];
            double[] p1 = profile[s + 1];
            // outward normal of the segment in the (r, h) plane: right of the direction of travel
            double dr = p1[0] - p0[0];
            double dh = p1[1] - p0[1];
            int[][] ring = new int[stepsPerSegment + 1][angular];
            double[][] rh = new double[stepsPerSegment + 1][];
            for (int k = 0; k <= stepsPerSegment; k++) {
                double t = (double) k / stepsPerSegment;
                rh[k] = new double[] {p0[0] + t * dr, p0[1] + t * dh};
                for (int a = 0; a < angular; a++) {
                    double th = 2 * Math.PI * a / angular;
                    ring[k][a] = vertex(placement.apply(rh[k][0] * Math.cos(th), rh[k][1], rh[k][0] * Math.sin(th)));
                }
            }
            for (int k = 0; k < stepsPerSegment; k++) {
                for (int a = 0; a < angular; a++) {
                    int a1 = (a + 1) % angular;
                    double th = 2 * Math.PI * (a + 0.5) / angular;
                    double[] local = {dh * Math.cos(th), -dr, dh * Math.sin(th)};
                    double[] outward = placement.applyToDirection(local[0], local[1], local[2]);
                    quad(ring[k][a], ring[k][a1], ring[k + 1][a1], ring[k + 1][a], part, outward);
                }
            }
        }
        return this;
    }

    /**
     * A surface of revolution's generalization: like {@link #lathe(double[][], String[], int, int, Transform)}, but
     * the cross-section at each height is {@code radius · section.point(s, θ)} instead of a circle, so solids can
     * be oval, squarish (superellipses), fluted or cross-shaped. Triangles are oriented by the surface's analytic
     * normal, so lobes with steep flanks stay outward-facing.
     *
     * @param profile         points {@code {radius ≥ 0, height}}, traversed as for the circular lathe
     * @param segmentParts    the part of each segment ({@code profile.length − 1} names)
     * @param angular         number of angular steps (≥ 3)
     * @param stepsPerSegment subdivisions of each segment along the profile
     * @param section         the cross-section's shape, star-shaped around the axis and counter-clockwise like
     *                        {@code (cos θ, sin θ)}
     * @param placement       where the primitive goes in the object frame
     */
    public MeshBuilder lathe(double[][] profile, String[] segmentParts, int angular, int stepsPerSegment,
            Section section, Transform placement) {
        if (profile.length < 2 || segmentParts.length != profile.length - 1 || angular < 3 || stepsPerSegment < 1) {
            throw new IllegalArgumentException(
                    "lathe needs >= 2 profile points, one part per segment, >= 3 angular steps");
        }
        int segments = profile.length - 1;
        double dth = 1e-4;
        for (int s = 0; s < segments; s++) {
            int part = part(segmentParts[s]);
            double[] p0 = profile[s];
            double[] p1 = profile[s + 1];
            double dr = p1[0] - p0[0];
            double dh = p1[1] - p0[1];
            int[][] ring = new int[stepsPerSegment + 1][angular];
            for (int k = 0; k <= stepsPerSegment; k++) {
                double t = (double) k / stepsPerSegment;
                double r = p0[0] + t * dr;
                double h = p0[1] + t * dh;
                double along = (s + t) / segments;
                for (int a = 0; a < angular; a++) {
                    double[] q = section.point(along, 2 * Math.PI * a / angular);
                    ring[k][a] = vertex(placement.apply(r * q[0], h, r * q[1]));
                }
            }
            for (int k = 0; k < stepsPerSegment; k++) {
                double along = (s + (k + 0.5) / stepsPerSegment) / segments;
                for (int a = 0; a < angular; a++) {
                    int a1 = (a + 1) % angular;
                    double th = 2 * Math.PI * (a + 0.5) / angular;
                    double[] q = section.point(along, th);
                    double[] q1 = section.point(along, th + dth);
                    double[] q0 = section.point(along, th - dth);
                    double dx = (q1[0] - q0[0]) / (2 * dth);
                    double dz = (q1[1] - q0[1]) / (2 * dth);
                    // ∂P/∂(profile) × ∂P/∂θ for P = (r·x(θ), h, r·z(θ)), up to the positive factor r
                    double[] local = {dz * dh, -dr * (q[0] * dz - q[1] * dx), -dx * dh};
                    double[] outward = placement.applyToDirection(local[0], local[1], local[2]);
                    quad(ring[k][a], ring[k][a1], ring[k + 1][a1], ring[k + 1][a], part, outward);
                }
            }
        }
        return this;
    }

    /** A cross-section shape for {@link #lathe(double[][], String[], int, int, Section, Transform)}. */
    @FunctionalInterface
    public interface Section {
        /**
         * The section's point {@code {x, z}} at angle θ for a profile radius of 1, at position {@code s ∈ [0, 1]}
         * along the profile (point i of n at {@code s = i / (n − 1)}), so the shape may change along the profile.
         */
        double[] point(double s, double theta);
    }

    /**
     * A closed tube of circular cross-section swept along a polyline, with rotation-minimizing frames so it does
     * not twist.
     *
     * @param path         points {@code {x, y, z}} in the primitive's frame (≥ 2, consecutive points distinct)
     * @param radii        the radius at each path point
     * @param segmentParts the part of each path segment
     * @param sides        cross-section resolution (≥ 3)
     * @param capStart     close the first end with a disc (part of the first segment)
     * @param capEnd       close the last end (part of the last segment)
     */
    public MeshBuilder tube(double[][] path, double[] radii, String[] segmentParts, int sides, boolean capStart,
            boolean capEnd, Transform placement) {
        int n = path.length;
        if (n < 2 || radii.length != n || segmentParts.length != n - 1 || sides < 3) {
            throw new IllegalArgumentException("tube needs >= 2 path points, a radius per point, a part per segment");
        }
        double[][] tangents = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] a = path[Math.max(0, i - 1)];
            double[] b = path[Math.min(n - 1, i + 1)];
            tangents[i] = unit(sub(b, a));
        }
        double[][] normals = new double[n][];
        double[] seed = Math.abs(tangents[0][1]) < 0.9 ? new double[] {0, 1, 0} : new double[] {1, 0, 0};
        normals[0] = unit(cross(cross(tangents[0], seed), tangents[0]));
        for (int i = 1; i < n; i++) {
            // parallel transport: remove the component along the new tangent
            double[] prev = normals[i - 1];
            double d = dot(prev, tangents[i]);
            normals[i] = unit(new double[] {prev[0] - d * tangents[i][0], prev[1] - d * tangents[i][1],
                prev[2] - d * tangents[i][2]});
        }
        int[][] rings = new int[n][sides];
        double[][][] dirs = new double[n][sides][];
        for (int i = 0; i < n; i++) {
            double[] b = cross(tangents[i], normals[i]);
            for (int s = 0; s < sides; s++) {
                double th = 2 * Math.PI * s / sides;
                double[] dir = {normals[i][0] * Math.cos(th) + b[0] * Math.sin(th),
                    normals[i][1] * Math.cos(th) + b[1] * Math.sin(th), normals[i][2] * Math.cos(th) + b[2] * Math.sin(th)};
                dirs[i][s] = dir;
                rings[i][s] = vertex(placement.apply(path[i][0] + radii[i] * dir[0], path[i][1] + radii[i] * dir[1],
                        path[i][2] + radii[i] * dir[2]));
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            int part = part(segmentParts[i]);
            for (int s = 0; s < sides; s++) {
                int s1 = (s + 1) % sides;
                double[] mid = add(dirs[i][s], dirs[i + 1][s1]);
                quad(rings[i][s], rings[i][s1], rings[i + 1][s1], rings[i + 1][s], part,
                        placement.applyToDirection(mid[0], mid[1], mid[2]));
            }
        }
        if (capStart) {
            cap(rings[0], path[0], scale(tangents[0], -1), part(segmentParts[0]), placement);
        }
        if (capEnd) {
            cap(rings[n - 1], path[n - 1], tangents[n - 1], part(segmentParts[n - 2]), placement);
        }
        return this;
    }

    private void cap(int[] ring, double[] centre, double[] outwardLocal, int part, Transform placement) {
        int c = vertex(placement.apply(centre[0], centre[1], centre[2]));
        double[] outward = placement.applyToDirection(outwardLocal[0], outwardLocal[1], outwardLocal[2]);
        for (int s = 0; s < ring.length; s++) {
            triangle(c, ring[s], ring[(s + 1) % ring.length], part, outward);
        }
    }

    /**
     * A thin solid around a mid-surface over (u, v) ∈ [0, 1]²: both faces offset by ± half the thickness along the
     * mid-surface normal, and side walls along the four borders. Triangles take their part from
     * {@code classifier} at their cell centre, so regions (edge, tip, spine) follow the parameters.
     *
     * @param nu cells along u (≥ 1)
     * @param nv cells along v (≥ 1)
     */
    public MeshBuilder sheet(SheetShape shape, int nu, int nv, PartClassifier classifier, Transform placement) {
        if (nu < 1 || nv < 1) {
            throw new IllegalArgumentException("sheet needs at least one cell in each direction");
        }
        double[][][] mid = new double[nu + 1][nv + 1][];
        double[][][] nrm = new double[nu + 1][nv + 1][];
        double h = 1e-4;
        for (int i = 0; i <= nu; i++) {
            for (int j = 0; j <= nv; j++) {
                double u = (double) i / nu;
                double v = (double) j / nv;
                mid[i][j] = shape.point(u, v);
                nrm[i][j] = sheetNormal(shape, u, v, h);
            }
        }
        int[][][] face = new int[2][nu + 1][nv + 1];
        for (int side = 0; side < 2; side++) {
            double sign = side == 0 ? 0.5 : -0.5;
            for (int i = 0; i <= nu; i++) {
                for (int j = 0; j <= nv; j++) {
                    double t = shape.thickness((double) i / nu, (double) j / nv) * sign;
                    double[] p = mid[i][j];
                    double[] nn = nrm[i][j];
                    face[side][i][j] = vertex(placement.apply(p[0] + t * nn[0], p[1] + t * nn[1], p[2] + t * nn[2]));
                }
            }
        }
        for (int side = 0; side < 2; side++) {
            double sign = side == 0 ? 1 : -1;
            for (int i = 0; i < nu; i++) {
                for (int j = 0; j < nv; j++) {
                    int part = part(classifier.part((i + 0.5) / nu, (j + 0.5) / nv));
                    double[] nn = scale(add(nrm[i][j], nrm[i + 1][j + 1]), sign);
                    quad(face[side][i][j], face[side][i + 1][j], face[side][i + 1][j + 1], face[side][i][j + 1], part,
                            placement.applyToDirection(nn[0], nn[1], nn[2]));
                }
            }
        }
        // side walls: outward = away from the sheet's interior, estimated from the neighbouring mid-surface point
        for (int i = 0; i < nu; i++) {
            wall(face, i, 0, i + 1, 0, mid, mid[i][1], classifier.part((i + 0.5) / nu, 0.5 / nv), placement);
            wall(face, i, nv, i + 1, nv, mid, mid[i][nv - 1], classifier.part((i + 0.5) / nu, 1 - 0.5 / nv), placement);
        }
        for (int j = 0; j < nv; j++) {
            wall(face, 0, j, 0, j + 1, mid, mid[1][j], classifier.part(0.5 / nu, (j + 0.5) / nv), placement);
            wall(face, nu, j, nu, j + 1, mid, mid[nu - 1][j], classifier.part(1 - 0.5 / nu, (j + 0.5) / nv), placement);
        }
        return this;
    }

    /**
     * The mid-surface normal by central differences; where the surface collapses (a blade's tip, where spine and
     * edge meet) the normal is taken just inside the domain instead.
     */
    private static double[] sheetNormal(SheetShape shape, double u, double v, double h) {
        for (double shrink : new double[] {0, 1e-3, 1e-2}) {
            double uu = 0.5 + (u - 0.5) * (1 - shrink);
            double vv = 0.5 + (v - 0.5) * (1 - shrink);
            double[] du = sub(shape.point(Math.min(1, uu + h), vv), shape.point(Math.max(0, uu - h), vv));
            double[] dv = sub(shape.point(uu, Math.min(1, vv + h)), shape.point(uu, Math.max(0, vv - h)));
            double[] n = cross(du, dv);
            double scale = dot(du, du) * dot(dv, dv);
            if (scale > 0 && dot(n, n) > 1e-12 * scale) {
                return unit(n);
            }
        }
        throw new IllegalArgumentException("sheet surface is degenerate around (u, v) = (" + u + ", " + v + ")");
    }

    private void wall(int[][][] face, int i0, int j0, int i1, int j1, double[][][] mid, double[] inner, String partName,
            Transform placement) {
        double[] edgeMid = scale(add(mid[i0][j0], mid[i1][j1]), 0.5);
        double[] out = sub(edgeMid, inner);
        quad(face[0][i0][j0], face[0][i1][j1], face[1][i1][j1], face[1][i0][j0], part(partName),
                placement.applyToDirection(out[0], out[1], out[2]));
    }

    /**
     * An axis-aligned box centred at the local origin, each face subdivided {@code subdivisions}² times and named by
     * {@code faceParts} in the order −x, +x, −y, +y, −z, +z.
     */
    public MeshBuilder box(double sx, double sy, double sz, String[] faceParts, int subdivisions, Transform placement) {
        if (faceParts.length != 6 || subdivisions < 1 || !(sx > 0 && sy > 0 && sz > 0)) {
            throw new IllegalArgumentException("box needs positive sizes, 6 face parts and >= 1 subdivision");
        }
        double[] half = {sx / 2, sy / 2, sz / 2};
        for (int f = 0; f < 6; f++) {
            int axis = f / 2;
            double sign = f % 2 == 0 ? -1 : 1;
            int ua = (axis + 1) % 3;
            int va = (axis + 2) % 3;
            int part = part(faceParts[f]);
            int[][] grid = new int[subdivisions + 1][subdivisions + 1];
            for (int i = 0; i <= subdivisions; i++) {
                for (int j = 0; j <= subdivisions; j++) {
                    double[] p = new double[3];
                    p[axis] = sign * half[axis];
                    p[ua] = -half[ua] + 2 * half[ua] * i / subdivisions;
                    p[va] = -half[va] + 2 * half[va] * j / subdivisions;
                    grid[i][j] = vertex(placement.apply(p[0], p[1], p[2]));
                }
            }
            double[] local = new double[3];
            local[axis] = sign;
            double[] outward = placement.applyToDirection(local[0], local[1], local[2]);
            for (int i = 0; i < subdivisions; i++) {
                for (int j = 0; j < subdivisions; j++) {
                    quad(grid[i][j], grid[i + 1][j], grid[i + 1][j + 1], grid[i][j + 1], part, outward);
                }
            }
        }
        return this;
    }

    /**
     * Renames the triangles of part {@code from} whose centroid satisfies {@code region} (object coordinates) to
     * {@code to}: for parts defined by where they are rather than by which primitive made them (a rim band).
     */
    public MeshBuilder relabel(String from, String to, java.util.function.Predicate<double[]> region) {
        Integer src = parts.get(from);
        if (src == null) {
            throw new IllegalArgumentException("no part '" + from + "' to relabel; parts: " + parts.keySet());
        }
        int dst = part(to);
        for (int t = 0; t < triangleCount; t++) {
            if (partIds[t] == src && region.test(centroid(vertices, triangles[3 * t], triangles[3 * t + 1],
                    triangles[3 * t + 2]))) {
                partIds[t] = dst;
            }
        }
        return this;
    }

    /** The mesh built so far; parts without triangles are dropped. */
    public TriangleMesh build() {
        int[] used = new int[parts.size()];
        for (int t = 0; t < triangleCount; t++) {
            used[partIds[t]]++;
        }
        List<String> names = new ArrayList<>();
        int[] remap = new int[parts.size()];
        for (Map.Entry<String, Integer> e : parts.entrySet()) {
            if (used[e.getValue()] > 0) {
                remap[e.getValue()] = names.size();
                names.add(e.getKey());
            }
        }
        int[] ids = new int[triangleCount];
        for (int t = 0; t < triangleCount; t++) {
            ids[t] = remap[partIds[t]];
        }
        return new TriangleMesh(Arrays.copyOf(vertices, 3 * vertexCount), Arrays.copyOf(triangles, 3 * triangleCount),
                ids, names);
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] unit(double[] a) {
        double n = Math.sqrt(dot(a, a));
        if (n == 0) {
            throw new IllegalArgumentException("zero-length direction (repeated points in a path?)");
        }
        return scale(a, 1 / n);
    }
}
