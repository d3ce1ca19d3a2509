package ai.dfc.api.encoder;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The input checks every {@link Encoder#encode} makes, with the same messages for every encoder. */
public final class EncoderInput {
    private EncoderInput() {
    }

    /**
     * Checks that {@code images} is a non-empty float32 {@code [B, 3, H, W]} batch with {@code H, W ≥ stride}.
     *
     * @param encoder the plugin name, for messages
     * @throws IllegalArgumentException naming what is wrong and the shape or dtype seen
     */
    public static void check(INDArray images, int stride, String encoder) {
        if (images == null || images.rank() != 4 || images.size(1) != 3) {
            throw new IllegalArgumentException(encoder + ": images must be [B, 3, H, W], was "
                    + (images == null ? "null" : Arrays.toString(images.shape())));
        }
        if (images.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException(encoder + ": images must be FLOAT (float32), was " + images.dataType());
        }
        if (images.size(0) == 0 || images.size(2) < stride || images.size(3) < stride) {
            throw new IllegalArgumentException(encoder + ": images " + Arrays.toString(images.shape())
                    + " must hold at least one image of at least one stride (" + stride + " px) per side");
        }
    }
}
