package ai.dfc.eval.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MatchingTest {

    private static INDArray rows(float[][] r) {
        return Nd4j.createFromArray(r);
    }

    @Test
    void picksTheFirstMaximumInsideTheRegionWithTheMinus100Rule() {
        INDArray targets = rows(new float[][] {{1, 0}, {0, 1}, {1, 0}, {0.5f, 0.5f}});
        INDArray queries = rows(new float[][] {{1, 0}, {0, 1}, {-1, -1}});
        TopOneMatcher.Result all = TopOneMatcher.match(queries, targets, null, 2);
        // (1,0) ties pixels 0 and 2 → the first; (-1,-1) scores −1 everywhere → pixel 0
        assertThat(all.index()).containsExactly(0, 1, 0);
        boolean[] region = {false, false, true, true};
        TopOneMatcher.Result in = TopOneMatcher.match(queries, targets, region, 2);
        assertThat(in.index()).containsExactly(2, 3, 2);
        assertThat(in.score()).containsExactly(1f, 0.5f, -1f);
        // an empty region: everything is −100, so pixel 0 (first maximum), as the reference degenerates
        TopOneMatcher.Result none = TopOneMatcher.match(queries, targets, new boolean[4], 2);
        assertThat(none.index()).containsExactly(0, 0, 0);
        assertThat(none.score()).containsExactly(-100f, -100f, -100f);
    }

    @Test
    void blockedSearchEqualsAPlainLoop() {
        Random random = new Random(1);
        int q = 37;
        int p = 200;
        int d = 5;
        float[][] qa = new float[q][d];
        float[][] ta = new float[p][d];
        boolean[] region = new boolean[p];
        for (float[] row : qa) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) random.nextGaussian();
            }
        }
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < d; k++) {
                ta[i][k] = (float) random.nextGaussian();
            }
            region[i] = random.nextBoolean();
        }
        TopOneMatcher.Result r = TopOneMatcher.match(rows(qa), rows(ta), region, 8);
        for (int i = 0; i < q; i++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += (double) qa[i][k] * ta[j][k];
                }
                s = region[j] ? s : -100;
                if (s > bestScore + 1e-6) {
                    bestScore = s;
                    best = j;
                }
            }
            assertThat(r.index()[i]).as("query %d", i).isEqualTo(best);
        }
    }

    @Test
    void cycleProposalsRankConsistentMatchesFirst() {
        // 1×3 images; image 2 is image 1 mirrored, so every pixel's match comes straight back (d = 0) and the
        // forward similarity decides the order
        INDArray f1 = rows(new float[][] {{1, 0}, {0.6f, 0.8f}, {0, 1}});
        INDArray f2 = rows(new float[][] {{0, 1}, {0.6f, 0.8f}, {1, 0}});
        boolean[] all = {true, true, true};
        CycleProposals.Ranked r = CycleProposals.propose(f1, all, f2, all, 3);
        assertThat(r.size()).isEqualTo(3);
        // similarities: pixel 0 → 1.0 (to col 2), pixel 1 → 1.0 (col 1), pixel 2 → 1.0 (col 0): all equal → ŝ = 0,
        // scores 0, ties in query order
        assertThat(r.source()).containsExactly(0, 0, 0, 1, 0, 2);
        assertThat(r.target()).containsExactly(0, 2, 0, 1, 0, 0);
        // a region excluding col 1 on image 2 makes pixel 1 match elsewhere, breaking its cycle
        CycleProposals.Ranked cut = CycleProposals.propose(f1, all, f2, new boolean[] {true, false, true}, 3);
        assertThat(cut.source()[2 * cut.size() - 1]).as("the inconsistent pixel ranks last").isEqualTo(1);
    }
}
