package ai.dfc.geometry.image;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.geometry.Pixel;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares every operation with the output of the libraries the reference uses (Pillow 9.4, OpenCV 4.6, NumPy),
 * recorded by {@code tools/image_ops_reference.py} in {@code manifest.txt} and small {@code .npy} files. All
 * cases are required to match exactly (observed maximum difference: 0 grey levels, Lanczos and bicubic
 * included).
 */
class ImageOpsParityTest {

    private static List<String[]> manifest() throws IOException {
        try (InputStream in = ImageOpsParityTest.class.getResourceAsStream("/ai/dfc/geometry/image/manifest.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.trim().split("\\s+"))
                    .toList();
        }
    }

    @Test
    void theManifestCoversEveryOperation() throws IOException {
        assertThat(manifest().stream().map(f -> f[0]).distinct())
                .containsExactlyInAnyOrder("resize", "blur", "otsu", "dilate", "erode", "close", "crop");
        assertThat(manifest()).hasSizeGreaterThan(90);
    }

    @TestFactory
    Stream<DynamicTest> matchesTheReferenceLibraries() throws IOException {
        return manifest().stream().map(f -> DynamicTest.dynamicTest(String.join(" ", f), () -> check(f)));
    }

    private static void check(String[] f) {
        switch (f[0]) {
            case "resize" -> checkResize(f);
            case "blur" -> {
                GrayImage out = GaussianBlur.blur(NpyFixture.read(f[1]).gray(), Integer.parseInt(f[2]),
                        Double.parseDouble(f[3]));
                assertSameGray(out, NpyFixture.read(f[4]).gray());
            }
            case "otsu" -> {
                OtsuThreshold.Result r = OtsuThreshold.apply(NpyFixture.read(f[1]).gray());
                assertThat(r.threshold()).isEqualTo(Integer.parseInt(f[2]));
                assertSameGray(r.binary(), NpyFixture.read(f[3]).gray());
            }
            case "dilate", "erode", "close" -> {
                GrayImage in = NpyFixture.read(f[1]).gray();
                int k = Integer.parseInt(f[2]);
                int n = Integer.parseInt(f[3]);
                GrayImage out = switch (f[0]) {
                    case "dilate" -> Morphology.dilate(in, k, n);
                    case "erode" -> Morphology.erode(in, k, n);
                    default -> Morphology.close(in, k, n);
                };
                assertSameGray(out, NpyFixture.read(f[4]).gray());
            }
            case "crop" -> checkCrop(f);
            default -> throw new IllegalArgumentException("unknown case " + f[0]);
        }
    }

    private static void checkResize(String[] f) {
        NpyFixture in = NpyFixture.read(f[1]);
        ResampleFilter filter = ResampleFilter.valueOf(f[2].toUpperCase(Locale.ROOT));
        ImageSize size = new ImageSize(Integer.parseInt(f[3]), Integer.parseInt(f[4]));
        NpyFixture expected = NpyFixture.read(f[5]);
        if (in.isRgb()) {
            assertSameBytes(Resize.resize(in.rgb(), size, filter).toBytes(), expected.rgb().toBytes());
        } else {
            assertSameGray(Resize.resize(in.gray(), size, filter), expected.gray());
            if (filter == ResampleFilter.NEAREST) {
                Mask nonZero = in.gray().toMask();
                assertThat(Resize.resizeNearest(nonZero, size)).isEqualTo(expected.gray().toMask());
            }
        }
    }

    private static void checkCrop(String[] f) {
        RgbImage rgb = NpyFixture.read(f[1]).rgb();
        Mask mask = NpyFixture.read(f[2]).gray().toMask();
        GrayImage label = NpyFixture.read(f[3]).gray();
        NpyFixture points = NpyFixture.read(f[4]);
        int pad = Integer.parseInt(f[5]);
        int side = Integer.parseInt(f[6]);

        SquareCrop crop = SquareCrop.fromObjectMask(mask, pad, SquareCrop.REFERENCE_MARGIN, side);

        assertThat(new int[] {crop.x0(), crop.y0(), crop.x1(), crop.y1()}).containsExactly(
                Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]));
        assertSameBytes(crop.applyToRender(rgb, mask).toBytes(), NpyFixture.read(f[11]).rgb().toBytes());
        GrayImage expectedMask = NpyFixture.read(f[12]).gray();
        assertThat(crop.apply(mask)).isEqualTo(expectedMask.toMask());
        assertSameGray(crop.apply(GrayImage.fromMask(mask)), expectedMask);
        assertSameGray(crop.applyToLabel(label, mask), NpyFixture.read(f[13]).gray());
        assertThat(crop.applyToLabel(label.toMask(), mask)).isEqualTo(NpyFixture.read(f[13]).gray().toMask());
        int[] in = points.values();
        int[] expected = NpyFixture.read(f[14]).values();
        for (int i = 0; i < in.length / 2; i++) {
            assertThat(crop.map(new Pixel(in[2 * i], in[2 * i + 1])))
                    .as("point (row %d, col %d)", in[2 * i], in[2 * i + 1])
                    .isEqualTo(new Pixel(expected[2 * i], expected[2 * i + 1]));
        }
    }

    private static void assertSameGray(GrayImage actual, GrayImage expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertSameBytes(actual.toBytes(), expected.toBytes());
    }

    /** Exact equality, reporting the largest difference and how many bytes differ when it fails. */
    private static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        int maxDiff = 0;
        int differing = 0;
        for (int i = 0; i < actual.length; i++) {
            int d = Math.abs((actual[i] & 0xFF) - (expected[i] & 0xFF));
            maxDiff = Math.max(maxDiff, d);
            differing += d > 0 ? 1 : 0;
        }
        assertThat(maxDiff).as("max difference (%d of %d bytes differ)", differing, actual.length).isZero();
    }
}
