package ai.dfc.geometry.raster;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Immutable settings of the {@link Rasterizer}. Build with {@link #builder()} or start from {@link #defaults()}.
 *
 * <p>Shading. Each triangle is flat-shaded: channel {@code = clamp(round(base · (ambient + Σ intensityᵢ · max(0,
 * n·lᵢ))), 0, 255)} with {@code n} the face normal turned towards the camera and {@code base} its part's colour,
 * {@link #partColour(int)}. Part {@code p}'s base colour is {@code palette[p % palette.length]} with every channel moved
 * by a deterministic offset in {@code [−jitter, jitter]} drawn from {@code colourSeed} and {@code p}; pixels without
 * geometry get the background colour. Colours are packed {@code 0xRRGGBB}.
 *
 * <p>Anti-aliasing. With supersampling {@code s > 1} each RGB pixel averages an {@code s × s} grid of samples at
 * offsets {@code (i + 0.5)/s − 0.5} around its centre; depth, mask, part ids and normals always come from the single
 * centre sample.
 *
 * <p>Defaults: supersampling 2; one camera-frame light from the upper left behind the viewer, intensity 0.7; ambient
 * 0.3; white background; a 12-colour palette; colour seed 0, jitter 12; near plane 0.001.
 */
public final class RenderOptions {
    private static final int[] DEFAULT_PALETTE = {
        0xC8553D, 0x4F7CAC, 0x7FB069, 0xE9C46A, 0x9B5DE5, 0x2A9D8F,
        0xF4A261, 0x8D99AE, 0xD62828, 0x3A86FF, 0x6A994E, 0xB5838D};
    private static final int MAX_SUPERSAMPLING = 8;
    private static final int MAX_JITTER = 64;

    private final int supersampling;
    private final List<DirectionalLight> lights;
    private final double ambient;
    private final int backgroundRgb;
    private final int[] palette;
    private final long colourSeed;
    private final int colourJitter;
    private final double nearPlane;

    private RenderOptions(Builder b) {
        this.supersampling = b.supersampling;
        this.lights = List.copyOf(b.lights);
        this.ambient = b.ambient;
        this.backgroundRgb = b.backgroundRgb;
        this.palette = b.palette.clone();
        this.colourSeed = b.colourSeed;
        this.colourJitter = b.colourJitter;
        this.nearPlane = b.nearPlane;
    }

    /** The default options (see the class comment). */
    public static RenderOptions defaults() {
        return new Builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().supersampling(supersampling).lights(lights).ambient(ambient).background(backgroundRgb)
                .palette(palette).colourSeed(colourSeed).colourJitter(colourJitter).nearPlane(nearPlane);
    }

    /** RGB samples per pixel along each axis (1 = no anti-aliasing). */
    public int supersampling() {
        return supersampling;
    }

    /** The directional lights, unmodifiable. */
    public List<DirectionalLight> lights() {
        return lights;
    }

    /** Ambient term, in [0, 1]. */
    public double ambient() {
        return ambient;
    }

    /** Background colour {@code 0xRRGGBB}. */
    public int backgroundRgb() {
        return backgroundRgb;
    }

    /** The part palette, {@code 0xRRGGBB} each; a copy. */
    public int[] palette() {
        return palette.clone();
    }

    /** Seed of the per-part colour offsets. */
    public long colourSeed() {
        return colourSeed;
    }

    /** Largest per-channel colour offset, 0–64. */
    public int colourJitter() {
        return colourJitter;
    }

    /** Camera-space depth of the near clipping plane, scene units, &gt; 0; geometry nearer than it is cut away. */
    public double nearPlane() {
        return nearPlane;
    }

    /**
     * The base colour of part {@code partId}: the palette entry with the deterministic per-part offset.
     *
     * @return {@code 0xRRGGBB}
     * @throws IllegalArgumentException if {@code partId} is negative
     */
    public int partColour(int partId) {
        if (partId < 0) {
            throw new IllegalArgumentException("part id must be >= 0, was " + partId);
        }
        int base = palette[partId % palette.length];
        if (colourJitter == 0) {
            return base;
        }
        // one stream per (seed, part) so a part's colour does not depend on how many parts precede it
        SplittableRandom random = new SplittableRandom(colourSeed ^ (0x9E3779B97F4A7C15L * (partId + 1L)));
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int c = (base >> shift & 0xFF) + random.nextInt(2 * colourJitter + 1) - colourJitter;
            out |= Math.max(0, Math.min(255, c)) << shift;
        }
        return out;
    }

    @Override
    public String toString() {
        return "RenderOptions[supersampling=" + supersampling + ", lights=" + lights + ", ambient=" + ambient
                + ", background=" + String.format("#%06X", backgroundRgb) + ", palette of " + palette.length
                + ", colourSeed=" + colourSeed + ", colourJitter=" + colourJitter + ", nearPlane=" + nearPlane + "]";
    }

    /** Mutable builder of {@link RenderOptions}; not thread-safe. Setters validate at once. */
    public static final class Builder {
        private int supersampling = 2;
        private List<DirectionalLight> lights =
                List.of(new DirectionalLight(-0.3, -0.5, -1, 0.7, DirectionalLight.Frame.CAMERA));
        private double ambient = 0.3;
        private int backgroundRgb = 0xFFFFFF;
        private int[] palette = DEFAULT_PALETTE.clone();
        private long colourSeed;
        private int colourJitter = 12;
        private double nearPlane = 1e-3;

        private Builder() {
        }

        /**
         * RGB samples per pixel along each axis.
         *
         * @throws IllegalArgumentException unless 1 &le; {@code s} &le; 8
         */
        public Builder supersampling(int s) {
            if (s < 1 || s > MAX_SUPERSAMPLING) {
                throw new IllegalArgumentException("supersampling must be in [1, " + MAX_SUPERSAMPLING + "], was " + s);
            }
            this.supersampling = s;
            return this;
        }

        /**
         * The directional lights (may be empty: ambient only).
         *
         * @throws IllegalArgumentException if {@code lights} or an element is null
         */
        public Builder lights(List<DirectionalLight> lights) {
            if (lights == null || lights.stream().anyMatch(l -> l == null)) {
                throw new IllegalArgumentException("lights must be a list without nulls, was " + lights);
            }
            this.lights = List.copyOf(lights);
            return this;
        }

        /**
         * The ambient term.
         *
         * @throws IllegalArgumentException unless 0 &le; {@code ambient} &le; 1
         */
        public Builder ambient(double ambient) {
            if (!(ambient >= 0 && ambient <= 1)) {
                throw new IllegalArgumentException("ambient must be in [0, 1], was " + ambient);
            }
            this.ambient = ambient;
            return this;
        }

        /**
         * Background colour.
         *
         * @throws IllegalArgumentException unless {@code rgb} is in {@code [0, 0xFFFFFF]}
         */
        public Builder background(int rgb) {
            this.backgroundRgb = requireRgb(rgb, "background colour");
            return this;
        }

        /**
         * The part palette; part {@code p} uses entry {@code p % length}.
         *
         * @throws IllegalArgumentException if empty or an entry is outside {@code [0, 0xFFFFFF]}
         */
        public Builder palette(int... rgb) {
            if (rgb == null || rgb.length == 0) {
                throw new IllegalArgumentException("palette must hold at least one colour");
            }
            for (int c : rgb) {
                requireRgb(c, "palette colour");
            }
            this.palette = rgb.clone();
            return this;
        }

        /** Seed of the per-part colour offsets. */
        public Builder colourSeed(long seed) {
            this.colourSeed = seed;
            return this;
        }

        /**
         * Largest per-channel colour offset (0 = palette colours exactly).
         *
         * @throws IllegalArgumentException unless 0 &le; {@code jitter} &le; 64
         */
        public Builder colourJitter(int jitter) {
            if (jitter < 0 || jitter > MAX_JITTER) {
                throw new IllegalArgumentException("colour jitter must be in [0, " + MAX_JITTER + "], was " + jitter);
            }
            this.colourJitter = jitter;
            return this;
        }

        /**
         * Camera-space depth of the near clipping plane.
         *
         * @throws IllegalArgumentException unless finite and &gt; 0
         */
        public Builder nearPlane(double near) {
            if (!(Double.isFinite(near) && near > 0)) {
                throw new IllegalArgumentException("near plane must be finite and > 0, was " + near);
            }
            this.nearPlane = near;
            return this;
        }

        /** The options. */
        public RenderOptions build() {
            return new RenderOptions(this);
        }

        private static int requireRgb(int rgb, String what) {
            if ((rgb & ~0xFFFFFF) != 0) {
                throw new IllegalArgumentException(what + " must be 0xRRGGBB in [0, 0xFFFFFF], was 0x"
                        + Integer.toHexString(rgb));
            }
            return rgb;
        }
    }
}
