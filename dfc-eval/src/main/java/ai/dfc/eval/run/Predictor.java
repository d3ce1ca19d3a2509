package ai.dfc.eval.run;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.eval.match.CycleProposals;

/**
 * What the evaluation asks of a method, for one direction of one pair (image 1 → image 2): label transfer of given
 * query points, and ranked discovery proposals. {@link FeaturePredictor} answers from dense features (every real
 * method); {@link ChancePredictor} answers at random (the reference's Chance baseline).
 */
public interface Predictor {

    /** A short name for reports. */
    String name();

    /**
     * @param queries {@code (row, col)} pairs on image 1
     * @return the predicted {@code (row, col)} pairs on image 2, one per query
     */
    int[] transfer(EvalImage image1, EvalImage image2, FunctionName function, int[] queries);

    /** Ranked proposals from image 1 to image 2, with the region each came from. */
    Proposals discover(EvalImage image1, EvalImage image2, FunctionName function);

    /**
     * Ranked discovery proposals.
     *
     * @param ranked     the proposals, best first
     * @param functional how many of the first proposals came from the functional regions (the rest from the
     *                   remaining object region); 0 when no functional masks were used
     */
    record Proposals(CycleProposals.Ranked ranked, int functional) {
    }
}
