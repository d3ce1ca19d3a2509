package ai.dfc.model.weights;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A checkpoint: tensors by name. Implementations read lazily, so listing names and shapes is cheap.
 *
 * <p><b>Thread safety:</b> implementations are safe for concurrent reads. <b>Lifecycle:</b> the opener closes
 * it; arrays already returned stay valid after {@link #close()}.
 */
public interface NamedTensors extends AutoCloseable {

    /** The file the tensors come from, for messages. */
    Path source();

    /** All tensor names (metadata entries excluded), in file order. */
    Set<String> names();

    /** The shape of {@code name} ({@code []} for a scalar), or empty if absent. */
    Optional<long[]> shape(String name);

    /**
     * The tensor converted to float32, C order, shape as stored.
     *
     * @throws WeightFileException if {@code name} is absent or not a floating-point tensor (the message names the
     *                             file and the tensor)
     */
    INDArray floats(String name);

    @Override
    void close();
}
