package ai.dfc.api.benchmark;

import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;

/**
 * A processed evaluation image with its object mask, both of the same size (224×224 for the reference).
 */
public record EvalImage(RgbImage image, Mask objectMask) {

    public EvalImage {
        if (image == null || objectMask == null) {
            throw new IllegalArgumentException("eval image needs an image and an object mask");
        }
        if (!image.size().equals(objectMask.size())) {
            throw new IllegalArgumentException("image " + image.size() + " and mask " + objectMask.size() + " differ in size");
        }
    }
}
