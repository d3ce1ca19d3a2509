package ai.dfc.geometry.raster;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.image.ImageSize;

/**
 * Renders one prepared mesh from one camera at a time, reusing its scratch buffers between views. Not thread-safe:
 * each worker owns one. The output of {@link #render} depends only on the mesh, options and camera.
 */
final class ViewRenderer {
    private final PreparedMesh mesh;
    private final RenderOptions options;
    private final double near;
    private final double[] camX;
    private final double[] camY;
    private final double[] camZ;
    private final int[] fixedX;
    private final int[] fixedY;
    /** Per vertex: in front of the near plane and inside the guard band, so its triangles need no clipping. */
    private final boolean[] direct;
    private final int[] shadedColour;
    private final boolean[] facingAway;
    private final CoveragePass centre = new CoveragePass();
    private final CoveragePass fine = new CoveragePass();
    private final PolygonClipper clipper = new PolygonClipper();
    private final int[] clippedX = new int[16];
    private final int[] clippedY = new int[16];
    /** {@code a, b, c, invMin, invMax} of the triangle being drawn. */
    private final double[] plane = new double[5];

    ViewRenderer(PreparedMesh mesh, RenderOptions options) {
        this.mesh = mesh;
        this.options = options;
        this.near = options.nearPlane();
        camX = new double[mesh.vertexCount];
        camY = new double[mesh.vertexCount];
        camZ = new double[mesh.vertexCount];
        fixedX = new int[mesh.vertexCount];
        fixedY = new int[mesh.vertexCount];
        direct = new boolean[mesh.vertexCount];
        shadedColour = new int[mesh.triangleCount];
        facingAway = new boolean[mesh.triangleCount];
    }

    RenderedView render(Camera camera) {
        double[] rt = camera.extrinsics().toMatrix();
        toCamera(rt);
        shade(rt, camera.extrinsics().cameraCentre());
        ImageSize size = camera.size();
        Intrinsics k = camera.intrinsics();
        int w = size.width();
        int h = size.height();
        centre.reset(w, h, k.fx(), k.fy(), k.cx(), k.cy());
        drawAll(centre);
        int s = options.supersampling();
        if (s > 1) {
            // sub-pixel (i, j) of pixel (col, row) sits at u = col + (i + 0.5)/s − 0.5: a pinhole with scaled K
            double shift = (s - 1) / 2.0;
            fine.reset(w * s, h * s, k.fx() * s, k.fy() * s, k.cx() * s + shift, k.cy() * s + shift);
            drawAll(fine);
        }
        return compose(camera, s);
    }

    private void toCamera(double[] rt) {
        float[] xyz = mesh.xyz;
        for (int v = 0; v < mesh.vertexCount; v++) {
            double x = xyz[3 * v];
            double y = xyz[3 * v + 1];
            double z = xyz[3 * v + 2];
            camX[v] = rt[0] * x + rt[1] * y + rt[2] * z + rt[3];
            camY[v] = rt[4] * x + rt[5] * y + rt[6] * z + rt[7];
            camZ[v] = rt[8] * x + rt[9] * y + rt[10] * z + rt[11];
        }
    }

    /** Flat Lambert colour per triangle, with the normal turned towards the camera. */
    private void shade(double[] rt, double[] eye) {
        int lightCount = options.lights().size();
        double[] l = new double[3 * lightCount];
        double[] intensity = new double[lightCount];
        for (int i = 0; i < lightCount; i++) {
            DirectionalLight light = options.lights().get(i);
            intensity[i] = light.intensity();
            if (light.frame() == DirectionalLight.Frame.CAMERA) {
                // camera → world is Rᵀ
                for (int j = 0; j < 3; j++) {
                    l[3 * i + j] = rt[j] * light.x() + rt[4 + j] * light.y() + rt[8 + j] * light.z();
                }
            } else {
                l[3 * i] = light.x();
                l[3 * i + 1] = light.y();
                l[3 * i + 2] = light.z();
            }
        }
        double ambient = options.ambient();
        float[] n = mesh.normals;
        float[] xyz = mesh.xyz;
        for (int t = 0; t < mesh.triangleCount; t++) {
            int a = 3 * mesh.corners[3 * t];
            double nx = n[3 * t];
            double ny = n[3 * t + 1];
            double nz = n[3 * t + 2];
            boolean away = nx * (eye[0] - xyz[a]) + ny * (eye[1] - xyz[a + 1]) + nz * (eye[2] - xyz[a + 2]) < 0;
            facingAway[t] = away;
            if (away) {
                nx = -nx;
                ny = -ny;
                nz = -nz;
            }
            double f = ambient;
            for (int i = 0; i < lightCount; i++) {
                double dot = nx * l[3 * i] + ny * l[3 * i + 1] + nz * l[3 * i + 2];
                if (dot > 0) {
                    f += intensity[i] * dot;
                }
            }
            int base = mesh.partColours[mesh.parts[t]];
            shadedColour[t] = scale(base >> 16 & 0xFF, f) << 16 | scale(base >> 8 & 0xFF, f) << 8 | scale(base & 0xFF, f);
        }
    }

