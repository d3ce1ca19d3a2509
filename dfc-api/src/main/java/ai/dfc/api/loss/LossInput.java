package ai.dfc.api.loss;

/**
 * The feature groups a training batch provides to {@link Loss} terms, as SameDiff variables. All features
 * are float32 and L2-normalized along the last axis unless stated. {@code P} = functional pairs per batch,
 * {@code n} = points sampled per image and region, {@code D} = feature dimension, {@code B} = spatial pairs,
 * {@code m} = correspondences per spatial pair.
 *
 * <p>Functional pairs: images A and B of pair {@code p} show objects that share the batch item's function.
 * Positive points lie on the functional part, negative points on the object outside it (SPEC §6.2).
 */
public enum LossInput {
    /** {@code [P, n, D]}: features at image A's positive points. */
    FUNCTIONAL_POSITIVE_A,
    /** {@code [P, n, D]}: features at image B's positive points. */
    FUNCTIONAL_POSITIVE_B,
    /** {@code [P, n, D]}: features at image A's negative points. */
    FUNCTIONAL_NEGATIVE_A,
    /** {@code [P, n, D]}: features at image B's negative points. */
    FUNCTIONAL_NEGATIVE_B,
    /** {@code [P, n]}: functional-mask logits (not probabilities) at image A's positive points. */
    MASK_LOGIT_POSITIVE_A,
    /** {@code [P, n]}: mask logits at image B's positive points. */
    MASK_LOGIT_POSITIVE_B,
    /** {@code [P, n]}: mask logits at image A's negative points. */
    MASK_LOGIT_NEGATIVE_A,
    /** {@code [P, n]}: mask logits at image B's negative points. */
    MASK_LOGIT_NEGATIVE_B,
    /** {@code [B, m, D]}: features at view 1's points of each spatial pair (two views of one object). */
    SPATIAL_FIRST,
    /** {@code [B, m, D]}: features at view 2's points; row {@code k} shows the same 3-D point as view 1's row {@code k}. */
    SPATIAL_SECOND
}
