package ai.dfc.model.weights;

import ai.dfc.geometry.numpy.DType;
import ai.dfc.geometry.numpy.Npz;
import ai.dfc.geometry.numpy.NpyArray;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A NumPy {@code .npz} archive of named arrays (e.g. {@code np.savez(f, **state_dict)}) as {@link NamedTensors}.
 * Read whole on open (npz members are zip entries, not mappable); fine for the sizes people keep as npz.
 */
public final class NpzTensors implements NamedTensors {
    private final Path file;
    private final Map<String, NpyArray> arrays;

    private NpzTensors(Path file, Map<String, NpyArray> arrays) {
        this.file = file;
        this.arrays = arrays;
    }

    /** @throws WeightFileException if the file is missing or not a readable npz */
    public static NpzTensors open(Path file) {
        try {
            return new NpzTensors(file, Collections.unmodifiableMap(Npz.read(file)));
        } catch (NoSuchFileException e) {
            throw new WeightFileException("weight file " + file + " does not exist");
        } catch (IOException | RuntimeException e) {
            throw new WeightFileException("cannot read npz weight file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path source() {
        return file;
    }

    @Override
    public Set<String> names() {
        return arrays.keySet();
    }

    @Override
    public Optional<long[]> shape(String name) {
        NpyArray a = arrays.get(name);
        return a == null ? Optional.empty() : Optional.of(a.shape());
    }

    @Override
    public INDArray floats(String name) {
        NpyArray a = arrays.get(name);
        if (a == null) {
            throw new WeightFileException(file + " has no array '" + name + "'");
        }
        if (a.type() != DType.FLOAT16 && a.type() != DType.FLOAT32 && a.type() != DType.FLOAT64) {
            throw new WeightFileException(file + ": array '" + name + "' is " + a.type() + ", not a floating-point type");
        }
        return Nd4j.create(a.toFloats(), a.shape(), 'c');
    }

    @Override
    public void close() {
        // everything is on the heap
    }
}