    private static int scale(int channel, double f) {
        return (int) Math.min(255, Math.round(channel * f));
    }

    private void drawAll(CoveragePass pass) {
        for (int v = 0; v < mesh.vertexCount; v++) {
            double z = camZ[v];
            boolean ok = false;
            if (z >= near) {
                double u = pass.u(camX[v], z);
                double vv = pass.v(camY[v], z);
                if (pass.inGuardBand(u, vv)) {
                    fixedX[v] = CoveragePass.snap(u);
                    fixedY[v] = CoveragePass.snap(vv);
                    ok = true;
                }
            }
            direct[v] = ok;
        }
        int[] corners = mesh.corners;
        for (int t = 0; t < mesh.triangleCount; t++) {
            int p = corners[3 * t];
            int q = corners[3 * t + 1];
            int r = corners[3 * t + 2];
            if (direct[p] && direct[q] && direct[r]) {
                if (plane(pass, p, q, r, Math.min(camZ[p], Math.min(camZ[q], camZ[r])),
                        Math.max(camZ[p], Math.max(camZ[q], camZ[r])))) {
                    pass.fill(t, fixedX[p], fixedY[p], fixedX[q], fixedY[q], fixedX[r], fixedY[r], plane[0], plane[1],
                            plane[2], plane[3], plane[4]);
                }
            } else if (camZ[p] >= near || camZ[q] >= near || camZ[r] >= near) {
                drawClipped(pass, t, p, q, r);
            }
        }
    }

    /** Clips against the near plane and the guard band, then fills the polygon as a fan. */
    private void drawClipped(CoveragePass pass, int t, int p, int q, int r) {
        PolygonClipper c = clipper;
        c.start(camX, camY, camZ, p, q, r);
        c.clip(0, 0, 1, -near);
        double g = CoveragePass.GUARD;
        // u ≥ −g ⇔ fx·X + (cx + g)·Z ≥ 0 for Z > 0, and likewise for the other sides
        c.clip(pass.fx, 0, pass.cx + g, 0);
        c.clip(-pass.fx, 0, pass.width - 1 + g - pass.cx, 0);
        c.clip(0, pass.fy, pass.cy + g, 0);
        c.clip(0, -pass.fy, pass.height - 1 + g - pass.cy, 0);
        int n = c.size();
        if (n < 3) {
            return;
        }
        double zMin = Double.POSITIVE_INFINITY;
        double zMax = 0;
        for (int i = 0; i < n; i++) {
            double z = c.coordinate(i, 2);
            zMin = Math.min(zMin, z);
            zMax = Math.max(zMax, z);
            clippedX[i] = CoveragePass.snap(pass.u(c.coordinate(i, 0), z));
            clippedY[i] = CoveragePass.snap(pass.v(c.coordinate(i, 1), z));
        }
        if (!plane(pass, p, q, r, zMin, zMax)) {
            return;
        }
        for (int i = 1; i + 1 < n; i++) {
            pass.fill(t, clippedX[0], clippedY[0], clippedX[i], clippedY[i], clippedX[i + 1], clippedY[i + 1], plane[0],
                    plane[1], plane[2], plane[3], plane[4]);
        }
    }

