package ai.dfc.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void labelTransferScoresCountInclusiveThresholds() {
        LabelTransferScores s = LabelTransferScores.of(new double[] {0, 10, 15, 23, 23.5, 223});
        assertThat(s.pck10()).isEqualTo(2 / 6.0);
        assertThat(s.pck15()).isEqualTo(3 / 6.0);
        assertThat(s.pck23()).isEqualTo(4 / 6.0);
        assertThat(s.normalizedDistance()).isCloseTo((0 + 10 + 15 + 23 + 23.5 + 223) / 6 / 223, within(1e-12));
    }

    /**
     * Four ranked proposals, two ground-truth pairs, τ = 1. Proposal 0 wrong, 1 matches GT 1, 2 matches GT 0, 3
     * matches GT 0 again. K = int(4·c): 0 below c = 0.25, then 1, 2 (c ≥ 0.5), 3 (c ≥ 0.75), 4 at c = 1.
     */
    @Test
    void discoveryCurvesMatchAHandWorkedCase() {
        int[] g1 = {10, 10, 50, 50};
        int[] g2 = {20, 20, 60, 60};
        int[] p1 = {0, 0, 50, 51, 10, 10, 11, 10};
        int[] p2 = {0, 0, 60, 60, 20, 21, 20, 20};
        DiscoveryScores s = DiscoveryScores.of(p1, p2, g1, g2, 1);
        // c = 0.01 … 0.24: K = 0 → precision NaN, recall 0, F1 0
        assertThat(s.precision()[0]).isNaN();
        assertThat(s.f1()[23]).isZero();
        // c = 0.25 (index 24): K = 1, proposal 0 wrong → P = 0, R = 0
        assertThat(s.precision()[24]).isZero();
        assertThat(s.recall()[24]).isZero();
        // c = 0.50: K = 2 → P = 1/2, GT 1 found at rank 1 < 2 → R = 1/2
        assertThat(s.precision()[49]).isEqualTo(0.5);
        assertThat(s.recall()[49]).isEqualTo(0.5);
        // c = 0.75: K = 3 → P = 2/3, R = 1, F1 = 0.8
        assertThat(s.precision()[74]).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(s.recall()[74]).isEqualTo(1.0);
        assertThat(s.f1()[74]).isCloseTo(0.8, within(1e-12));
        // c = 1.00: K = 4 → P = 3/4, R = 1 → F1 = 6/7
        assertThat(s.f1()[99]).isCloseTo(6 / 7.0, within(1e-12));
        assertThat(s.bestF1()).isCloseTo(6 / 7.0, within(1e-12));
        // AP: recall steps 0 → 0.5 at c = 0.50 (P = 0.5) and 0.5 → 1 at c = 0.75 (P = 2/3)
        assertThat(s.ap()).isCloseTo(0.5 * 0.5 + 0.5 * 2 / 3.0, within(1e-12));
    }

    @Test
    void floatingPointCutoffsFollowIntOfNTimesC() {
        // 100 proposals, all correct against one GT pair at the same spot: K = int(100 · i/100) — 0.29·100 < 29 in
        // doubles, so the cutoff at c = 0.29 looks at 28 proposals, exactly as Python's int(n*c)
        int[] p = new int[200];
        int[] g = {5, 5};
        Arrays.fill(p, 5);
        DiscoveryScores s = DiscoveryScores.of(p, p, g, g, 0);
        assertThat((int) (100 * (29 / 100.0))).isEqualTo(28);
        assertThat(s.precision()[28]).isEqualTo(1.0);
        assertThat(s.recall()[0]).isEqualTo(1.0);
        assertThat(s.ap()).isEqualTo(1.0);
    }

    @Test
    void noProposalsScoreZero() {
        DiscoveryScores s = DiscoveryScores.of(new int[0], new int[0], new int[] {1, 1}, new int[] {2, 2}, 23);
        assertThat(s.bestF1()).isZero();
        assertThat(s.ap()).isZero();
    }

    /** The grid-accelerated counting against a plain double loop over all proposals and ground-truth pairs. */
    @Test
    void agreesWithBruteForceOnRandomData() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(300);
            int m = 1 + random.nextInt(200);
            int[] p1 = randomPoints(random, n);
            int[] p2 = randomPoints(random, n);
            int[] g1 = randomPoints(random, m);
            int[] g2 = randomPoints(random, m);
            for (int tau : DiscoveryScores.THRESHOLDS) {
                DiscoveryScores fast = DiscoveryScores.of(p1, p2, g1, g2, tau);
                double[][] slow = brute(p1, p2, g1, g2, tau);
                for (int c = 0; c < 100; c++) {
                    assertThat(fast.recall()[c]).isEqualTo(slow[1][c]);
                    if (Double.isNaN(slow[0][c])) {
                        assertThat(fast.precision()[c]).isNaN();
                    } else {
                        assertThat(fast.precision()[c]).isEqualTo(slow[0][c]);
                    }
                }
            }
        }
    }

    private static int[] randomPoints(Random r, int n) {
        int[] p = new int[2 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextInt(60);
        }
        return p;
    }

    private static double[][] brute(int[] p1, int[] p2, int[] g1, int[] g2, double tau) {
        int n = p1.length / 2;
        int m = g1.length / 2;
        boolean[] correct = new boolean[n];
        int[] first = new int[m];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                boolean a = Math.hypot(p1[2 * i] - g1[2 * k], p1[2 * i + 1] - g1[2 * k + 1]) <= tau;
                boolean b = Math.hypot(p2[2 * i] - g2[2 * k], p2[2 * i + 1] - g2[2 * k + 1]) <= tau;
                if (a && b) {
                    correct[i] = true;
                    first[k] = Math.min(first[k], i);
                }
            }
        }
        double[][] out = new double[2][100];
        for (int c = 1; c <= 100; c++) {
            int k = (int) (n * (c / 100.0));
            int hits = 0;
            for (int i = 0; i < k; i++) {
                hits += correct[i] ? 1 : 0;
            }
            int found = 0;
            for (int f : first) {
                found += f < k ? 1 : 0;
            }
            out[0][c - 1] = k == 0 ? Double.NaN : (double) hits / k;
            out[1][c - 1] = (double) found / m;
        }
        return out;
    }
}
