package ai.dfc.labeling.grounder;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import ai.dfc.labeling.http.AnswerKey;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An image as a VLM receives it: optionally padded to a square with white, JPEG-encoded, sent as a
 * {@code data:image/jpeg;base64,} URL — and the geometry needed to map the VLM's boxes back onto the original.
 *
 * <p>Padding follows the reference (SPEC §3.4, LLaVA's {@code expand2square}): the square's side is
 * {@code S = max(W, H)}, the image is pasted at {@code ((S − W) / 2, (S − H) / 2)} (integer division), the rest is
 * white. A square image is sent as it is. JPEG: baseline, quality 0.75 (PIL's default 75), written by
 * {@code javax.imageio}; its bytes are what the answer cache hashes. Immutable.
 */
public final class SentImage {
    /** The prefix of every image URL sent; the reference CogVLM server decodes no other. */
    public static final String DATA_URL_PREFIX = "data:image/jpeg;base64,";
    private static final float JPEG_QUALITY = 0.75f;

    private final ImageSize original;
    private final int width;
    private final int height;
    private final int padLeft;
    private final int padTop;
    private final byte[] jpeg;
    private final String sha256;

    private SentImage(ImageSize original, int width, int height, int padLeft, int padTop, byte[] jpeg) {
        this.original = original;
        this.width = width;
        this.height = height;
        this.padLeft = padLeft;
        this.padTop = padTop;
        this.jpeg = jpeg;
        this.sha256 = AnswerKey.sha256(jpeg);
    }

    /**
     * Prepares {@code image} for sending.
     *
     * @param image       the query image (already RGB)
     * @param padToSquare whether to pad it to a white square first
     * @return the encoded image
     */
    public static SentImage of(RgbImage image, boolean padToSquare) {
        int w = image.width();
        int h = image.height();
        int side = Math.max(w, h);
        int sentW = padToSquare ? side : w;
        int sentH = padToSquare ? side : h;
        int left = (sentW - w) / 2;
        int top = (sentH - h) / 2;
        BufferedImage canvas = new BufferedImage(sentW, sentH, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        byte[] rgb = image.toBytes();
        for (int row = 0; row < h; row++) {
            int dst = (row + top) * sentW + left;
            int src = 3 * row * w;
            for (int col = 0; col < w; col++, src += 3) {
                pixels[dst + col] = (rgb[src] & 0xFF) << 16 | (rgb[src + 1] & 0xFF) << 8 | (rgb[src + 2] & 0xFF);
            }
        }
        return new SentImage(image.size(), sentW, sentH, left, top, encodeJpeg(canvas));
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no JPEG writer (javax.imageio)");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The size of the original (query) image. */
    public ImageSize original() {
        return original;
    }

    /** Width of the image sent, in pixels ({@code max(W, H)} when padded). */
    public int width() {
        return width;
    }

    /** Height of the image sent, in pixels. */
    public int height() {
        return height;
    }

    /** White columns added on the left. */
    public int padLeft() {
        return padLeft;
    }

    /** White rows added on top. */
    public int padTop() {
        return padTop;
    }

    /** A copy of the JPEG bytes. */
    public byte[] jpeg() {
        return jpeg.clone();
    }

    /** Lower-case hex SHA-256 of the JPEG bytes (the image part of the answer-cache key). */
    public String sha256() {
        return sha256;
    }

    /** {@code data:image/jpeg;base64,<JPEG bytes in standard base64>}. */
    public String dataUrl() {
        return DATA_URL_PREFIX + Base64.getEncoder().encodeToString(jpeg);
    }
}
