package ai.dfc.eval.baseline;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference's bilinear token sampler (SPEC §5.2, §8 item 18) applied to every pixel of an image: pixel
 * {@code (x, y)} of an {@code W × H} image maps to the normalized coordinate {@code 2p/W − 1} (the pixel index
 * itself, not {@code p + 0.5}), which {@code grid_sample(align_corners=False, padding_mode='zeros')} reads at grid
 * position {@code p·w/W − 0.5}; tokens outside the grid count as zero.
 *
 * <p>Implemented as one matrix product {@code S · T}: {@code S} holds each pixel's (at most four) bilinear weights
 * over the {@code h·w} tokens, so sampling all 224² pixels of a 16×16 grid costs one {@code [50176, 256] × [256, C]}
 * product.
 */
public final class BilinearSampler {
    private final int height;
    private final int width;
    private final int gridHeight;
    private final int gridWidth;
    private final INDArray weights;

    /**
     * @param height     image rows (H)
     * @param width      image columns (W)
     * @param gridHeight token rows (h)
     * @param gridWidth  token columns (w)
     */
    public BilinearSampler(int height, int width, int gridHeight, int gridWidth) {
        this.height = height;
        this.width = width;
        this.gridHeight = gridHeight;
        this.gridWidth = gridWidth;
        float[][] s = new float[height * width][gridHeight * gridWidth];
        for (int row = 0; row < height; row++) {
            double gy = (double) row * gridHeight / height - 0.5;
            for (int col = 0; col < width; col++) {
                double gx = (double) col * gridWidth / width - 0.5;
                float[] w = s[row * width + col];
                int x0 = (int) Math.floor(gx);
                int y0 = (int) Math.floor(gy);
                double fx = gx - x0;
                double fy = gy - y0;
                add(w, y0, x0, (1 - fy) * (1 - fx));
                add(w, y0, x0 + 1, (1 - fy) * fx);
                add(w, y0 + 1, x0, fy * (1 - fx));
                add(w, y0 + 1, x0 + 1, fy * fx);
            }
        }
        this.weights = Nd4j.createFromArray(s);
    }

    private void add(float[] w, int ty, int tx, double weight) {
        if (ty >= 0 && ty < gridHeight && tx >= 0 && tx < gridWidth) {
            w[ty * gridWidth + tx] += (float) weight;
        }
    }

    /**
     * @param tokens {@code [h·w, C]} float32 tokens in row-major grid order
     * @return {@code [H·W, C]} sampled features, row-major pixels
     */
    public INDArray sample(INDArray tokens) {
        if (tokens.rank() != 2 || tokens.size(0) != (long) gridHeight * gridWidth) {
            throw new IllegalArgumentException("expected tokens [" + gridHeight * gridWidth + ", C], got "
                    + java.util.Arrays.toString(tokens.shape()));
        }
        return weights.mmul(tokens.castTo(DataType.FLOAT));
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }
}
