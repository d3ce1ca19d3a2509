package ai.dfc.testing;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small array helpers for contract checks. */
final class Transforms {
    private Transforms() {
    }

    /** {@code max |a − b|} over all elements; fails if the shapes differ. */
    static double maxAbsDiff(INDArray a, INDArray b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new AssertionError("shapes differ: " + Arrays.toString(a.shape()) + " vs " + Arrays.toString(b.shape()));
        }
        return a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sub(b.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE))
                .amaxNumber().doubleValue();
    }
}
