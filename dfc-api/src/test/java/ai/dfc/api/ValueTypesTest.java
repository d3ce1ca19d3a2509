package ai.dfc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.correspondence.CorrespondenceSet;
import ai.dfc.api.geometry.Box;
import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Extrinsics;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.geometry.Pixel;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.plugin.SettingException;
import ai.dfc.api.plugin.Settings;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void functionNamesFollowTheReferenceSpelling() {
        assertThat(FunctionName.REFERENCE).hasSize(24);
        assertThat(FunctionName.REFERENCE.get(7).value()).isEqualTo("pick up-with");
        assertThat(FunctionName.of("apply torque-with").phrase()).isEqualTo("apply torque with");
        assertThat(FunctionName.of("roll-onto").phrase()).isEqualTo("roll onto");
        for (String bad : List.of("Pour-with", "pour", "pour-", "pour with", "pour_with", " pour-with")) {
            assertThatThrownBy(() -> FunctionName.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void partNamesAcceptBothSpellingsAndKeepOneCanonicalForm() {
        assertThat(PartName.of("chisel_end")).isEqualTo(PartName.of("chisel end"));
        assertThat(PartName.of("chisel end").fileName()).isEqualTo("chisel_end");
        assertThatThrownBy(() -> PartName.of("Blade")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartDescription(PartName.of("tip"), "Tip - the end"))
                .hasMessageContaining("starting with '-'");
        assertThat(ObjectCategory.of("coconut shell").value()).isEqualTo("coconut shell");
        assertThatThrownBy(() -> ObjectCategory.of("a---b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boxesContainTheirBordersAndClamp() {
        Box b = new Box(2, 3, 5, 7);
        assertThat(b.contains(3, 2)).isTrue();
        assertThat(b.contains(7, 5)).isTrue();
        assertThat(b.contains(8, 5)).isFalse();
        assertThat(b.contains(3, 1)).isFalse();
        assertThat(b.width()).isEqualTo(3);
        assertThat(b.centreY()).isEqualTo(5);
        assertThat(new Box(-4, 2, 600, 500).clampTo(ImageSize.square(490))).isEqualTo(new Box(0, 2, 490, 490));
        assertThat(new Box(-4, 2, 600, 500).within(ImageSize.square(490))).isFalse();
        assertThatThrownBy(() -> new Box(5, 0, 4, 1)).hasMessageContaining("x0 <= x1");
        assertThatThrownBy(() -> new Box(Double.NaN, 0, 4, 1)).hasMessageContaining("finite");
    }

    @Test
    void camerasProjectWithTheReferenceConvention() {
        // the reference's intrinsics: f = 50 mm on a 36 mm sensor at 490 px, principal point at 245
        double f = 50.0 / 36.0 * 490;
        Intrinsics k = Intrinsics.fromMatrix(new double[] {f, 0, 245, 0, f, 245, 0, 0, 1});
        assertThat(k.fx()).isCloseTo(680.5556, within(1e-4));
        // camera at (0, 0, 2) looking down −Z with image y pointing to world −Y: R = diag(1, −1, −1), t = −R·c
        Extrinsics rt = new Extrinsics(new double[] {1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 2});
        assertThat(rt.cameraCentre()).containsExactly(new double[] {0, 0, 2}, within(1e-12));
        Camera cam = new Camera(ImageSize.square(490), k, rt);
        double[] uvz = cam.project(0.1, 0.2, 0.5);
        // camera coordinates (0.1, −0.2, 1.5)
        assertThat(uvz[0]).isCloseTo(f * 0.1 / 1.5 + 245, within(1e-9));
        assertThat(uvz[1]).isCloseTo(f * -0.2 / 1.5 + 245, within(1e-9));
        assertThat(uvz[2]).isCloseTo(1.5, within(1e-12));
        assertThatThrownBy(() -> new Extrinsics(new double[] {2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}))
                .hasMessageContaining("not orthonormal");
        assertThatThrownBy(() -> new Extrinsics(new double[] {-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}))
                .hasMessageContaining("determinant");
        assertThatThrownBy(() -> Intrinsics.fromMatrix(new double[] {f, 1, 245, 0, f, 245, 0, 0, 1}))
                .hasMessageContaining("[[fx,0,cx],[0,fy,cy],[0,0,1]]");
    }

    @Test
    void correspondencesStayInsideTheirImagesAndReverse() {
        ImageSize s = ImageSize.square(224);
        CorrespondenceSet c = new CorrespondenceSet(s, new int[] {0, 1, 223, 5}, s, new int[] {10, 11, 12, 13});
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.source(1)).isEqualTo(new Pixel(223, 5));
        assertThat(c.reversed().source(0)).isEqualTo(new Pixel(10, 11));
        assertThatThrownBy(() -> new CorrespondenceSet(s, new int[] {224, 0}, s, new int[] {0, 0}))
                .hasMessageContaining("source point 0 (row 224, col 0) lies outside the 224x224 image");
        assertThatThrownBy(() -> new CorrespondenceSet(s, new int[] {1, 0, 2, 2}, s, new int[] {0, 0}))
                .hasMessageContaining("same number");
        assertThat(new Pixel(0, 0).distanceTo(new Pixel(3, 4))).isEqualTo(5.0);
    }

    @Test
    void imagesAndMasksAreCopiedAndIndexedRowMajor() {
        ImageSize size = new ImageSize(3, 2);
        byte[] rgb = new byte[18];
        rgb[3 * (1 * 3 + 2)] = (byte) 255; // red at row 1, col 2
        rgb[3 * (0 * 3 + 1) + 2] = (byte) 51; // blue 0.2 at row 0, col 1
        RgbImage img = new RgbImage(size, rgb);
        rgb[0] = 9;
        assertThat(img.rgb(0, 0)).isZero();
        assertThat(img.rgb(1, 2)).isEqualTo(0xFF0000);
        float[] chw = img.toChwFloats();
        assertThat(chw[0 * 6 + 1 * 3 + 2]).isEqualTo(1f);
        assertThat(chw[2 * 6 + 0 * 3 + 1]).isEqualTo(0.2f);
        assertThatThrownBy(() -> img.rgb(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new RgbImage(size, new byte[5])).hasMessageContaining("expected 18 bytes");

        Mask a = Mask.fromBytes(size, new byte[] {0, (byte) 255, 1, 0, 0, 1});
        Mask b = Mask.fromBooleans(size, new boolean[] {false, true, false, false, true, false});
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.get(0, 1)).isTrue();
        assertThat(a.get(1, 2)).isTrue();
        assertThat(a.and(b).flatIndices()).containsExactly(1);
        assertThat(a.andNot(b).flatIndices()).containsExactly(2, 5);
        assertThat(Mask.empty(size).isEmpty()).isTrue();
        assertThatThrownBy(() -> a.and(Mask.empty(ImageSize.square(3)))).hasMessageContaining("sizes differ");
    }

    @Test
    void pointCloudsValidateTheirArrays() {
        PointCloud c = new PointCloud(new float[] {0, 1, 2, 3, 4, 5}, null, new int[] {7, -1});
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.coordinate(1, 2)).isEqualTo(5f);
        assertThat(c.partId(0)).isEqualTo(7);
        assertThat(c.hasNormals()).isFalse();
        assertThatThrownBy(() -> c.normal(0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PointCloud(new float[] {0, 1}, null, null)).hasMessageContaining("3 floats per point");
        assertThatThrownBy(() -> new PointCloud(new float[] {0, 1, Float.NaN}, null, null)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> new PointCloud(new float[] {0, 1, 2}, null, new int[2])).hasMessageContaining("one int per point");
    }

    @Test
    void groundingOutcomesMatchTheirBoxes() {
        assertThat(Grounding.of(List.of(), "nothing").outcome()).isEqualTo(Grounding.Outcome.NO_BOX);
        assertThat(Grounding.of(List.of(new Box(0, 0, 1, 1)), "[[0,0,1,1]]").outcome()).isEqualTo(Grounding.Outcome.BOXES);
        assertThat(Grounding.malformed("<html>").boxes()).isEmpty();
        assertThatThrownBy(() -> new Grounding(List.of(), Grounding.Outcome.BOXES, "")).hasMessageContaining("does not fit");
    }

    @Test
    void settingsChecksNameTheKey() {
        assertThat(Settings.positive("stride", 14)).isEqualTo(14);
        assertThatThrownBy(() -> Settings.positive("stride", 0)).isInstanceOfSatisfying(SettingException.class, e -> {
            assertThat(e.key()).isEqualTo("stride");
            assertThat(e.problem()).isEqualTo("must be > 0, was 0");
        });
        assertThatThrownBy(() -> Settings.inRange("top_p", 1.5, 0, 1)).hasMessage("top_p: must be in [0.0, 1.0], was 1.5");
        assertThatThrownBy(() -> Settings.oneOf("scale", "x", List.of("pixels", "normalized")))
                .hasMessage("scale: must be one of [pixels, normalized], was 'x'");
        assertThatThrownBy(() -> Settings.positive("t", Double.NaN)).hasMessageContaining("finite number > 0");
    }
}
