package ai.dfc.api.text;

import ai.dfc.api.taxonomy.FunctionName;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Embeds short phrases (function names phrased as "cut with") into L2-normalized vectors, e.g. CLIP's
 * text tower.
 *
 * <p><b>Threading:</b> implementations are thread-safe unless their documentation says otherwise.
 * <b>Lifecycle:</b> the creator closes the instance; {@code close} is idempotent.
 */
public interface TextEncoder extends AutoCloseable {

    /** The embedding dimension {@code D} (512 for CLIP ViT-B/32). */
    int dimension();

    /**
     * Embeds phrases. The result for a phrase does not depend on the other phrases of the call.
     *
     * @param phrases one or more phrases, each non-empty
     * @return {@code [N, D]} float32, row {@code i} the embedding of {@code phrases.get(i)} with unit L2 norm;
     *         owned by the caller
     * @throws IllegalArgumentException if the list is empty or a phrase is blank or too long for the model
     */
    INDArray encode(List<String> phrases);

    /** The embedding {@code [1, D]} of a function's {@linkplain FunctionName#phrase() phrase}. */
    default INDArray encode(FunctionName function) {
        return encode(List.of(function.phrase()));
    }

    /** Releases resources. Idempotent. */
    @Override
    void close();
}
