package ai.dfc.geometry.image;

/**
 * Otsu's threshold with the semantics of OpenCV's
 * {@code cv2.threshold(src, 0, 255, THRESH_BINARY | THRESH_OTSU)} on {@code uint8} (SPEC §3.9 step 3).
 *
 * <p>The threshold {@code t} maximizes the between-class variance {@code q1·q2·(μ1 − μ2)²} of the classes
 * {@code ≤ t} and {@code > t}, computed in double precision in OpenCV's order of operations; the first maximum
 * wins (strict {@code >}), and levels at which either class holds less than {@code FLT_EPSILON} of the pixels
 * are skipped. An image with a single grey level therefore gets {@code t = 0}. The binary image is
 * {@code 255} where {@code value > t}, else 0. Stateless and thread-safe.
 *
 * <p>OpenCV builds with Intel IPP may compute the threshold with IPP instead; DFC follows OpenCV's own code.
 */
public final class OtsuThreshold {
    private static final double FLT_EPSILON = Math.ulp(1.0f);

    /**
     * The threshold and the binarized image.
     *
     * @param threshold the Otsu threshold, 0–255
     * @param binary    {@code 255} where the source is {@code > threshold}, else 0
     */
    public record Result(int threshold, GrayImage binary) {
    }

    private OtsuThreshold() {
    }

    /**
     * The Otsu threshold and the binarized image.
     *
     * @throws IllegalArgumentException if the image is null
     */
    public static Result apply(GrayImage image) {
        int t = threshold(image);
        return new Result(t, image.thresholded(t));
    }

    /**
     * The Otsu threshold, 0–255.
     *
     * @throws IllegalArgumentException if the image is null
     */
    public static int threshold(GrayImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        int[] histogram = new int[256];
        for (byte b : image.pixels()) {
            histogram[b & 0xFF]++;
        }
        double scale = 1.0 / image.size().area();
        double mu = 0;
        for (int i = 0; i < 256; i++) {
            mu += i * (double) histogram[i];
        }
        mu *= scale;
        double mu1 = 0;
        double q1 = 0;
        double maxSigma = 0;
        int best = 0;
        for (int i = 0; i < 256; i++) {
            double p = histogram[i] * scale;
            // OpenCV rescales mu1 before the skip test; kept so that the sums round the same way
            mu1 *= q1;
            q1 += p;
            double q2 = 1.0 - q1;
            if (Math.min(q1, q2) < FLT_EPSILON || Math.max(q1, q2) > 1.0 - FLT_EPSILON) {
                continue;
            }
            mu1 = (mu1 + i * p) / q1;
            double mu2 = (mu - q1 * mu1) / q2;
            double sigma = q1 * q2 * (mu1 - mu2) * (mu1 - mu2);
            if (sigma > maxSigma) {
                maxSigma = sigma;
                best = i;
            }
        }
        return best;
    }
}
