package ai.dfc.api.benchmark;

import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;

/**
 * A processed evaluation image with its object mask, both of the same size (224×224 for the reference).
 *
 * @param image      the image
 * @param objectMask the object's mask
 * @param view       which benchmark view it is (asset, category, image name), or null for images from outside any
 *                   benchmark (a user's photo); methods that need the category (a grounder asking for the category's
 *                   parts) read it here
 */
public record EvalImage(RgbImage image, Mask objectMask, EvalView view) {

    /** An image that belongs to no benchmark view. */
    public EvalImage(RgbImage image, Mask objectMask) {
        this(image, objectMask, null);
    }

    public EvalImage {
        if (image == null || objectMask == null) {
            throw new IllegalArgumentException("eval image needs an image and an object mask");
        }
        if (!image.size().equals(objectMask.size())) {
            throw new IllegalArgumentException("image " + image.size() + " and mask " + objectMask.size() + " differ in size");
        }
    }
}
