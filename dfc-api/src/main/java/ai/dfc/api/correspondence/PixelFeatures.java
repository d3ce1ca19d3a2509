package ai.dfc.api.correspondence;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dense features of one image for one function: a feature vector per pixel, and optionally the method's
 * prediction of the functional region (the trained model's mask head, a grounder's boxes).
 *
 * @param features       {@code [H·W, D]} float32, row {@code row·W + col} for pixel {@code (row, col)}; similarity
 *                       between two pixels is the dot product of their rows (normalize rows for cosine similarity)
 * @param size           the image size
 * @param functionalMask the predicted functional region, or null when the method predicts none
 */
public record PixelFeatures(INDArray features, ImageSize size, Mask functionalMask) {
    public PixelFeatures {
        if (features == null || size == null || features.rank() != 2 || features.size(0) != size.area()) {
            throw new IllegalArgumentException("features must be [H*W, D] for " + size + ", was "
                    + (features == null ? "null" : Arrays.toString(features.shape())));
        }
        if (functionalMask != null && !functionalMask.size().equals(size)) {
            throw new IllegalArgumentException("functional mask " + functionalMask.size() + " does not match " + size);
        }
    }
}
