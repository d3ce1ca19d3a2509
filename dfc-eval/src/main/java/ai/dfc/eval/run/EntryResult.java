package ai.dfc.eval.run;

import ai.dfc.eval.metrics.DiscoveryScores;
import ai.dfc.eval.metrics.LabelTransferScores;
import java.util.Map;

/**
 * The scores of one direction entry (one annotated pair, one direction), as the reference's result files list them.
 *
 * @param pairId        the benchmark pair id
 * @param reversed      false for image 1 → image 2, true for image 2 → image 1
 * @param within        whether both images show the same category
 * @param labelTransfer label-transfer scores
 * @param discovery     discovery scores by threshold (23, 15, 10, 5)
 */
public record EntryResult(String pairId, boolean reversed, boolean within, LabelTransferScores labelTransfer,
        Map<Integer, DiscoveryScores> discovery) {
    public EntryResult {
        discovery = Map.copyOf(discovery);
    }
}
