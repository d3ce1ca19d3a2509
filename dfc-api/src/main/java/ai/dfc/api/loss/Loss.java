package ai.dfc.api.loss;

import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * One named term of the training objective (functional InfoNCE, spatial InfoNCE, mask BCE, …), defined as
 * SameDiff operations over the batch's features. The training loop combines terms by the weights in the
 * configuration ({@code losses: {<name>: {weight: w, …}}}): {@code L = Σ wₜ·Lₜ / Σ wₜ}, which reproduces the
 * reference's division by {@code 1 + λ_mask + λ_spat}. A term therefore returns its own unweighted mean.
 *
 * <p>Use only ops whose gradients are sound in ND4J 1.0.0-M2.1 (no {@code logSoftmax(x, dim)},
 * {@code gather}, {@code oneHot}, {@code split}; write log-sum-exp with a max shift); the Loss contract test
 * checks the gradient against finite differences. Instances are stateless and thread-safe.
 */
public interface Loss {

    /** The inputs this term reads; the training loop fails at start-up if a batch cannot provide them. */
    Set<LossInput> inputs();

    /**
     * Adds this term's operations to {@code sd}.
     *
     * @param sd     the graph under construction; add variables with names prefixed by the term's plugin
     *               name so several terms can share one graph
     * @param inputs the batch variables, at least those of {@link #inputs()}
     * @return a float32 scalar (rank 0) variable: the term's mean value over the batch
     */
    SDVariable define(SameDiff sd, LossInputs inputs);
}
