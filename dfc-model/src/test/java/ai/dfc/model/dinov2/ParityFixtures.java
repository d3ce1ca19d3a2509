package ai.dfc.model.dinov2;

import ai.dfc.geometry.numpy.Npz;
import ai.dfc.geometry.numpy.NpyArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The PyTorch-made fixtures under {@code src/test/resources/parity} (see tools/parity/README.md). */
final class ParityFixtures {
    private ParityFixtures() {
    }

    static Path dir(String name) {
        try {
            return Path.of(ParityFixtures.class.getResource("/parity/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, NpyArray> io(String name) {
        try {
            return Npz.read(dir(name).resolve("io.npz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static INDArray array(Map<String, NpyArray> io, String key) {
        NpyArray a = io.get(key);
        if (a == null) {
            throw new IllegalArgumentException("fixture has no array " + key + ", only " + io.keySet());
        }
        return Nd4j.create(a.toFloats(), a.shape(), 'c');
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new AssertionError("shapes differ: " + java.util.Arrays.toString(a.shape()) + " vs "
                    + java.util.Arrays.toString(b.shape()));
        }
        return a.sub(b).amaxNumber().doubleValue();
    }
}
