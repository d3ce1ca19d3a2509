package ai.dfc.geometry.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §2.5 on two parallel squares where the front one hides the middle of the back one. */
class OccludingSquaresVisibilityTest {
    private static final ImageSize SIZE = ImageSize.square(200);
    private static final double F = 500;
    private static final OccludingSquares SCENE = new OccludingSquares(6_000, 24_000, 21);

    private static void assertOneToOne(ViewVisibility v) {
        assertOneToOne(v, SIZE);
    }

    private static void assertOneToOne(ViewVisibility v, ImageSize size) {
        Set<Integer> points = new HashSet<>();
        Set<Long> pixels = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            assertThat(points.add(v.pointIndex(i))).as("point %d twice", v.pointIndex(i)).isTrue();
            assertThat(pixels.add(v.row(i) * 100_000L + v.col(i))).as("pixel %s twice", v.pixel(i)).isTrue();
            if (i > 0) {
                int previous = v.row(i - 1) * size.width() + v.col(i - 1);
                assertThat(v.row(i) * size.width() + v.col(i)).as("raster order").isGreaterThan(previous);
            }
        }
    }

    private static int overlap(ViewVisibility a, ViewVisibility b) {
        BitSet in = new BitSet();
        for (int i = 0; i < b.size(); i++) {
            in.set(b.pointIndex(i));
        }
        int count = 0;
        for (int i = 0; i < a.size(); i++) {
            count += in.get(a.pointIndex(i)) ? 1 : 0;
        }
        return count;
    }

    @Test
    void rayCastDepthMapSeesTheFrontSquareInTheMiddleAndTheBackOneAroundIt() {
        Camera camera = OccludingSquares.view(SIZE, F, 0);
        float[] depth = TestGeometry.depthMap(SCENE.worldMesh, camera);
        assertThat(depth[100 * 200 + 100]).isCloseTo(1.7f, within(1e-5f));
        assertThat(depth[100 * 200 + 160]).isCloseTo(2.0f, within(1e-5f)); // X = 60·2/500 = 0.24 on the back square
        assertThat(depth[30 * 200 + 100]).isCloseTo(2.0f, within(1e-5f));
        assertThat(depth[0]).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @Test
    void hiddenPointsAreNeverVisibleFrontPointsAreAndPixelsMatchTheirPoints() {
        Camera camera = OccludingSquares.view(SIZE, F, 0);
        float[] depth = TestGeometry.depthMap(SCENE.worldMesh, camera);
        ViewVisibility v = VisiblePointFinder.reference().find(SCENE.world, camera, depth, new BitSet());
        assertOneToOne(v);

        BitSet visible = new BitSet();
        double errorSum = 0;
        for (int i = 0; i < v.size(); i++) {
            int p = v.pointIndex(i);
            visible.set(p);
            float d = depth[v.row(i) * SIZE.width() + v.col(i)];
            assertThat(Float.isFinite(d)).as("assigned pixel %s is foreground", v.pixel(i)).isTrue();
            // a pixel seeing the front square gets a front point, one seeing the back square a back point
            assertThat(Math.abs(d - OccludingSquares.FRONT_Z) < 1e-4).isEqualTo(SCENE.front[p]);
            double[] uvz = camera.project(SCENE.world.coordinate(p, 0), SCENE.world.coordinate(p, 1),
                    SCENE.world.coordinate(p, 2));
            double error = Math.hypot(uvz[0] - v.col(i), uvz[1] - v.row(i));
            // the pixel's surface point is within 0.01 of the point: ≤ 0.01·f/Z ≈ 2.9 px, plus rounding
            assertThat(error).as("reprojection of point %d vs its pixel %s", p, v.pixel(i)).isLessThan(3.5);
            errorSum += error;
        }
        assertThat(errorSum / v.size()).isLessThan(1.5);

        int deepHidden = 0;
        int frontInterior = 0;
        int frontSeen = 0;
        int backOpen = 0;
        int backSeen = 0;
        double shrink = OccludingSquares.FRONT_Z / OccludingSquares.BACK_Z;
        for (int p = 0; p < SCENE.size(); p++) {
            double x = Math.abs(SCENE.scene[3 * p]);
            double y = Math.abs(SCENE.scene[3 * p + 1]);
            if (SCENE.front[p]) {
                if (x < 0.14 && y < 0.14) {
                    frontInterior++;
                    frontSeen += visible.get(p) ? 1 : 0;
                }
            } else if (x * shrink < 0.14 && y * shrink < 0.14) {
                // its line of sight crosses the front square at least 0.01 inside the edge (0.0118 on the back)
                deepHidden++;
                assertThat(visible.get(p)).as("hidden back point %d", p).isFalse();
            } else if (Math.max(x, y) * shrink > 0.16 && x < 0.29 && y < 0.29) {
                backOpen++;
                backSeen += visible.get(p) ? 1 : 0;
            }
        }
        assertThat(deepHidden).isGreaterThan(2_000);
        assertThat((double) frontSeen / frontInterior).as("front interior points seen").isGreaterThan(0.9);
        assertThat((double) backSeen / backOpen).as("unoccluded back points seen").isGreaterThan(0.5);
    }

    @Test
    void secondViewPrefersPointsSeenInTheFirst() {
        // a coarser camera (0.008 per pixel on the back square): about 4 points per pixel, so a view sees only a
        // subset of the points under it and the preference decides which
        ImageSize coarse = ImageSize.square(100);
        Camera first = OccludingSquares.view(coarse, 250, 0);
        Camera second = OccludingSquares.view(coarse, 250, 12);
        float[] depth1 = TestGeometry.depthMap(SCENE.worldMesh, first);
        float[] depth2 = TestGeometry.depthMap(SCENE.worldMesh, second);
        MultiViewVisibility tracker = new MultiViewVisibility(VisiblePointFinder.reference());
        ViewVisibility v1 = tracker.addView(SCENE.world, first, depth1);
        ViewVisibility v2 = tracker.addView(SCENE.world, second, depth2);
        assertOneToOne(v2, coarse);
        assertThat(tracker.viewCount()).isEqualTo(2);
        assertThat(tracker.views()).containsExactly(v1, v2);
        assertThat(v1).isEqualTo(VisiblePointFinder.reference().find(SCENE.world, first, depth1, new BitSet()));

        ViewVisibility alone = VisiblePointFinder.reference().find(SCENE.world, second, depth2, new BitSet());
        double withPreference = (double) overlap(v2, v1) / v2.size();
        double without = (double) overlap(alone, v1) / alone.size();
        assertThat(withPreference).as("share of view-2 points already seen in view 1, with the preference")
                .isGreaterThan(0.8);
        assertThat(without).as("the same share when view 2 is computed alone").isLessThan(0.5);

        BitSet union = new BitSet();
        for (ViewVisibility v : new ViewVisibility[] {v1, v2}) {
            for (int p : v.pointIndices()) {
                union.set(p);
            }
        }
        assertThat(tracker.visibleSoFar()).isEqualTo(union);
        assertThat(MultiViewVisibility.computeAll(VisiblePointFinder.reference(), SCENE.world,
                java.util.List.of(first, second), java.util.List.of(depth1, depth2))).containsExactly(v1, v2);
    }
}
