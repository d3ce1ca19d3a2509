package ai.dfc.geometry.image;

/**
 * The resampling filters of {@link Resize}, each with the semantics of the PIL filter of the same name
 * ({@code Image.resize(size, filter)}; checked against Pillow 9.4), which the reference uses to build its 224-px
 * images.
 */
public enum ResampleFilter {
    /**
     * PIL {@code NEAREST}: output pixel {@code x} takes input pixel {@code floor((x + 0.5)·in/out)} (PIL
     * accumulates the position in double precision, and so does DFC). No new grey levels, so masks and
     * labels stay binary.
     */
    NEAREST(0) {
        @Override
        double weight(double x) {
            throw new UnsupportedOperationException("NEAREST is not a convolution filter");
        }
    },
    /**
     * PIL {@code BICUBIC}: separable cubic convolution with {@code a = −0.5}, support 2, widened by the
     * downscale factor when shrinking (antialiased).
     */
    BICUBIC(2.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            if (ax < 1.0) {
                return ((A + 2.0) * ax - (A + 3.0)) * ax * ax + 1;
            }
            if (ax < 2.0) {
                return (((ax - 5) * ax + 8) * ax - 4) * A;
            }
            return 0.0;
        }
    },
    /**
     * PIL {@code LANCZOS}: separable windowed sinc with {@code a = 3}, support 3, widened by the downscale factor
     * when shrinking (antialiased).
     */
    LANCZOS(3.0) {
        @Override
        double weight(double x) {
            if (-3.0 <= x && x < 3.0) {
                return sinc(x) * sinc(x / 3);
            }
            return 0.0;
        }
    };

    private static final double A = -0.5;

    private final double support;

    ResampleFilter(double support) {
        this.support = support;
    }

    /** Half-width of the filter in input pixels at scale 1 (0 for {@link #NEAREST}). */
    double support() {
        return support;
    }

    /** The (unnormalized) filter weight at distance {@code x} input pixels, at scale 1. */
    abstract double weight(double x);

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = x * Math.PI;
        // StrictMath: the same coefficients on every JVM
        return StrictMath.sin(px) / px;
    }
}
