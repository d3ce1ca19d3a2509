package ai.dfc.geometry.points;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.image.ImageSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link MultiViewVisibility} with a literal, brute-force transcription of SPEC §2.5 (no k-d tree,
 * camera coordinates in double via the API's extrinsics, Java collections as the reference uses Python sets and
 * lists) on several views of the occluding squares.
 */
class VisibilityMatchesReferenceAlgorithmTest {
    private static final ImageSize SIZE = ImageSize.square(100);
    private static final double F = 250;

    /** How often the reference rules changed the outcome, to show the test exercises them. */
    private int preferenceDecisions;
    private int takenSkips;

    /** One view of SPEC §2.5, straight from its description; returns {points, rows, cols}. */
    private int[][] referenceView(PointCloud world, Camera camera, float[] depthIn, Set<Integer> alreadyVisible,
            int k, double epsilon) {
        int n = world.size();
        double[][] cam = new double[n][];
        for (int i = 0; i < n; i++) {
            cam[i] = camera.extrinsics().apply(world.coordinate(i, 0), world.coordinate(i, 1), world.coordinate(i, 2));
        }
        float[] depth = depthIn.clone();
        float max = Float.NEGATIVE_INFINITY;
        for (float d : depth) {
            max = Float.isNaN(d) || Float.isNaN(max) ? Float.NaN : Math.max(max, d);
        }
        for (int i = 0; i < depth.length; i++) {
            if (depth[i] == max) {
                depth[i] = 0;
            }
        }
        Intrinsics kk = camera.intrinsics();
        Set<Integer> keep = new HashSet<>();
        List<Integer> keepList = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int row = 0; row < SIZE.height(); row++) {
            for (int col = 0; col < SIZE.width(); col++) {
                double d = depth[row * SIZE.width() + col];
                if (d == 0) {
                    continue;
                }
                double[] q = {(col - kk.cx()) / kk.fx() * d, (row - kk.cy()) / kk.fy() * d, d};
                List<double[]> near = new ArrayList<>(); // {distance, index}
                for (int i = 0; i < n; i++) {
                    double dx = cam[i][0] - q[0];
                    double dy = cam[i][1] - q[1];
                    double dz = cam[i][2] - q[2];
                    double dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (dist < epsilon) {
                        near.add(new double[] {dist, i});
                    }
                }
                near.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
                List<Integer> indices = new ArrayList<>();
                for (int j = 0; j < Math.min(k, near.size()); j++) {
                    indices.add((int) near.get(j)[1]);
                }
                if (indices.isEmpty()) {
                    continue;
                }
                int chosen;
                if (keep.isEmpty()) {
                    chosen = indices.get(0);
                } else {
                    List<Integer> valid = new ArrayList<>(indices.stream().filter(x -> !keep.contains(x)).toList());
                    if (valid.isEmpty()) {
                        takenSkips++;
                        continue;
                    }
                    if (!alreadyVisible.isEmpty()) {
                        List<Integer> seen = valid.stream().filter(alreadyVisible::contains).toList();
                        if (!seen.isEmpty()) {
                            if (!seen.get(0).equals(valid.get(0))) {
                                preferenceDecisions++;
                            }
                            valid = seen;
                        }
                    }
                    chosen = valid.get(0);
                }
                keep.add(chosen);
                keepList.add(chosen);
                rows.add(row);
                cols.add(col);
            }
        }
        alreadyVisible.addAll(keepList);
        return new int[][] {
            keepList.stream().mapToInt(Integer::intValue).toArray(),
            rows.stream().mapToInt(Integer::intValue).toArray(),
            cols.stream().mapToInt(Integer::intValue).toArray()};
    }

    private void assertSameAsReference(int k, double epsilon) {
        OccludingSquares scene = new OccludingSquares(900, 2_700, 5);
        VisiblePointFinder finder = new VisiblePointFinder(k, epsilon);
        MultiViewVisibility tracker = new MultiViewVisibility(finder);
        Set<Integer> alreadyVisible = new HashSet<>();
        for (double yaw : new double[] {0, 15, -10}) {
            Camera camera = OccludingSquares.view(SIZE, F, yaw);
            float[] depth = TestGeometry.depthMap(scene.worldMesh, camera);
            int[][] expected = referenceView(scene.world, camera, depth, alreadyVisible, k, epsilon);
            ViewVisibility actual = tracker.addView(scene.world, camera, depth);
            assertThat(actual.size()).as("view at yaw %s", yaw).isGreaterThan(500);
            assertThat(actual.pointIndices()).as("points, view at yaw %s", yaw).containsExactly(expected[0]);
            assertThat(actual.rows()).containsExactly(expected[1]);
            assertThat(actual.cols()).containsExactly(expected[2]);
        }
        assertThat(tracker.visibleSoFar().stream().boxed().toList()).containsExactlyInAnyOrderElementsOf(alreadyVisible);
    }

    @Test
    void matchesTheReferenceWithItsSettings() {
        assertSameAsReference(VisiblePointFinder.REFERENCE_NEIGHBOURS, VisiblePointFinder.REFERENCE_MAX_DISTANCE);
        assertThat(preferenceDecisions).as("pixels where the already-visible preference mattered").isPositive();
        assertThat(takenSkips).as("pixels skipped because all candidates were taken").isPositive();
    }

    @Test
    void matchesTheReferenceWithOtherParameters() {
        assertSameAsReference(3, 0.02);
        assertThat(preferenceDecisions).isPositive();
    }
}
