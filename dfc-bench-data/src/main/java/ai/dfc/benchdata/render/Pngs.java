package ai.dfc.benchdata.render;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.geometry.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG reading and writing (ImageIO) for renders, masks and label maps; writes are atomic. */
public final class Pngs {
    private Pngs() {
    }

    /** RGBA: the image where {@code alpha} is set, transparent black elsewhere (the reference's film-transparent renders). */
    public static void writeRgba(Path file, RgbImage rgb, Mask alpha) throws IOException {
        BufferedImage img = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_INT_ARGB);
        for (int r = 0; r < rgb.height(); r++) {
            for (int c = 0; c < rgb.width(); c++) {
                img.setRGB(c, r, alpha.get(r, c) ? 0xFF000000 | rgb.rgb(r, c) : 0);
            }
        }
        write(file, img);
    }

    /** An opaque RGB image. */
    public static void writeRgb(Path file, RgbImage rgb) throws IOException {
        BufferedImage img = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rgb.height(); r++) {
            for (int c = 0; c < rgb.width(); c++) {
                img.setRGB(c, r, rgb.rgb(r, c));
            }
        }
        write(file, img);
    }

    /** An 8-bit grey image from one byte per pixel, row-major. */
    public static void writeGray(Path file, ImageSize size, byte[] values) throws IOException {
        BufferedImage img = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, size.width(), size.height(), values);
        write(file, img);
    }

    /** A mask as 0/255. */
    public static void writeMask(Path file, Mask mask) throws IOException {
        byte[] b = mask.toBytes();
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (b[i] != 0 ? 255 : 0);
        }
        writeGray(file, mask.size(), b);
    }

    /** Reads any PNG as RGB (alpha dropped without compositing, as PIL's {@code convert("RGB")} does). */
    public static RgbImage readRgb(Path file) throws IOException {
        BufferedImage img = read(file);
        byte[] out = new byte[3 * img.getWidth() * img.getHeight()];
        for (int r = 0; r < img.getHeight(); r++) {
            for (int c = 0; c < img.getWidth(); c++) {
                int p = img.getRGB(c, r);
                int i = 3 * (r * img.getWidth() + c);
                out[i] = (byte) (p >> 16);
                out[i + 1] = (byte) (p >> 8);
                out[i + 2] = (byte) p;
            }
        }
        return new RgbImage(new ImageSize(img.getWidth(), img.getHeight()), out);
    }

    /** The alpha channel of an RGBA PNG as a mask (alpha &gt; 127), or all-true for images without alpha. */
    public static Mask readAlpha(Path file) throws IOException {
        BufferedImage img = read(file);
        boolean[] m = new boolean[img.getWidth() * img.getHeight()];
        boolean hasAlpha = img.getColorModel().hasAlpha();
        for (int r = 0; r < img.getHeight(); r++) {
            for (int c = 0; c < img.getWidth(); c++) {
                m[r * img.getWidth() + c] = !hasAlpha || (img.getRGB(c, r) >>> 24) > 127;
            }
        }
        return Mask.fromBooleans(new ImageSize(img.getWidth(), img.getHeight()), m);
    }

    /** The grey values (0–255) of an 8-bit grey PNG, row-major. */
    public static int[] readGray(Path file) throws IOException {
        return gray(read(file), file);
    }

    private static int[] gray(BufferedImage img, Path file) throws IOException {
        if (img.getRaster().getNumBands() != 1) {
            throw new IOException(file + ": expected a single-channel (grey) PNG");
        }
        int[] out = new int[img.getWidth() * img.getHeight()];
        img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), out);
        return out;
    }

    /** A 0/255 (or any non-zero) grey PNG as a mask. */
    public static Mask readMask(Path file) throws IOException {
        BufferedImage img = read(file);
        int[] g = gray(img, file);
        boolean[] m = new boolean[g.length];
        for (int i = 0; i < g.length; i++) {
            m[i] = g[i] != 0;
        }
        return Mask.fromBooleans(new ImageSize(img.getWidth(), img.getHeight()), m);
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(file + ": not a readable image");
        }
        return img;
    }

    /** Writes any image as PNG atomically. */
    public static void write(Path file, BufferedImage img) throws IOException {
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
