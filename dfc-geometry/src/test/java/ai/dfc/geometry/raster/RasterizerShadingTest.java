package ai.dfc.geometry.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Normals, Lambert shading, part colours and anti-aliasing. */
class RasterizerShadingTest {
    private static final Camera CAMERA = TestScenes.pinhole(40, 40, 40, 19.5, 19.5);

    /** Options with one light and no colour jitter, so expected colours can be computed by hand. */
    private static RenderOptions.Builder plain(DirectionalLight light) {
        return RenderOptions.builder().supersampling(1).lights(List.of(light)).ambient(0.25).palette(0x804020, 0x20A0C0)
                .colourJitter(0).background(0x102030);
    }

    @Test
    void frontAndBackFacesGetTheCameraFacingNormalAndTheSameLambertColour() {
        DirectionalLight towardsCamera = new DirectionalLight(0, 0, -2, 0.6, DirectionalLight.Frame.WORLD);
        Rasterizer r = new Rasterizer(plain(towardsCamera).build());
        // the same square at Z = 2 wound both ways: stored normal +Z (away from the camera) and −Z
        // (it spans columns and rows 19.5 ± 10, so pixel (0, 0) is background)
        TriangleMesh away = TestScenes.rectangle(-0.5, -0.5, 0.5, 0.5, 2);
        TriangleMesh towards = TestScenes.mesh(new double[] {-0.5, -0.5, 2, -0.5, 0.5, 2, 0.5, 0.5, 2, 0.5, -0.5, 2},
                new int[] {0, 1, 2, 0, 2, 3}, new int[] {0, 0}, 1);
        assertThat(away.faceNormal(0)).containsExactly(0, 0, 1);
        assertThat(towards.faceNormal(0)).containsExactly(0, 0, -1);
        for (TriangleMesh m : List.of(away, towards)) {
            RenderedView view = r.render(m, CAMERA);
            assertThat(view.normalAt(20, 20)).containsExactly(0f, 0f, -1f);
            // base · (ambient + 0.6 · n·l) = base · 0.85: 0x80 → 108.8, 0x40 → 54.4, 0x20 → 27.2
            assertThat(view.rgb().rgb(20, 20)).isEqualTo(109 << 16 | 54 << 8 | 27);
            assertThat(view.rgb().rgb(0, 0)).isEqualTo(0x102030);
            assertThat(view.normalAt(0, 0)).containsExactly(0f, 0f, 0f);
        }
    }

    @Test
    void cameraFrameLightFollowsTheCameraAndGrazingLightLeavesAmbient() {
        TriangleMesh square = TestScenes.rectangle(-1, -1, 1, 1, 2);
        // identity camera: camera frame = world frame
        RenderedView camLit = new Rasterizer(plain(new DirectionalLight(0, 0, -1, 0.6, DirectionalLight.Frame.CAMERA))
                .build()).render(square, CAMERA);
        assertThat(camLit.rgb().rgb(20, 20)).isEqualTo(109 << 16 | 54 << 8 | 27);
        // light perpendicular to the normal: ambient only, 0.25 · base = 32, 16, 8
        RenderedView grazing = new Rasterizer(plain(new DirectionalLight(1, 0, 0, 0.6, DirectionalLight.Frame.WORLD))
                .build()).render(square, CAMERA);
        assertThat(grazing.rgb().rgb(20, 20)).isEqualTo(32 << 16 | 16 << 8 | 8);
    }

