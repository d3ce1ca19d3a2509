package ai.dfc.geometry.points;

import ai.dfc.api.geometry.PointCloud;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.SplittableRandom;

/**
 * Uniform random sampling of a mesh surface (SPEC §2.2): each point picks a triangle with probability
 * proportional to its area, then a uniformly distributed position inside it (square-root barycentric rule), and
 * carries that triangle's unit face normal and part id.
 *
 * <p>Deterministic: the same mesh, count and seed give the same cloud. For every point the generator draws,
 * in this order, one double to choose the triangle and two doubles for the position. Zero-area triangles are
 * never chosen. Stateless and thread-safe.
 */
public final class SurfaceSampler {
    /** The number of points the reference samples per asset. */
    public static final int REFERENCE_POINT_COUNT = 100_000;

    private SurfaceSampler() {
    }

    /**
     * Samples {@code count} points from the surface of {@code mesh}.
     *
     * @param mesh  the mesh, in whatever frame its vertices are (the normalized glTF Y-up frame for assets)
     * @param count number of points, {@code >= 0}
     * @param seed  seed of the {@link SplittableRandom} driving all choices
     * @return the points with normals and part ids, plus the source triangle per point
     * @throws IllegalArgumentException if {@code count < 0}, or {@code count > 0} and the mesh has zero total
     *                                  area
     */
    public static SurfaceSample sample(TriangleMesh mesh, int count, long seed) {
        if (mesh == null) {
            throw new IllegalArgumentException("mesh must not be null");
        }
        if (count < 0) {
            throw new IllegalArgumentException("point count must be >= 0, was " + count);
        }
        int triangleCount = mesh.triangleCount();
        // cumulative[t] = total area of triangles 0..t; zero-area triangles add an empty interval
        double[] cumulative = new double[triangleCount];
        double total = 0;
        for (int t = 0; t < triangleCount; t++) {
            total += mesh.area(t);
            cumulative[t] = total;
        }
        if (count > 0 && !(total > 0)) {
            throw new IllegalArgumentException("cannot sample a mesh whose total area is " + total);
        }
        float[] xyz = new float[3 * count];
        float[] normals = new float[3 * count];
        int[] parts = new int[count];
        int[] chosen = new int[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int t = pickTriangle(cumulative, random.nextDouble() * total);
            double r1 = Math.sqrt(random.nextDouble());
            double r2 = random.nextDouble();
            // barycentric weights (1 − √u, √u·(1 − v), √u·v) are uniform over the triangle
            double wa = 1 - r1;
            double wb = r1 * (1 - r2);
            double wc = r1 * r2;
            int a = mesh.corner(t, 0);
            int b = mesh.corner(t, 1);
            int c = mesh.corner(t, 2);
            double[] normal = mesh.faceNormal(t);
            for (int axis = 0; axis < 3; axis++) {
                xyz[3 * i + axis] = (float) (wa * mesh.vertex(a, axis) + wb * mesh.vertex(b, axis)
                        + wc * mesh.vertex(c, axis));
                normals[3 * i + axis] = (float) normal[axis];
            }
            parts[i] = mesh.partId(t);
            chosen[i] = t;
        }
        return new SurfaceSample(new PointCloud(xyz, normals, parts), chosen);
    }

    /**
     * {@link #sample} without the per-point triangle indices.
     *
     * @throws IllegalArgumentException as {@link #sample}
     */
    public static PointCloud samplePointCloud(TriangleMesh mesh, int count, long seed) {
        return sample(mesh, count, seed).cloud();
    }

    /**
     * The first triangle whose cumulative area exceeds {@code r}. Since {@code cumulative[t - 1] <= r <
     * cumulative[t]} for the result, its area is positive.
     */
    private static int pickTriangle(double[] cumulative, double r) {
        int lo = 0;
        int hi = cumulative.length - 1;
        if (!(r < cumulative[hi])) {
            // r rounded up to the total: take the last triangle with positive area
            while (hi > 0 && cumulative[hi - 1] == cumulative[hi]) {
                hi--;
            }
            return hi;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
