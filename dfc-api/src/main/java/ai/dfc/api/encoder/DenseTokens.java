package ai.dfc.api.encoder;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The output of {@link Encoder#encode}: {@code tokens} of shape {@code [B, L, h·w, C]}, float32, where
 * {@code L} = number of layers, tokens of each layer in row-major grid order (token {@code k} covers grid
 * row {@code k / w}, column {@code k % w}). Token {@code (i, j)}'s centre lies at input pixel
 * {@code (stride·(i + 0.5) − 0.5, stride·(j + 0.5) − 0.5)}. The holder owns {@code tokens}: it is not
 * shared with the encoder and may be modified or released by the caller.
 */
public record DenseTokens(INDArray tokens, int gridHeight, int gridWidth, int stride) {

    public DenseTokens {
        if (tokens == null || tokens.rank() != 4) {
            throw new IllegalArgumentException("tokens must be a rank-4 array [B, L, h*w, C], was "
                    + (tokens == null ? "null" : Arrays.toString(tokens.shape())));
        }
        if (gridHeight <= 0 || gridWidth <= 0 || stride <= 0 || tokens.size(2) != (long) gridHeight * gridWidth) {
            throw new IllegalArgumentException("tokens " + Arrays.toString(tokens.shape()) + " do not match a "
                    + gridHeight + "x" + gridWidth + " grid (stride " + stride + ")");
        }
        if (tokens.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("tokens must be FLOAT (float32), was " + tokens.dataType());
        }
    }

    public long batchSize() {
        return tokens.size(0);
    }

    public long layers() {
        return tokens.size(1);
    }

    public long channels() {
        return tokens.size(3);
    }
}
