package ai.dfc.labeling.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §3.5 on box sets small enough to work out by hand. */
class BoxClusteringTest {

    private static double[][] centres(List<Box> boxes) {
        return boxes.stream().map(b -> new double[] {b.centreX(), b.centreY()}).toArray(double[][]::new);
    }

    /** Silhouette of one point: (b − a) / max(a, b). */
    private static double s(double a, double b) {
        return (b - a) / Math.max(a, b);
    }

    @Test
    void threeAgreeingBoxesAndAnOutlierGiveTwoClustersAndTheMeanOfTheThree() {
        // centres P0 (20,20), P1 (22,20), P2 (20,22), P3 (120,120)
        List<Box> boxes = List.of(new Box(10, 10, 30, 30), new Box(12, 10, 32, 30), new Box(10, 12, 30, 32),
                new Box(100, 100, 140, 140));
        // k = 2, clusters {P0, P1, P2} {P3}: a and b worked out from the pairwise distances
        double d01 = 2;
        double d02 = 2;
        double d12 = Math.sqrt(8);
        double d03 = Math.hypot(100, 100);
        double d13 = Math.hypot(98, 100);
        double d23 = Math.hypot(100, 98);
        double k2 = (s((d01 + d02) / 2, d03) + s((d01 + d12) / 2, d13) + s((d02 + d12) / 2, d23) + 0) / 4;
        assertThat(BoxClustering.silhouette(centres(boxes), new int[] {0, 0, 0, 1})).isCloseTo(k2, within(1e-12));
        assertThat(k2).isCloseTo(0.7378, within(1e-3));
        // any 3-cluster split of the near points scores far lower, e.g. {P0, P1} {P2} {P3}:
        double k3 = (s(d01, Math.min(d02, d03)) + s(d01, Math.min(d12, d13)) + 0 + 0) / 4;
        assertThat(BoxClustering.silhouette(centres(boxes), new int[] {0, 0, 1, 2})).isCloseTo(k3, within(1e-12));
        assertThat(k3).isLessThan(k2);

        BoxClustering.Aggregate a = BoxClustering.aggregate(boxes);
        assertThat(a.k()).isEqualTo(2);
        assertThat(a.labels()).containsExactly(0, 0, 0, 1);
        assertThat(a.cluster()).isZero();
        // mean (10+12+10)/3 = 10.67 → 10, (30+32+30)/3 = 30.67 → 30: truncated
        assertThat(a.box()).isEqualTo(new Box(10, 10, 30, 30));
    }

    @Test
    void aTieBetweenEquallyLargeClustersGoesToTheClusterOfTheFirstBox() {
        // pairs around (110, 110) [boxes 0 and 3] and (10, 11) [boxes 1 and 2]
        List<Box> boxes = List.of(new Box(100, 100, 120, 120), new Box(0, 0, 20, 20), new Box(0, 2, 20, 22),
                new Box(102, 100, 122, 120));
        BoxClustering.Aggregate a = BoxClustering.aggregate(boxes);
        assertThat(a.k()).isEqualTo(2);
        assertThat(a.labels()).containsExactly(0, 1, 1, 0);
        assertThat(a.cluster()).isZero();
        assertThat(a.box()).isEqualTo(new Box(101, 100, 121, 120));
        // and the same boxes in another order: the first box's pair wins
        BoxClustering.Aggregate b = BoxClustering.aggregate(List.of(boxes.get(1), boxes.get(0), boxes.get(3),
                boxes.get(2)));
        assertThat(b.box()).isEqualTo(new Box(0, 1, 20, 21));
    }

    @Test
    void identicalBoxesCannotBeSplitSoTheDefaultSingleClusterIsKept() {
        Box box = new Box(3, 4, 50, 60);
        BoxClustering.Aggregate a = BoxClustering.aggregate(List.of(box, box, box, box));
        // k-means on four equal centres yields one distinct label for k = 2 and 3: silhouette undefined (−1)
        assertThat(BoxClustering.silhouette(centres(List.of(box, box, box, box)), new int[] {0, 0, 0, 0}))
                .isEqualTo(-1);
        assertThat(a.k()).isEqualTo(1);
        assertThat(a.labels()).containsOnly(0);
        assertThat(a.box()).isEqualTo(box);
    }

    @Test
    void twoBoxesLeaveNoCandidateKAndAverageBoth() {
        // k runs over 2 … min(2, 5) − 1 = 1: nothing to try, k = 1
        BoxClustering.Aggregate a = BoxClustering.aggregate(List.of(new Box(0, 0, 10, 10), new Box(5, 5, 21, 21)));
        assertThat(a.k()).isEqualTo(1);
        assertThat(a.box()).isEqualTo(new Box(2, 2, 15, 15)); // 2.5, 2.5, 15.5, 15.5 truncated
        assertThat(BoxClustering.aggregateBox(List.of())).isEmpty();
    }

    @Test
    void aTieBetweenKsKeepsTheSmallerK() {
        // three equal boxes and one elsewhere: k = 2 gives {A, A, A} {B} with silhouette (1 + 1 + 1 + 0) / 4; k = 3
        // cannot find a third distinct centre, leaves one centre empty and scores the same → k = 2 stays
        Box a = new Box(0, 0, 10, 10);
        Box b = new Box(200, 200, 210, 210);
        double[][] c = centres(List.of(a, a, a, b));
        assertThat(BoxClustering.silhouette(c, new int[] {0, 0, 0, 1})).isEqualTo(0.75);
        BoxClustering.Aggregate agg = BoxClustering.aggregate(List.of(a, a, a, b));
        assertThat(agg.k()).isEqualTo(2);
        assertThat(agg.box()).isEqualTo(a);
    }

    @Test
    void silhouetteFollowsScikitLearnsDefinitionOnSingletonsAndLabelCounts() {
        double[][] line = {{0, 0}, {1, 0}, {10, 0}, {11, 0}};
        // {0,1} {10,11}: a = 1, b = mean(10, 11) = 10.5 or mean(9, 10) = 9.5
        double expected = (s(1, 10.5) + s(1, 9.5) + s(1, 9.5) + s(1, 10.5)) / 4;
        assertThat(BoxClustering.silhouette(line, new int[] {0, 0, 1, 1})).isCloseTo(expected, within(1e-12));
        // as many labels as points: undefined
        assertThat(BoxClustering.silhouette(line, new int[] {0, 1, 2, 3})).isEqualTo(-1);
        // a singleton scores 0: {0} {1, 10, 11}
        double p1 = s((9 + 10) / 2.0, 1);
        double p2 = s((9 + 1) / 2.0, 10);
        double p3 = s((10 + 1) / 2.0, 11);
        assertThat(BoxClustering.silhouette(line, new int[] {0, 1, 1, 1})).isCloseTo((p1 + p2 + p3) / 4,
                within(1e-12));
    }

    @Test
    void kMeansIsReproducibleAndFindsSeparatedGroups() {
        double[][] pts = {{0, 0}, {50, 50}, {0, 1}, {51, 50}, {100, 0}, {100, 1}};
        int[] labels = BoxClustering.kMeans(pts, 3, BoxClustering.SEED);
        assertThat(labels).containsExactly(0, 1, 0, 1, 2, 2);
        assertThat(BoxClustering.kMeans(pts, 3, BoxClustering.SEED)).containsExactly(labels);
        assertThat(BoxClustering.kMeans(pts, 1, 7)).containsOnly(0);
    }
}
