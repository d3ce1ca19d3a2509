package ai.dfc.geometry.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import ai.dfc.geometry.camera.BackProjection;
import ai.dfc.geometry.camera.BlenderCameras;
import ai.dfc.geometry.camera.ReferenceRig;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Depth, coverage, visibility and clipping against values computed independently in the tests. */
class RasterizerGeometryTest {
    private static final Rasterizer RASTERIZER = new Rasterizer(RenderOptions.builder().supersampling(1).build());

    @Test
    void planeFacingARigCameraHasConstantPlanarDepthAndItsExactPixelCount() {
        // the square |x|, |z| ≤ 0.5 in the plane y = 0 seen from (0, 2, 0): planar depth 2 everywhere (the distance
        // along the rays would vary); it spans u, v ∈ 245 ± f·0.25 = [74.86, 415.14], i.e. columns/rows 75..415
        TriangleMesh square = TestScenes.mesh(
                new double[] {-0.5, 0, -0.5, 0.5, 0, -0.5, 0.5, 0, 0.5, -0.5, 0, 0.5}, new int[] {0, 1, 2, 0, 2, 3},
                new int[] {0, 0}, 1);
        Camera camera = BlenderCameras.lookingAtOrigin(0, 2, 0, ImageSize.square(490));
        RenderedView view = RASTERIZER.render(square, camera);
        assertThat(view.mask().count()).isEqualTo(341 * 341);
        float[] depth = view.depth();
        for (int row = 0; row < 490; row++) {
            for (int col = 0; col < 490; col++) {
                boolean inside = row >= 75 && row <= 415 && col >= 75 && col <= 415;
                assertThat(depth[row * 490 + col]).isEqualTo(inside ? 2f : Float.POSITIVE_INFINITY);
            }
        }
    }

    @Test
    void tiltedPlaneHasPerspectiveCorrectDepth() {
        // plane Z = 3 + 0.5·X − 0.25·Y; along the ray Z·(x', y', 1): Z = 3 / (1 − 0.5·x' + 0.25·y')
        double[] xyz = new double[12];
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (int i = 0; i < 4; i++) {
            xyz[3 * i] = corners[i][0];
            xyz[3 * i + 1] = corners[i][1];
            xyz[3 * i + 2] = 3 + 0.5 * corners[i][0] - 0.25 * corners[i][1];
        }
        TriangleMesh plane = TestScenes.mesh(xyz, new int[] {0, 1, 2, 0, 2, 3}, new int[] {0, 0}, 1);
        Camera camera = TestScenes.pinhole(80, 60, 100, 39.5, 29.5);
        RenderedView view = RASTERIZER.render(plane, camera);
        assertThat(view.mask().count()).isGreaterThan(3000);
        for (int row = 0; row < 60; row++) {
            for (int col = 0; col < 80; col++) {
                float d = view.depthAt(row, col);
                if (Float.isFinite(d)) {
                    double x = (col - 39.5) / 100;
                    double y = (row - 29.5) / 100;
                    double expected = 3 / (1 - 0.5 * x + 0.25 * y);
                    assertThat((double) d).isCloseTo(expected, within(1e-5 * expected));
                }
            }
        }
    }

