package ai.dfc.model.dinov2;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One transformer block's parameters in the layout the graph multiplies with: linear weights as {@code [in, out]}
 * (PyTorch stores {@code [out, in]}; transposed once at load), q/k/v fused into one {@code [C, 3C]} matrix with
 * columns q | k | v, vectors as {@code [n]}. All float32.
 *
 * @param ffnIn {@code [C, F]} for the GELU MLP, {@code [C, 2F]} (x1 | x2) for SwiGLU
 */
record BlockWeights(INDArray norm1Gain, INDArray norm1Bias, INDArray qkv, INDArray qkvBias, INDArray proj,
        INDArray projBias, INDArray scale1, INDArray norm2Gain, INDArray norm2Bias, INDArray ffnIn, INDArray ffnInBias,
        INDArray ffnOut, INDArray ffnOutBias, INDArray scale2) {
}
