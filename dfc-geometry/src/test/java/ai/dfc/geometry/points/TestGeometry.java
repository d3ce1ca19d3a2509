package ai.dfc.geometry.points;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Extrinsics;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.image.ImageSize;
import ai.dfc.geometry.mesh.TriangleMesh;

/**
 * Test-only geometry written independently of the code under test: camera construction from a pose, rotations,
 * and an exact ray caster that renders a planar depth map of a triangle mesh.
 */
final class TestGeometry {
    private TestGeometry() {
    }

    /** Row-major 3×3 rotation by {@code angle} radians about {@code axis} (Rodrigues). */
    static double[] rotation(double[] axis, double angle) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        double x = axis[0] / n;
        double y = axis[1] / n;
        double z = axis[2] / n;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        return new double[] {
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c};
    }

    /** Row-major 3×3 product {@code a·b}. */
    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    out[3 * i + j] += a[3 * i + k] * b[3 * k + j];
                }
            }
        }
        return out;
    }

    /** {@code m·v} for a row-major 3×3 {@code m}. */
    static double[] apply(double[] m, double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    /**
     * A camera whose OpenCV axes (x right, y down, z forward) are the columns of {@code cameraToWorld}, placed at
     * {@code centre}: {@code RT = [Rᵀ | −Rᵀ·centre]}.
     */
    static Camera camera(ImageSize size, double f, double cx, double cy, double[] cameraToWorld, double[] centre) {
        double[] rt = new double[12];
        for (int i = 0; i < 3; i++) {
            double t = 0;
            for (int j = 0; j < 3; j++) {
                rt[4 * i + j] = cameraToWorld[3 * j + i];
                t -= cameraToWorld[3 * j + i] * centre[j];
            }
            rt[4 * i + 3] = t;
        }
        return new Camera(size, new Intrinsics(f, f, cx, cy), new Extrinsics(rt));
    }

    /** Camera → world rotation of a camera at {@code eye} looking at {@code target} with world +Z up. */
    static double[] lookAt(double[] eye, double[] target) {
        double[] f = normalize(new double[] {target[0] - eye[0], target[1] - eye[1], target[2] - eye[2]});
        double[] right = normalize(cross(f, new double[] {0, 0, 1}));
        double[] down = cross(f, right);
        return new double[] {right[0], down[0], f[0], right[1], down[1], f[1], right[2], down[2], f[2]};
    }

    /**
     * Exact ray casting: for each pixel the ray {@code centre + t·Rᵀ·[(col − cx)/fx, (row − cy)/fy, 1]}, whose
     * parameter {@code t} at a hit is the planar camera depth; the nearest hit with {@code t > 0} over all
     * triangles (Möller–Trumbore in double precision), {@code +∞} where nothing is hit. Row-major.
     */
    static float[] depthMap(TriangleMesh mesh, Camera camera) {
        ImageSize size = camera.size();
        Intrinsics k = camera.intrinsics();
        double[] rt = camera.extrinsics().toMatrix();
        double[] origin = camera.extrinsics().cameraCentre();
        int triangles = mesh.triangleCount();
        double[][] a = new double[triangles][];
        double[][] e1 = new double[triangles][];
        double[][] e2 = new double[triangles][];
        for (int t = 0; t < triangles; t++) {
            a[t] = vertex(mesh, mesh.corner(t, 0));
            e1[t] = sub(vertex(mesh, mesh.corner(t, 1)), a[t]);
            e2[t] = sub(vertex(mesh, mesh.corner(t, 2)), a[t]);
        }
        float[] depth = new float[size.area()];
        for (int row = 0; row < size.height(); row++) {
            for (int col = 0; col < size.width(); col++) {
                double[] dc = {(col - k.cx()) / k.fx(), (row - k.cy()) / k.fy(), 1};
                double[] d = new double[3];
                for (int j = 0; j < 3; j++) {
                    d[j] = rt[j] * dc[0] + rt[4 + j] * dc[1] + rt[8 + j] * dc[2];
                }
                double best = Double.POSITIVE_INFINITY;
                for (int t = 0; t < triangles; t++) {
                    double[] p = cross(d, e2[t]);
                    double det = dot(e1[t], p);
                    if (Math.abs(det) < 1e-15) {
                        continue;
                    }
                    double[] s = sub(origin, a[t]);
                    double u = dot(s, p) / det;
                    if (u < 0 || u > 1) {
                        continue;
                    }
                    double[] q = cross(s, e1[t]);
                    double v = dot(d, q) / det;
                    if (v < 0 || u + v > 1) {
                        continue;
                    }
                    double hit = dot(e2[t], q) / det;
                    if (hit > 0 && hit < best) {
                        best = hit;
                    }
                }
                depth[row * size.width() + col] = (float) best;
            }
        }
        return depth;
    }

    private static double[] vertex(TriangleMesh mesh, int v) {
        return new double[] {mesh.vertex(v, 0), mesh.vertex(v, 1), mesh.vertex(v, 2)};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] normalize(double[] a) {
        double n = Math.sqrt(dot(a, a));
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
