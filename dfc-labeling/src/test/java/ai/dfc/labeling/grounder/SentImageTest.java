package ai.dfc.labeling.grounder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SentImageTest {
    static BufferedImage decode(String dataUrl) throws Exception {
        assertThat(dataUrl).startsWith("data:image/jpeg;base64,");
        byte[] jpeg = Base64.getDecoder().decode(dataUrl.substring("data:image/jpeg;base64,".length()));
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8); // JPEG SOI marker
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static int[] rgb(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        return new int[] {p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF};
    }

    @Test
    void sendsASquareImageAsItIs() throws Exception {
        SentImage s = SentImage.of(RgbImage.filled(ImageSize.square(490), 0x204080), true);
        assertThat(s.width()).isEqualTo(490);
        assertThat(s.height()).isEqualTo(490);
        assertThat(s.padLeft()).isZero();
        assertThat(s.padTop()).isZero();
        BufferedImage back = decode(s.dataUrl());
        assertThat(back.getWidth()).isEqualTo(490);
        assertThat(back.getHeight()).isEqualTo(490);
        assertThat(rgb(back, 245, 245)).satisfies(c -> {
            assertThat(c[0]).isBetween(0x20 - 6, 0x20 + 6);
            assertThat(c[1]).isBetween(0x40 - 6, 0x40 + 6);
            assertThat(c[2]).isBetween(0x80 - 6, 0x80 + 6);
        });
    }

    @Test
    void padsWithWhiteCentredAsExpand2square() throws Exception {
        SentImage wide = SentImage.of(RgbImage.filled(new ImageSize(64, 21), 0x000000), true);
        assertThat(wide.width()).isEqualTo(64);
        assertThat(wide.height()).isEqualTo(64);
        assertThat(wide.padLeft()).isZero();
        assertThat(wide.padTop()).isEqualTo(21); // (64 - 21) / 2
        assertThat(wide.original()).isEqualTo(new ImageSize(64, 21));
        BufferedImage back = decode(wide.dataUrl());
        assertThat(back.getHeight()).isEqualTo(64);
        assertThat(rgb(back, 32, 5)[0]).as("padding is white").isGreaterThan(245);
        assertThat(rgb(back, 32, 60)[0]).isGreaterThan(245);
        assertThat(rgb(back, 32, 31)[0]).as("the image is black").isLessThan(10);
        SentImage tall = SentImage.of(RgbImage.filled(new ImageSize(21, 64), 0), true);
        assertThat(tall.padLeft()).isEqualTo(21);
        assertThat(tall.padTop()).isZero();
        SentImage unpadded = SentImage.of(RgbImage.filled(new ImageSize(64, 21), 0), false);
        assertThat(unpadded.width()).isEqualTo(64);
        assertThat(unpadded.height()).isEqualTo(21);
        assertThat(decode(unpadded.dataUrl()).getHeight()).isEqualTo(21);
    }

    @Test
    void hashesTheJpegBytesDeterministically() {
        RgbImage img = RgbImage.filled(ImageSize.square(32), 0x123456);
        SentImage a = SentImage.of(img, true);
        SentImage b = SentImage.of(img, true);
        assertThat(a.sha256()).isEqualTo(b.sha256()).hasSize(64);
        assertThat(a.jpeg()).isEqualTo(b.jpeg());
        assertThat(SentImage.of(RgbImage.filled(ImageSize.square(32), 0x123457 ^ 0xFF), true).sha256()).isNotEqualTo(a.sha256());
    }
}
