package ai.dfc.model.descriptor;

/**
 * A scalar encoded as the activations of Gaussian bumps at {@code count} evenly spaced centres
 * {@code first, first + step, …} with standard deviation {@code step}, L2-normalized.
 *
 * <p>Why: a raw scalar (a position, a distance) inside an L2-normalized token would be compared by cosine
 * similarity, which ignores its magnitude. Soft bins turn it into a unit vector whose cosine with another
 * encoding falls smoothly with the difference, about {@code exp(−(a − b)² / (4·step²))}, and reaches 1 only for
 * equal values. Values beyond the outer centres are clamped to them.
 */
record SoftBins(double first, double step, int count) {

    double last() {
        return first + (count - 1) * step;
    }

    /** Writes the unit-norm encoding of {@code value} to {@code out[offset … offset + count)}. */
    void encode(double value, double[] out, int offset) {
        double v = Math.min(Math.max(value, first), last());
        double inv = 1 / (2 * step * step);
        double norm = 0;
        for (int m = 0; m < count; m++) {
            double d = v - (first + m * step);
            double a = Math.exp(-d * d * inv);
            out[offset + m] = a;
            norm += a * a;
        }
        // the nearest centre is within step/2, so norm ≥ exp(−1/4)² > 0
        double scale = 1 / Math.sqrt(norm);
        for (int m = 0; m < count; m++) {
            out[offset + m] *= scale;
        }
    }
}
