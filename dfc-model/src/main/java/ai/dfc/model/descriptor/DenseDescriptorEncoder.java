package ai.dfc.model.descriptor;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderFactory;
import ai.dfc.api.encoder.EncoderInput;
import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.SettingException;
import ai.dfc.api.plugin.Settings;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The offline default image encoder ({@code dense-descriptor}): a hand-crafted, deterministic dense descriptor on
 * the same token grid as DINOv2 (stride 14: 16×16 tokens at 224 px), the baseline a learned head must beat. It
 * needs no download and carries <b>no learned semantics</b>: it knows colours, edges and silhouette shape, not
 * that a spout is for pouring.
 *
 * <p><b>Blocks</b>, in channel order, each computed per token, normalized to unit L2 norm (the gradient block to
 * at most unit norm, see below) and multiplied by its weight setting:
 * <ol>
 *   <li><b>colour</b> ({@link ColourStatistics}), 12 channels: mean colour in a centred opponent space
 *       {@code (l, rg, yb, 1)} over the token cell and boxes of 2 and 4 strides;</li>
 *   <li><b>gradient</b> ({@link GradientHistograms}), {@code gradient_scales × 9 × orientation_bins} channels
 *       (144 by default): orientation histograms with linear bin interpolation over 3×3 Gaussian-weighted cells of
 *       half a stride and (scale 1) a stride, SIFT-style clipped at {@code gradient_clip}; flat regions below
 *       {@code contrast_floor} get proportionally shorter vectors;</li>
 *   <li><b>geometry</b> ({@link SilhouetteGeometry}), 68 channels: position relative to the silhouette's centroid and
 *       spread (49), signed distance to the outline (9) and silhouette coverage of 2- and 4-stride boxes (5 + 5),
 *       each soft-binned.</li>
 * </ol>
 * A block whose weight is 0 is left out. Default layout (stride 14, 8 bins, 2 scales): colour {@code [0, 12)},
 * gradient {@code [12, 156)}, geometry {@code [156, 224)}, {@code C = 224}; {@link #layout()} gives the ranges for
 * any settings. One layer, {@code [0]}.
 *
 * <p><b>Under cosine similarity</b> (what {@code EncoderBaseline} computes after L2-normalizing tokens) the unit
 * blocks make the similarity of two tokens the weight²-weighted mean of the per-block similarities, so no block
 * dominates by its channel count. Tokens are not normalized as a whole: a flat token's shorter gradient block
 * says "no texture here".
 *
 * <p><b>Assumptions and invariances.</b> The geometry block needs a <b>plain background</b>: the object mask is
 * every pixel farther than {@code background_threshold} from the dominant border colour ({@link ObjectMask}); on a
 * cluttered background it is noise. Descriptors are equivariant to translations by whole strides (a token's
 * descriptor moves with its content, as long as its pooling regions, up to 4 strides wide, stay inside the
 * image); the geometry block is unchanged by recolouring the object (as long as it stays distinct from the
 * background); with {@code contrast_floor = 0} the gradient block is unchanged by {@code I → a·I + b}; the colour
 * block is not brightness-invariant (that is what tells a dark part from a light one). Nothing is rotation- or
 * flip-invariant: the position encoding and orientation bins are in image axes. The geometry block depends on the
 * whole silhouette (its centroid, spread and area), so cropping or occluding the object changes every token's
 * position encoding.
 *
 * <p><b>Cost:</b> O(pixels) per image (box sums over summed-area tables, separable smoothing, a linear-time
 * distance transform), pure Java over one bulk copy of the input. The images of a batch, and the colour block,
 * each gradient scale and the geometry block of each image, are computed in parallel on the common fork-join
 * pool, so a single image uses several cores too.
 */
public final class DenseDescriptorEncoder implements Encoder {

    /** Settings of {@code dense-descriptor}. */
    public record Config(
            @JsonPropertyDescription("input pixels per token along each axis (14 matches DINOv2 ViT-*/14)") int stride,
            @JsonPropertyDescription("weight of the colour block (mean opponent colour at 3 scales); 0 leaves it out") double colourWeight,
            @JsonPropertyDescription("weight of the oriented-gradient block; 0 leaves it out") double gradientWeight,
            @JsonPropertyDescription("weight of the silhouette-geometry block (position, distance to outline, coverage); 0 leaves it out") double geometryWeight,
            @JsonPropertyDescription("orientation bins of the gradient histograms") int orientationBins,
            @JsonPropertyDescription("signed orientations over 360 degrees instead of unsigned over 180 (unsigned ignores which side of an edge is darker)") boolean signedOrientation,
            @JsonPropertyDescription("gradient scales; scale k pools 3x3 cells of stride*2^k/2 pixels") int gradientScales,
            @JsonPropertyDescription("SIFT-style clip of the normalized gradient histogram entries") double gradientClip,
            @JsonPropertyDescription("edge contrast (grey levels in [0, 1]) below which gradient histograms are shortened rather than normalized to unit length; 0 normalizes everything") double contrastFloor,
            @JsonPropertyDescription("RGB distance (in [0, 1] units) from the dominant border colour beyond which a pixel is object; assumes a plain background") double backgroundThreshold) {
        public Config {
            Settings.inRange("stride", stride, 2, 512);
            Settings.inRange("colour_weight", colourWeight, 0.0, 100.0);
            Settings.inRange("gradient_weight", gradientWeight, 0.0, 100.0);
            Settings.inRange("geometry_weight", geometryWeight, 0.0, 100.0);
            if (colourWeight == 0 && gradientWeight == 0 && geometryWeight == 0) {
                throw new SettingException("colour_weight",
                        "colour_weight, gradient_weight and geometry_weight are all 0; at least one block must be on");
            }
            Settings.inRange("orientation_bins", orientationBins, 4, 36);
            Settings.inRange("gradient_scales", gradientScales, 1, 4);
            Settings.inRange("gradient_clip", gradientClip, 0.01, 1.0);
            Settings.inRange("contrast_floor", contrastFloor, 0.0, 1.0);
            Settings.inRange("background_threshold", backgroundThreshold, 0.001, 1.0);
        }

        /** The defaults: stride 14, equal block weights, 8 unsigned bins, 2 scales, clip 0.2, floor 0.05, threshold 0.1. */
        public static Config defaults() {
            return new Config(14, 1.0, 1.0, 1.0, 8, false, 2, 0.2, 0.05, 0.1);
        }
    }

    /** The factory, registered by {@link ai.dfc.model.ModelPlugin}. */
    public static final class Factory extends AbstractPluginFactory<Config, Encoder> implements EncoderFactory<Config> {
        public Factory() {
            super("dense-descriptor",
                    "offline default: hand-crafted colour, oriented-gradient and silhouette descriptor per token (no learned semantics)",
                    Config.defaults());
        }

        @Override
        public Encoder create(Config settings, PluginContext context) {
            return new DenseDescriptorEncoder(settings);
        }
    }

    /**
     * Channel ranges {@code [start, end)} of the blocks in a token; a block left out has {@code start == end}.
     */
    public record Layout(int colourStart, int colourEnd, int gradientStart, int gradientEnd, int geometryStart,
                         int geometryEnd) {
        /** Channels per token. */
        public int channels() {
            return geometryEnd;
        }
    }

    private final Config config;
    private final GradientHistograms gradients;
    private final Layout layout;
    private final List<Part> parts;
    private volatile boolean closed;

    public DenseDescriptorEncoder(Config config) {
        this.config = config;
        this.gradients = new GradientHistograms(config.orientationBins(), config.signedOrientation(),
                config.gradientScales(), config.gradientClip(), config.contrastFloor());
        int colourEnd = config.colourWeight() > 0 ? ColourStatistics.CHANNELS : 0;
        int gradientEnd = colourEnd + (config.gradientWeight() > 0 ? gradients.channels() : 0);
        int geometryEnd = gradientEnd + (config.geometryWeight() > 0 ? SilhouetteGeometry.CHANNELS : 0);
        this.layout = new Layout(0, colourEnd, colourEnd, gradientEnd, gradientEnd, geometryEnd);
        this.parts = parts();
    }

    /** Where each block lies in a token. */
    public Layout layout() {
        return layout;
    }

    @Override
    public EncoderSpec spec() {
        return new EncoderSpec(config.stride(), layout.channels(), List.of(0));
    }

    @Override
    public DenseTokens encode(INDArray images) {
        if (closed) {
            throw new IllegalStateException("dense-descriptor encoder is closed");
        }
        int stride = config.stride();
        EncoderInput.check(images, stride, "dense-descriptor");
        int batch = (int) images.size(0);
        int height = (int) images.size(2);
        int width = (int) images.size(3);
        TokenGrid grid = new TokenGrid(stride, height / stride, width / stride);
        int channels = layout.channels();
        float[] rgb = images.dup('c').data().asFloat(); // one bulk copy; everything below is plain arrays
        float[] out = new float[batch * grid.size() * channels];
        // independent units of work: per image the colour block, each gradient scale and the geometry block, so
        // that even a single image (the evaluation encodes one at a time) uses several cores
        int units = parts.size();
        IntStream all = IntStream.range(0, batch * units);
        (batch * units > 1 ? all.parallel() : all).forEach(u -> parts.get(u % units).describe(rgb,
                (u / units) * 3 * height * width, height, width, grid, out, (u / units) * grid.size() * channels));
        return new DenseTokens(Nd4j.createFromArray(out).reshape(batch, 1, grid.size(), channels), grid.rows(),
                grid.cols(), stride);
    }

    /** One independently computable part of an image's tokens. */
    @FunctionalInterface
    private interface Part {
        /** Writes this part of the tokens of the image at {@code rgb[offset]} to {@code out[base + t·C + …]}. */
        void describe(float[] rgb, int offset, int height, int width, TokenGrid grid, float[] out, int base);
    }

    private List<Part> parts() {
        List<Part> list = new ArrayList<>();
        int channels = layout.channels();
        if (layout.colourEnd() > layout.colourStart()) {
            list.add((rgb, offset, height, width, grid, out, base) -> ColourStatistics.describe(rgb, offset, height,
                    width, grid, config.colourWeight(), out, base + layout.colourStart(), channels));
        }
        if (layout.gradientEnd() > layout.gradientStart()) {
            for (int k = 0; k < gradients.scales(); k++) {
                int scale = k;
                list.add((rgb, offset, height, width, grid, out, base) -> gradients.describeScale(scale,
                        grey(rgb, offset, height * width), height, width, grid, config.gradientWeight(), out,
                        base + layout.gradientStart(), channels));
            }
        }
        if (layout.geometryEnd() > layout.geometryStart()) {
            list.add((rgb, offset, height, width, grid, out, base) -> SilhouetteGeometry.describe(
                    ObjectMask.estimate(rgb, offset, height, width, config.backgroundThreshold()), grid,
                    config.geometryWeight(), out, base + layout.geometryStart(), channels));
        }
        return List.copyOf(list);
    }

    /** Grey level {@code (R + G + B) / 3} of the image at {@code rgb[offset]}. */
    private static float[] grey(float[] rgb, int offset, int plane) {
        float[] grey = new float[plane];
        for (int p = 0; p < plane; p++) {
            grey[p] = (rgb[offset + p] + rgb[offset + plane + p] + rgb[offset + 2 * plane + p]) / 3;
        }
        return grey;
    }

    @Override
    public void close() {
        closed = true; // no native memory held
    }
}
