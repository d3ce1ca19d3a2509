package ai.dfc.eval.metrics;

/**
 * Label-transfer scores of one direction entry (SPEC §7.1, aggregated per entry as the reference's
 * {@code gather_results} does): mean error ÷ 223 and the fraction of points within 23, 15 and 10 px.
 *
 * @param normalizedDistance mean Euclidean error in 224-px space divided by 223
 * @param pck23              fraction of errors ≤ 23 px
 * @param pck15              fraction ≤ 15 px
 * @param pck10              fraction ≤ 10 px
 * @param points             number of query points
 */
public record LabelTransferScores(double normalizedDistance, double pck23, double pck15, double pck10, int points) {
    /** The reference's normalization: the largest coordinate difference in a 224-px image. */
    public static final double DIAGONAL_NORMALIZER = 223;

    /**
     * @param errors per query point, the distance in pixels between prediction and ground truth
     * @throws IllegalArgumentException if there are no errors (an entry always has ground-truth points)
     */
    public static LabelTransferScores of(double[] errors) {
        if (errors.length == 0) {
            throw new IllegalArgumentException("label transfer needs at least one ground-truth point");
        }
        double sum = 0;
        int p23 = 0;
        int p15 = 0;
        int p10 = 0;
        for (double e : errors) {
            sum += e;
            p23 += e <= 23 ? 1 : 0;
            p15 += e <= 15 ? 1 : 0;
            p10 += e <= 10 ? 1 : 0;
        }
        int n = errors.length;
        return new LabelTransferScores(sum / n / DIAGONAL_NORMALIZER, (double) p23 / n, (double) p15 / n, (double) p10 / n, n);
    }
}
