package ai.dfc.geometry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MorphologyTest {

    /** A 0/255 image from rows of '#' (foreground) and '.' (background). */
    private static GrayImage picture(String... rows) {
        byte[] px = new byte[rows.length * rows[0].length()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                px[r * rows[0].length() + c] = rows[r].charAt(c) == '#' ? (byte) 255 : 0;
            }
        }
        return new GrayImage(new ImageSize(rows[0].length(), rows.length), px);
    }

    @Test
    void dilatesACornerPixelWithoutWrappingOrLeaking() {
        GrayImage img = picture("#....", ".....", ".....", ".....");
        assertThat(Morphology.dilate(img, 3, 1)).isEqualTo(picture("##...", "##...", ".....", "....."));
        assertThat(Morphology.dilate(img, 3, 2)).isEqualTo(picture("###..", "###..", "###..", "....."));
    }

    @Test
    void evenKernelsAnchorAtHalfTheSideSoTheyGrowDownAndRight() {
        // 2×2 with anchor (1, 1): output (r, c) looks at rows r−1..r and cols c−1..c
        GrayImage dot = picture("....", ".#..", "....", "....");
        assertThat(Morphology.dilate(dot, 2, 1)).isEqualTo(picture("....", ".##.", ".##.", "...."));
        GrayImage block = picture("....", ".##.", ".##.", "....");
        assertThat(Morphology.erode(block, 2, 1)).isEqualTo(picture("....", "....", "..#.", "...."));
        // two iterations: a 3×3 window anchored at (2, 2)
        assertThat(Morphology.dilate(dot, 2, 2)).isEqualTo(picture("....", ".###", ".###", ".###"));
    }

    @Test
    void theBorderNeitherAddsNorRemovesForeground() {
        GrayImage top = picture("####", "####", "....", "....");
        // row 0 only sees rows 0–1 inside the image: it stays; row 1 sees row 2 and is eroded
        assertThat(Morphology.erode(top, 3, 1)).isEqualTo(picture("####", "....", "....", "...."));
        GrayImage full = GrayImage.filled(new ImageSize(5, 3), 255);
        assertThat(Morphology.erode(full, 5, 3)).isEqualTo(full);
        GrayImage empty = GrayImage.filled(new ImageSize(5, 3), 0);
        assertThat(Morphology.dilate(empty, 5, 3)).isEqualTo(empty);
    }

    @Test
    void closingFillsHolesAndKeepsTheBorder() {
        GrayImage ring = picture("#####", "#...#", "#.#.#", "#...#", "#####");
        assertThat(Morphology.close(ring, 3, 1)).isEqualTo(GrayImage.filled(new ImageSize(5, 5), 255));
        Mask ringMask = ring.toMask();
        assertThat(Morphology.close(ringMask, 3, 1).count()).isEqualTo(25);
        assertThat(Morphology.dilate(ringMask, 3, 1)).isEqualTo(Morphology.dilate(ring, 3, 1).toMask());
        assertThat(Morphology.erode(ringMask, 3, 1)).isEqualTo(Morphology.erode(ring, 3, 1).toMask());
    }

    @Test
    void iterationsEqualRepeatedSinglePassesOnGreyLevels() {
        Random rnd = new Random(3);
        byte[] px = new byte[13 * 9];
        rnd.nextBytes(px);
        GrayImage img = new GrayImage(new ImageSize(13, 9), px);
        for (int k = 1; k <= 5; k++) {
            GrayImage dilated = img;
            GrayImage eroded = img;
            for (int n = 1; n <= 4; n++) {
                dilated = Morphology.dilate(dilated, k, 1);
                eroded = Morphology.erode(eroded, k, 1);
                assertThat(Morphology.dilate(img, k, n)).as("dilate k=%d n=%d", k, n).isEqualTo(dilated);
                assertThat(Morphology.erode(img, k, n)).as("erode k=%d n=%d", k, n).isEqualTo(eroded);
                assertThat(Morphology.close(img, k, n)).isEqualTo(Morphology.erode(Morphology.dilate(img, k, n), k, n));
            }
        }
        assertThat(Morphology.dilate(img, 3, 0)).isEqualTo(img);
        assertThat(Morphology.erode(img, 1, 4)).isEqualTo(img);
    }

    @Test
    void rejectsBadParameters() {
        GrayImage img = GrayImage.filled(new ImageSize(2, 2), 1);
        assertThatThrownBy(() -> Morphology.dilate(img, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kernel size");
        assertThatThrownBy(() -> Morphology.erode(img, 3, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> Morphology.close((GrayImage) null, 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
