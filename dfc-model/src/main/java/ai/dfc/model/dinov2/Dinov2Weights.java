package ai.dfc.model.dinov2;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * All parameters of a DINOv2 ViT in graph layout (see {@link BlockWeights}), independent of the checkpoint's
 * naming. {@code patch} is the patch-embedding convolution as a {@code [3·p·p, C]} matrix whose rows run over
 * (channel, row, column) of the patch, i.e. PyTorch's {@code [C, 3, p, p]} kernel flattened and transposed.
 *
 * @param positions {@code [1 + M·M, C]}: the CLS position, then the grid row-major
 * @param registers {@code [R, C]}, or {@code null} without registers
 */
public record Dinov2Weights(Dinov2Architecture architecture, INDArray patch, INDArray patchBias, INDArray cls,
        INDArray positions, INDArray registers, List<BlockWeights> blocks) {

    public Dinov2Weights {
        blocks = List.copyOf(blocks);
        if (blocks.size() != architecture.depth()) {
            throw new IllegalArgumentException(blocks.size() + " blocks for depth " + architecture.depth());
        }
    }

    /**
     * Random weights of the given shape, for speed measurements only (features are meaningless). Scales keep
     * activations O(1) through the depth.
     */
    public static Dinov2Weights random(Dinov2Architecture a, long seed) {
        Nd4j.getRandom().setSeed(seed);
        int c = a.width();
        int p = a.patch();
        int f = a.ffnHidden();
        int ffnIn = a.swiglu() ? 2 * f : f;
        List<BlockWeights> blocks = new ArrayList<>();
        for (int i = 0; i < a.depth(); i++) {
            blocks.add(new BlockWeights(ones(c), zeros(c), normal(0.02, c, 3 * c), zeros(3 * c), normal(0.02, c, c),
                    zeros(c), full(c, 0.1), ones(c), zeros(c), normal(0.02, c, ffnIn), zeros(ffnIn),
                    normal(0.02, f, c), zeros(c), full(c, 0.1)));
        }
        int grid = a.positionGrid() * a.positionGrid();
        return new Dinov2Weights(a, normal(0.02, 3 * p * p, c), zeros(c), normal(0.02, c), normal(0.02, 1 + grid, c),
                a.registers() > 0 ? normal(0.02, a.registers(), c) : null, blocks);
    }

    private static INDArray normal(double std, long... shape) {
        return Nd4j.randn(DataType.FLOAT, shape).muli(std);
    }

    private static INDArray ones(int n) {
        return Nd4j.ones(DataType.FLOAT, n);
    }

    private static INDArray zeros(int n) {
        return Nd4j.zeros(DataType.FLOAT, n);
    }

    private static INDArray full(int n, double v) {
        return Nd4j.valueArrayOf(new long[] {n}, (float) v);
    }
}