    @Test
    void partColoursVaryDeterministicallyWithinTheJitter() {
        RenderOptions a = RenderOptions.builder().colourSeed(1).colourJitter(10).build();
        RenderOptions b = RenderOptions.builder().colourSeed(2).colourJitter(10).build();
        int[] palette = a.palette();
        boolean anyDifferent = false;
        for (int p = 0; p < 30; p++) {
            int base = palette[p % palette.length];
            int c = a.partColour(p);
            assertThat(c).isEqualTo(RenderOptions.builder().colourSeed(1).colourJitter(10).build().partColour(p));
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat(Math.abs((c >> shift & 0xFF) - (base >> shift & 0xFF))).isLessThanOrEqualTo(10);
            }
            anyDifferent |= c != b.partColour(p);
        }
        assertThat(anyDifferent).isTrue();
        assertThat(RenderOptions.builder().colourJitter(0).build().partColour(13)).isEqualTo(palette[1]);
        assertThatThrownBy(() -> a.partColour(-1)).hasMessageContaining("part id must be >= 0, was -1");
    }

    @Test
    void antiAliasingChangesOnlyTheColourImageAndOnlyAlongSilhouettes() {
        // two coplanar triangles of one part: one colour inside, so supersampling can only matter at the border
        TriangleMesh square = TestScenes.rectangle(-0.6113, -0.4271, 0.5377, 0.7109, 2);
        RenderOptions base = plain(new DirectionalLight(0, 0, -1, 0.6, DirectionalLight.Frame.WORLD)).build();
        RenderedView sharp = new Rasterizer(base).render(square, CAMERA);
        RenderedView smooth = new Rasterizer(base.toBuilder().supersampling(3).build()).render(square, CAMERA);
        assertThat(smooth.depth()).containsExactly(sharp.depth());
        assertThat(smooth.mask()).isEqualTo(sharp.mask());
        assertThat(smooth.partIds()).containsExactly(sharp.partIds());
        assertThat(smooth.triangleIndices()).containsExactly(sharp.triangleIndices());
        assertThat(smooth.normals()).containsExactly(sharp.normals());
        Mask mask = sharp.mask();
        RgbImage a = sharp.rgb();
        RgbImage b = smooth.rgb();
        int changed = 0;
        for (int row = 0; row < 40; row++) {
            for (int col = 0; col < 40; col++) {
                if (a.rgb(row, col) != b.rgb(row, col)) {
                    changed++;
                    assertThat(nextToSilhouette(mask, row, col)).as("(%d, %d) changed", row, col).isTrue();
                    // a blend of object and background colour lies between them, channel by channel
                    int fg = 109 << 16 | 54 << 8 | 27;
                    for (int shift = 0; shift <= 16; shift += 8) {
                        int v = b.rgb(row, col) >> shift & 0xFF;
                        int lo = Math.min(fg >> shift & 0xFF, 0x102030 >> shift & 0xFF);
                        int hi = Math.max(fg >> shift & 0xFF, 0x102030 >> shift & 0xFF);
                        assertThat(v).isBetween(lo, hi);
                    }
                }
            }
        }
        // every border pixel whose centre is within 1/3 px of an edge changes; the square's border is ~4 × 23 px
        assertThat(changed).isGreaterThan(20);
    }

    private static boolean nextToSilhouette(Mask mask, int row, int col) {
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                int r = row + dr;
                int c = col + dc;
                if (r >= 0 && r < 40 && c >= 0 && c < 40 && mask.get(r, c) != mask.get(row, col)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void optionsRejectBadValuesNamingThem() {
        assertThatThrownBy(() -> RenderOptions.builder().supersampling(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("supersampling must be in [1, 8], was 0");
        assertThatThrownBy(() -> RenderOptions.builder().nearPlane(-1)).hasMessageContaining("was -1.0");
        assertThatThrownBy(() -> RenderOptions.builder().ambient(1.5)).hasMessageContaining("was 1.5");
        assertThatThrownBy(() -> RenderOptions.builder().background(0x1000000)).hasMessageContaining("0x1000000");
        assertThatThrownBy(() -> RenderOptions.builder().palette()).hasMessageContaining("at least one colour");
        assertThatThrownBy(() -> RenderOptions.builder().colourJitter(65)).hasMessageContaining("was 65");
        assertThatThrownBy(() -> new DirectionalLight(0, 0, 0, 1, DirectionalLight.Frame.WORLD))
                .hasMessageContaining("non-zero");
        assertThatThrownBy(() -> new DirectionalLight(0, 0, 1, -1, DirectionalLight.Frame.WORLD))
                .hasMessageContaining("was -1.0");
        DirectionalLight l = new DirectionalLight(3, 0, 4, 1, DirectionalLight.Frame.WORLD);
        assertThat(new double[] {l.x(), l.y(), l.z()}).containsExactly(0.6, 0, 0.8);
        RenderOptions o = RenderOptions.defaults();
        assertThat(o.toBuilder().build().toString()).isEqualTo(o.toString());
    }
}
