package ai.dfc.api.benchmark;

import java.util.List;

/**
 * A set of evaluation pairs with dense ground truth (procedural objects, the authors' Objaverse or HANDAL
 * annotations). Metrics are computed in both directions of every pair.
 *
 * <p><b>Threading:</b> {@link #image} may be called from several threads. <b>Lifecycle:</b> the creator
 * closes it; idempotent.
 */
public interface Benchmark extends AutoCloseable {

    /**
     * All pairs, in a deterministic order (the order metrics are reported in).
     *
     * @throws ai.dfc.api.DfcException if the annotation files are missing or malformed (naming the file)
     */
    List<EvalPair> pairs();

    /**
     * Loads a view's processed image and object mask.
     *
     * @throws ai.dfc.api.DfcException if a file is missing or unreadable (naming it)
     */
    EvalImage image(EvalView view);

    @Override
    void close();
}
