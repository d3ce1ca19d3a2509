package ai.dfc.labeling.pipeline;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.Mask;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test grounder that answers the bounding box of the query's true part mask ({@code [min col, min row, max col,
 * max row]}, so inclusive containment covers exactly the part's pixels), or no box when the part is hidden or the
 * query has no truth. Counts its calls.
 */
final class TruthBoxGrounder implements Grounder {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Grounding ground(GroundingQuery query) {
        calls.incrementAndGet();
        Mask truth = query.truth();
        if (truth == null || truth.isEmpty()) {
            return Grounding.of(List.of(), "");
        }
        int w = truth.size().width();
        int minR = Integer.MAX_VALUE;
        int minC = Integer.MAX_VALUE;
        int maxR = -1;
        int maxC = -1;
        for (int i : truth.flatIndices()) {
            minR = Math.min(minR, i / w);
            maxR = Math.max(maxR, i / w);
            minC = Math.min(minC, i % w);
            maxC = Math.max(maxC, i % w);
        }
        return Grounding.of(List.of(new Box(minC, minR, maxC, maxR)), "");
    }

    @Override
    public void close() {
    }
}
