package ai.dfc.labeling.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.edge.EdgeEstimator;
import ai.dfc.api.geometry.Box;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.geometry.points.ViewVisibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §3.8 on a hand-built scene: six points, three views. */
class HeatmapVotingTest {

    @Test
    void eachVisiblePointGainsTheNumberOfBoxesContainingItsPixelInclusively() {
        // view A: points 0..3 at (row, col) (5,5) (5,10) (10,10) (20,20) and point 4 at (3,25)
        ViewVisibility a = ViewVisibility.of(new int[] {0, 1, 2, 3, 4}, new int[] {5, 5, 10, 20, 3},
                new int[] {5, 10, 10, 20, 25});
        List<Box> boxesA = List.of(
                new Box(5, 5, 10, 10),   // x 5..10, y 5..10: points 0, 1, 2 (borders included)
                new Box(10, 0, 30, 10),  // x 10..30, y 0..10: points 1, 2 and 4 (col 25, row 3)
                new Box(0, 0, 4, 4));    // nothing
        // view B: only two boxes → skipped, although they contain point 5
        ViewVisibility b = ViewVisibility.of(new int[] {5}, new int[] {1}, new int[] {1});
        List<Box> boxesB = List.of(new Box(0, 0, 9, 9), new Box(0, 0, 9, 9));
        // view C: four boxes around (0,0)..(7,7); point 0 seen again at (7,7), point 4 at (0,0); point 3 at (25,3) is
        // inside none: a box wide in x and short in y does not take a point that is short in x and far in y
        ViewVisibility c = ViewVisibility.of(new int[] {0, 4, 3}, new int[] {7, 0, 25}, new int[] {7, 0, 3});
        List<Box> boxesC = List.of(new Box(0, 0, 7, 7), new Box(0, 0, 7, 7), new Box(0, 0, 7, 7),
                new Box(0, 0, 30, 5));
        double[] h = HeatmapVoting.vote(7, List.of(new HeatmapVoting.ViewVotes(a, boxesA),
                new HeatmapVoting.ViewVotes(b, boxesB), new HeatmapVoting.ViewVotes(c, boxesC)));
        // point 0: 1 (A) + 3 (C: the three 0..7 boxes; the fourth reaches only row 5)
        // point 4: 1 (A) + 4 (C) ; point 3 appears in A and C but in no box
        assertThat(h).containsExactly(4, 2, 2, 0, 5, 0, 0);
    }

    @Test
    void edgeWeightsMultiplyTheVotes() {
        double[] h = {4, 2, 2, 0};
        HeatmapVoting.weightByEdges(h, new float[] {0.5f, 1f, 0f, 0.25f});
        assertThat(h).containsExactly(2, 2, 0, 0);
    }

    /** Edge probability = the point's x coordinate, with out-of-range values for the first points. */
    private static final class XEdges implements EdgeEstimator {
        int seen;

        @Override
        public float[] edgeProbabilities(PointCloud cloud) {
            seen = cloud.size();
            float[] p = new float[cloud.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = cloud.coordinate(i, 0);
            }
            return p;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void smallCloudsGiveTheEstimatorEveryPointInOrder() {
        float[] xyz = {0.25f, 0, 0, 1.5f, 0, 0, Float.MIN_VALUE, 1, 0, 0.75f, 2, 0};
        XEdges e = new XEdges();
        float[] p = EdgeWeights.perPoint(new PointCloud(xyz, null, null), e, 1);
        assertThat(e.seen).isEqualTo(4);
        assertThat(p).containsExactly(0.25f, 1f, Float.MIN_VALUE, 0.75f); // 1.5 clamped to 1
    }

    @Test
    void largeCloudsTakeTheProbabilityOfTheNearestSampledPoint() {
        int n = 12_000;
        float[] xyz = new float[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = (float) i / n; // points on a line, 1/12000 apart
        }
        XEdges e = new XEdges();
        float[] p = EdgeWeights.perPoint(new PointCloud(xyz, null, null), e, 42);
        assertThat(e.seen).isEqualTo(EdgeWeights.SAMPLE_SIZE);
        int[] sample = EdgeWeights.subsample(n, EdgeWeights.SAMPLE_SIZE, 42);
        assertThat(sample).doesNotHaveDuplicates();
        for (int s : sample) {
            assertThat(p[s]).isEqualTo(xyz[3 * s]); // a sampled point is its own nearest neighbour
        }
        for (int i = 0; i < n; i++) {
            // 2000 of 12000 points are left out at random: the nearest sampled one is a few spacings away at most
            assertThat((double) p[i]).isCloseTo(xyz[3 * i], within(20.0 / n));
        }
        assertThat(EdgeWeights.perPoint(new PointCloud(xyz, null, null), e, 42)).containsExactly(p);
    }
}
