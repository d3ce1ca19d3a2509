package ai.dfc.api.encoder;

import java.util.List;

/**
 * What an {@link Encoder} produces: one token per {@code stride×stride} cell of the input, {@code channels}
 * floats per token, for each of {@code layers}.
 *
 * @param stride   input pixels per token along each axis (14 for DINOv2 ViT-*&#47;14)
 * @param channels floats per token (768 for ViT-B)
 * @param layers   the backbone layers returned, in output order (e.g. {@code [9, 10, 11]} for the last 3
 *                 blocks of a 12-block ViT); a single-layer encoder returns {@code [0]}
 */
public record EncoderSpec(int stride, int channels, List<Integer> layers) {

    public EncoderSpec {
        if (stride <= 0 || channels <= 0) {
            throw new IllegalArgumentException("stride and channels must be > 0, was " + stride + ", " + channels);
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("an encoder returns at least one layer");
        }
        layers = List.copyOf(layers);
    }

    /** Token rows for an input of {@code height} pixels: {@code ⌊height / stride⌋}. */
    public int gridHeight(int height) {
        return height / stride;
    }

    /** Token columns for an input of {@code width} pixels: {@code ⌊width / stride⌋}. */
    public int gridWidth(int width) {
        return width / stride;
    }
}
