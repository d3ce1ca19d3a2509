package ai.dfc.api.benchmark;

import ai.dfc.api.correspondence.CorrespondenceSet;
import ai.dfc.api.taxonomy.FunctionName;

/**
 * One annotated evaluation pair: two views of objects sharing {@code function}, with dense ground-truth
 * correspondences (row, col) in the processed (224×224) images.
 *
 * @param id          stable identifier (function, assets and trial), unique within the benchmark
 * @param function    the function both functional parts serve
 * @param source      the first image
 * @param target      the second image
 * @param groundTruth entry {@code i} pairs a source pixel with its target pixel
 */
public record EvalPair(String id, FunctionName function, EvalView source, EvalView target,
        CorrespondenceSet groundTruth) {

    public EvalPair {
        if (id == null || id.isBlank() || function == null || source == null || target == null || groundTruth == null) {
            throw new IllegalArgumentException("eval pair needs an id, a function, two views and ground truth");
        }
    }

    /** Whether both images show objects of the same category (the reference's "within" split). */
    public boolean withinCategory() {
        return source.category().equals(target.category());
    }
}
