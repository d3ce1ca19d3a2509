package ai.dfc.api.correspondence;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.taxonomy.FunctionName;

/**
 * A method evaluated by label transfer and correspondence discovery: it describes every pixel of an image, for a
 * function, by a feature vector, and may predict the functional region. Baselines (raw encoder features, a
 * grounder's boxes + encoder) and the trained model all implement it, so the evaluation never depends on what a
 * method is.
 *
 * <p><b>Threading:</b> one thread at a time per instance. <b>Lifecycle:</b> the creator closes it; idempotent.
 */
public interface CorrespondenceMethod extends AutoCloseable {

    /** A short name for reports ({@code Dino}, {@code Chance}, {@code DFC epoch 40}). */
    String name();

    /**
     * @param image    a processed evaluation image (224×224 for the reference) with its object mask
     * @param function the function both images of a pair serve
     * @return features of every pixel; owned by the caller
     */
    PixelFeatures describe(EvalImage image, FunctionName function);

    @Override
    void close();
}
