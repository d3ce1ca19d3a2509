package ai.dfc.model.cache;

import ai.dfc.api.image.RgbImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An image to {@link FeatureCache#fill}: a name for messages and a loader, called once, when the fill reaches the
 * image (so a long list of files does not hold every image in memory).
 *
 * @param name   what messages call the image, e.g. its path
 * @param loader reads the image
 */
public record ImageSource(String name, Loader loader) {

    /** Reads an image. */
    @FunctionalInterface
    public interface Loader {
        RgbImage load() throws IOException;
    }

    /** Reads an image file (the caller supplies the decoder, e.g. {@code Pngs::readRgb}). */
    @FunctionalInterface
    public interface Reader {
        RgbImage read(Path file) throws IOException;
    }

    public ImageSource {
        if (name == null || loader == null) {
            throw new IllegalArgumentException("an image source needs a name and a loader");
        }
    }

    /** An image already in memory. */
    public static ImageSource of(String name, RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image " + name + " is null");
        }
        return new ImageSource(name, () -> image);
    }

    /** An image file, read with {@code reader} when the fill reaches it. */
    public static ImageSource file(Path file, Reader reader) {
        return new ImageSource(file.toString(), () -> reader.read(file));
    }

    /**
     * Loads the image.
     *
     * @throws IOException naming the image if it cannot be read
     */
    public RgbImage load() throws IOException {
        try {
            RgbImage image = loader.load();
            if (image == null) {
                throw new IOException("loader returned no image");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read image " + name + ": " + e.getMessage(), e);
        }
    }
}
