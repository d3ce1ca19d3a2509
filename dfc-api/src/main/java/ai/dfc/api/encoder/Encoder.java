package ai.dfc.api.encoder;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A frozen image backbone: image batch → dense token grid (DINOv2 ViT, a hand-crafted descriptor, …).
 *
 * <p><b>Threading:</b> an instance may be used by one thread at a time; create one per worker for
 * parallel encoding. <b>Lifecycle:</b> the creator owns the instance and must {@link #close()} it; native
 * memory (weights) is released there. {@code close} is idempotent; {@code encode} after {@code close} throws
 * {@link IllegalStateException}.
 */
public interface Encoder extends AutoCloseable {

    /** Stride, channels and layers of the output; constant for the instance's life. */
    EncoderSpec spec();

    /**
     * Encodes a batch.
     *
     * @param images {@code [B, 3, H, W]} float32, channel-first RGB with values in [0, 1] (plain
     *               {@code byte / 255}; the encoder applies its own normalization, e.g. ImageNet mean/std).
     *               Not modified; still owned by the caller. {@code H, W ≥ stride}; sizes not divisible by the
     *               stride are cropped at the bottom/right as a strided convolution would.
     * @return tokens {@code [B, L, h·w, C]} with {@code h = ⌊H / stride⌋}, {@code w = ⌊W / stride⌋},
     *         {@code L = spec().layers().size()}, {@code C = spec().channels()}; owned by the caller. Image
     *         {@code b}'s tokens depend on image {@code b} only (no batch statistics).
     * @throws IllegalArgumentException if {@code images} has the wrong rank, channel count, dtype or is
     *                                  smaller than one stride
     */
    DenseTokens encode(INDArray images);

    /** Releases weights and native buffers. Idempotent. */
    @Override
    void close();
}