    @Test
    void tessellatedSphereMatchesRaySphereIntersection() {
        double r = 0.5;
        int rings = 48;
        TriangleMesh sphere = TestScenes.sphere(r, rings, 2 * rings);
        Camera camera = BlenderCameras.lookingAtOrigin(ReferenceRig.position(12), ImageSize.square(160));
        RenderedView view = RASTERIZER.render(sphere, camera);
        double[] rt = camera.extrinsics().toMatrix();
        double[] eye = camera.extrinsics().cameraCentre();
        double fx = camera.intrinsics().fx();
        double cx = camera.intrinsics().cx();
        // inscribed facets lie inside the ball, at most r·(1 − cos θ) from it, θ the facets' angular circumradius
        double facetGap = r * (1 - Math.cos(Math.PI / rings / Math.sqrt(2) * 1.05));
        int checked = 0;
        for (int row = 0; row < 160; row++) {
            for (int col = 0; col < 160; col++) {
                // world ray direction with unit camera-frame Z, so the ray parameter is the planar depth
                double x = (col - cx) / fx;
                double y = (row - cx) / fx;
                double[] d = new double[3];
                for (int j = 0; j < 3; j++) {
                    d[j] = rt[j] * x + rt[4 + j] * y + rt[8 + j];
                }
                double dd = dot(d, d);
                double ed = dot(eye, d);
                double impact = Math.sqrt(dot(eye, eye) - ed * ed / dd);
                float depth = view.depthAt(row, col);
                if (impact > r * 1.001) {
                    assertThat(depth).as("(%d, %d) misses the ball", row, col).isEqualTo(Float.POSITIVE_INFINITY);
                    continue;
                }
                if (impact < 0.99 * r) {
                    assertThat(view.mask().get(row, col)).as("(%d, %d) hits the ball", row, col).isTrue();
                }
                if (impact < 0.7 * r) {
                    double t = (-ed - Math.sqrt(ed * ed - dd * (dot(eye, eye) - r * r))) / dd;
                    double cosIncidence = Math.sqrt(1 - (impact / r) * (impact / r));
                    assertThat((double) depth).isBetween(t - 1e-5, t + facetGap / cosIncidence * Math.sqrt(dd) + 1e-5);
                    double[] hit = {eye[0] + t * d[0], eye[1] + t * d[1], eye[2] + t * d[2]};
                    float[] n = view.normalAt(row, col);
                    double cos = (n[0] * hit[0] + n[1] * hit[1] + n[2] * hit[2]) / r;
                    assertThat(cos).isGreaterThan(Math.cos(Math.toRadians(4)));
                    if (Math.abs(hit[2]) > 0.03) {
                        assertThat(view.partIdAt(row, col)).isEqualTo(hit[2] > 0 ? 1 : 0);
                    }
                    // back-projecting the rendered depth lands on the facets, just inside the ball
                    double[] p = BackProjection.pixelToWorld(camera, col, row, depth);
                    assertThat(Math.sqrt(dot(p, p))).isBetween(r - 2 * facetGap, r + 1e-5);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3000);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void nearerTriangleWinsWhateverTheDrawingOrder(boolean nearFirst) {
        double[] far = {-1, -1, 2, 1, -1, 2, 0, 1, 2};
        double[] near = {-0.3, -0.3, 1.5, 0.3, -0.3, 1.5, 0, 0.3, 1.5};
        double[] xyz = new double[18];
        System.arraycopy(nearFirst ? near : far, 0, xyz, 0, 9);
        System.arraycopy(nearFirst ? far : near, 0, xyz, 9, 9);
        int[] parts = nearFirst ? new int[] {1, 0} : new int[] {0, 1};
        TriangleMesh pair = TestScenes.mesh(xyz, new int[] {0, 1, 2, 3, 4, 5}, parts, 2);
        RenderedView view = RASTERIZER.render(pair, TestScenes.pinhole(41, 41, 50, 20, 20));
        // centre pixel: both triangles; the near one (part 1) wins
        assertThat(view.depthAt(20, 20)).isEqualTo(1.5f);
        assertThat(view.partIdAt(20, 20)).isEqualTo(1);
        assertThat(view.triangleIndexAt(20, 20)).isEqualTo(nearFirst ? 0 : 1);
        // (row 20, col 30): X = 10/50·2 = 0.4 on the far plane, inside the far triangle (half-width 0.5 at Y = 0);
        // on the near plane X = 0.3, outside the near triangle (half-width 0.15)
        assertThat(view.depthAt(20, 30)).isEqualTo(2f);
        assertThat(view.partIdAt(20, 30)).isZero();
        // (row 40, col 0): X = Y = 0.8 on the far plane, outside both
        assertThat(view.partIdAt(40, 0)).isEqualTo(-1);
        assertThat(view.depthAt(40, 0)).isEqualTo(Float.POSITIVE_INFINITY);
        // the near triangle's footprint: u ∈ 20 ± 50·0.3/1.5 = [10, 30] at its base row v = 30
        int nearPixels = 0;
        for (int i : view.partIds()) {
            nearPixels += i == 1 ? 1 : 0;
        }
        assertThat((double) nearPixels).isCloseTo(0.5 * 20 * 20, within(2 * 20 + 2 * 22.4));
    }

    @Test
    void axisAlignedSquareCoversItsProjectedArea() {
        // u = 100·X/2 + 0.3 ∈ [6.45, 39.75], v = 100·Y/2 + 0.3 ∈ [10.3, 45.85]: no pixel centre on the border
        TriangleMesh square = TestScenes.rectangle(0.123, 0.2, 0.789, 0.911, 2);
        RenderedView view = RASTERIZER.render(square, TestScenes.pinhole(100, 100, 100, 0.3, 0.3));
        double u0 = 100 * 0.123 / 2 + 0.3;
        double u1 = 100 * 0.789 / 2 + 0.3;
        double v0 = 100 * 0.2 / 2 + 0.3;
        double v1 = 100 * 0.911 / 2 + 0.3;
        double area = (u1 - u0) * (v1 - v0);
        double perimeter = 2 * (u1 - u0 + v1 - v0);
        int lattice = (int) ((Math.floor(u1) - Math.ceil(u0) + 1) * (Math.floor(v1) - Math.ceil(v0) + 1));
        assertThat(view.mask().count()).isEqualTo(lattice).isEqualTo(33 * 35);
        assertThat((double) view.mask().count()).isCloseTo(area, within(perimeter));
    }

    @Test
    void trianglesSharingAnEdgeThroughPixelCentresCoverItExactlyOnce() {
        // square [5, 45]² in pixels split along its diagonal, which passes through 41 pixel centres
        Camera camera = TestScenes.pinhole(50, 50, 64, 5, 5);
        TriangleMesh square = TestScenes.rectangle(0, 0, 40 / 64.0, 40 / 64.0, 1);
        RenderedView first = RASTERIZER.render(TestScenes.single(square, 0), camera);
        RenderedView second = RASTERIZER.render(TestScenes.single(square, 1), camera);
        assertThat(first.mask().and(second.mask()).isEmpty()).isTrue();
        // top-left rule: left and top borders in, right and bottom out: exactly 40 × 40 pixels
        assertThat(first.mask().count() + second.mask().count()).isEqualTo(1600);
        assertThat(RASTERIZER.render(square, camera).mask().count()).isEqualTo(1600);
        int diagonal = 0;
        for (int k = 5; k <= 45; k++) {
            diagonal += (k < 45 && (first.mask().get(k, k) || second.mask().get(k, k))) ? 1 : 0;
        }
        assertThat(diagonal).isEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tiledGridLeavesNoHoleAndNoDoubleCoverage(boolean randomJitter) {
        // a 10 × 10 grid of 4-pixel cells, interior vertices moved by half-pixel steps (many edges and vertices exactly
        // on pixel centres) or by random amounts; each triangle rendered alone must tile the 40 × 40 square exactly
        int n = 10;
        Random random = new Random(randomJitter ? 3 : 4);
        double[] xyz = new double[3 * (n + 1) * (n + 1)];
        for (int j = 0; j <= n; j++) {
            for (int i = 0; i <= n; i++) {
                double u = 4 * i;
                double v = 4 * j;
                if (i > 0 && i < n && j > 0 && j < n) {
                    u += randomJitter ? 3 * random.nextDouble() - 1.5 : 0.5 * (random.nextInt(5) - 2);
                    v += randomJitter ? 3 * random.nextDouble() - 1.5 : 0.5 * (random.nextInt(5) - 2);
                }
                int k = 3 * (j * (n + 1) + i);
                xyz[k] = u / 64;
                xyz[k + 1] = v / 64;
                xyz[k + 2] = 1;
            }
        }
        List<Integer> tris = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int a = j * (n + 1) + i;
                int b = a + 1;
                int c = a + n + 1;
                int d = c + 1;
                // alternate diagonals; mixed windings (both faces are drawn)
                tris.addAll((i + j) % 2 == 0 ? List.of(a, b, d, a, d, c) : List.of(a, b, c, b, c, d));
            }
        }
        int[] t = tris.stream().mapToInt(Integer::intValue).toArray();
        TriangleMesh grid = TestScenes.mesh(xyz, t, new int[t.length / 3], 1);
        Camera camera = TestScenes.pinhole(50, 50, 64, 5, 5);
        int[] coverage = new int[2500];
        for (int tri = 0; tri < grid.triangleCount(); tri++) {
            for (int i : RASTERIZER.render(TestScenes.single(grid, tri), camera).mask().flatIndices()) {
                coverage[i]++;
            }
        }
        for (int row = 0; row < 50; row++) {
            for (int col = 0; col < 50; col++) {
                boolean inside = row >= 5 && row < 45 && col >= 5 && col < 45;
                assertThat(coverage[row * 50 + col]).as("coverage of (%d, %d)", row, col).isEqualTo(inside ? 1 : 0);
            }
        }
        assertThat(RASTERIZER.render(grid, camera).mask().count()).isEqualTo(1600);
    }

    @Test
    void triangleCrossingTheNearPlaneIsClippedNotDropped() {
        // a floor triangle in the plane Y = 1 (below the eye) with two corners behind the camera; a pixel below the
        // horizon (row > cy) sees the floor at planar depth Z = fy / (row − cy)
        TriangleMesh floor = TestScenes.triangle(-30, 1, -5, 30, 1, -5, 0, 1, 40);
        Camera camera = TestScenes.pinhole(41, 41, 20, 20, 20);
        assertFloor(RASTERIZER.render(floor, camera), 1e-3);
        double near = 1.5;
        Rasterizer nearClipping = new Rasterizer(RenderOptions.builder().supersampling(1).nearPlane(near).build());
        assertFloor(nearClipping.render(floor, camera), near);
    }

    private static void assertFloor(RenderedView view, double near) {
        int covered = 0;
        for (int row = 0; row < 41; row++) {
            for (int col = 0; col < 41; col++) {
                float depth = view.depthAt(row, col);
                if (row <= 20) {
                    assertThat(depth).as("above the horizon (%d, %d)", row, col).isEqualTo(Float.POSITIVE_INFINITY);
                    continue;
                }
                double z = 20.0 / (row - 20);
                double x = z * (col - 20) / 20;
                double halfWidth = 30 * (40 - z) / 45;
                if (Math.abs(Math.abs(x) - halfWidth) < 1e-3 || Math.abs(z - near) < 1e-3) {
                    continue;
                }
                boolean inside = Math.abs(x) < halfWidth && z > near;
                if (inside) {
                    assertThat((double) depth).as("depth at (%d, %d)", row, col).isCloseTo(z, within(1e-5 * z));
                    covered++;
                } else {
                    assertThat(depth).as("outside at (%d, %d)", row, col).isEqualTo(Float.POSITIVE_INFINITY);
                }
            }
        }
        assertThat(covered).isGreaterThan(near > 1 ? 200 : 400);
    }

    @Test
    void clippedSharedEdgeStaysWatertight() {
        // a floor quad split along a diagonal that crosses the near plane; the halves must still tile it
        TriangleMesh quad = TestScenes.mesh(new double[] {-30, 1, -5, 30, 1, -5, 30, 1, 40, -30, 1, 40},
                new int[] {0, 1, 2, 0, 2, 3}, new int[] {0, 0}, 1);
        Camera camera = TestScenes.pinhole(41, 41, 20, 20, 20);
        for (double near : new double[] {1e-3, 1.5}) {
            Rasterizer r = new Rasterizer(RenderOptions.builder().supersampling(1).nearPlane(near).build());
            RenderedView a = r.render(TestScenes.single(quad, 0), camera);
            RenderedView b = r.render(TestScenes.single(quad, 1), camera);
            RenderedView both = r.render(quad, camera);
            assertThat(a.mask().and(b.mask()).isEmpty()).isTrue();
            assertThat(a.mask().count() + b.mask().count()).isEqualTo(both.mask().count());
            for (int row = 21; row < 41; row++) {
                double z = 20.0 / (row - 20);
                for (int col = 0; col < 41; col++) {
                    double x = z * (col - 20) / 20;
                    boolean inside = Math.abs(x) < 30 - 1e-3 && z < 40 && z > near + 1e-3;
                    if (inside) {
                        assertThat(both.mask().get(row, col)).as("(%d, %d) near %s", row, col, near).isTrue();
                    }
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