    /**
     * Sets {@link #plane} to the inverse-depth function of the plane through camera-space corners {@code p, q, r}:
     * with {@code n} its normal and {@code d = n·P}, a ray {@code Z·((u − cx)/fx, (v − cy)/fy, 1)} meets it where
     * {@code 1/Z = (n·((u − cx)/fx, (v − cy)/fy, 1)) / d}. False if the plane passes through the eye (seen edge-on)
     * or the triangle is degenerate.
     */
    private boolean plane(CoveragePass pass, int p, int q, int r, double zMin, double zMax) {
        double ux = camX[q] - camX[p];
        double uy = camY[q] - camY[p];
        double uz = camZ[q] - camZ[p];
        double vx = camX[r] - camX[p];
        double vy = camY[r] - camY[p];
        double vz = camZ[r] - camZ[p];
        double nx = uy * vz - uz * vy;
        double ny = uz * vx - ux * vz;
        double nz = ux * vy - uy * vx;
        double d = nx * camX[p] + ny * camY[p] + nz * camZ[p];
        if (d == 0 || !Double.isFinite(d)) {
            return false;
        }
        double a = nx / (pass.fx * d);
        double b = ny / (pass.fy * d);
        plane[0] = a;
        plane[1] = b;
        plane[2] = nz / d - a * pass.cx - b * pass.cy;
        plane[3] = 1 / zMax;
        plane[4] = 1 / zMin;
        return true;
    }

    private RenderedView compose(Camera camera, int s) {
        int w = camera.size().width();
        int h = camera.size().height();
        int n = w * h;
        float[] depth = new float[n];
        int[] parts = new int[n];
        int[] triangles = new int[n];
        float[] normals = new float[3 * n];
        byte[] mask = new byte[n];
        byte[] rgb = new byte[3 * n];
        int background = options.backgroundRgb();
        float[] faceNormals = mesh.normals;
        long[] samples = centre.samples;
        for (int i = 0; i < n; i++) {
            int t = CoveragePass.triangle(samples[i]);
            triangles[i] = t;
            int colour;
            if (t < 0) {
                depth[i] = Float.POSITIVE_INFINITY;
                parts[i] = -1;
                colour = background;
            } else {
                depth[i] = (float) (1.0 / CoveragePass.inverseDepth(samples[i]));
                parts[i] = mesh.parts[t];
                mask[i] = 1;
                float sign = facingAway[t] ? -1 : 1;
                // "+ 0f" turns the −0 of a flipped zero component into +0
                normals[3 * i] = sign * faceNormals[3 * t] + 0f;
                normals[3 * i + 1] = sign * faceNormals[3 * t + 1] + 0f;
                normals[3 * i + 2] = sign * faceNormals[3 * t + 2] + 0f;
                colour = shadedColour[t];
            }
            rgb[3 * i] = (byte) (colour >> 16);
            rgb[3 * i + 1] = (byte) (colour >> 8);
            rgb[3 * i + 2] = (byte) colour;
        }
        if (s > 1) {
            averageSupersamples(w, h, s, rgb, background);
        }
        return new RenderedView(camera, depth, parts, triangles, normals, mask, rgb);
    }

    private void averageSupersamples(int w, int h, int s, byte[] rgb, int background) {
        int fineWidth = w * s;
        int samples = s * s;
        long[] fineSamples = fine.samples;
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int red = 0;
                int green = 0;
                int blue = 0;
                for (int j = 0; j < s; j++) {
                    int base = (row * s + j) * fineWidth + col * s;
                    for (int i = 0; i < s; i++) {
                        int t = CoveragePass.triangle(fineSamples[base + i]);
                        int colour = t < 0 ? background : shadedColour[t];
                        red += colour >> 16 & 0xFF;
                        green += colour >> 8 & 0xFF;
                        blue += colour & 0xFF;
                    }
                }
                int p = 3 * (row * w + col);
                rgb[p] = (byte) ((red + samples / 2) / samples);
                rgb[p + 1] = (byte) ((green + samples / 2) / samples);
                rgb[p + 2] = (byte) ((blue + samples / 2) / samples);
            }
        }
    }
}
