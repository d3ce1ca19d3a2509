package ai.dfc.geometry.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.Extrinsics;
import ai.dfc.api.geometry.Intrinsics;
import ai.dfc.api.geometry.Pixel;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.image.ImageSize;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The individual rules of SPEC §2.5 on hand-made scenes. The camera sits at the world origin looking down +z,
 * fx = fy = 1000 and the principal point is pixel (0, 0), so pixel (row, col) at depth d back-projects to
 * {@code (col·d/1000, row·d/1000, d)}. Images are 4 columns × 3 rows to catch row/column swaps.
 */
class VisiblePointFinderTest {
    private static final ImageSize SIZE = new ImageSize(4, 3);
    private static final Camera CAMERA = new Camera(SIZE, new Intrinsics(1000, 1000, 0, 0), Extrinsics.identity());

    private static float[] background() {
        float[] depth = new float[SIZE.area()];
        Arrays.fill(depth, Float.POSITIVE_INFINITY);
        return depth;
    }

    private static void set(float[] depth, int row, int col, float value) {
        depth[row * SIZE.width() + col] = value;
    }

    private static PointCloud cloud(float... xyz) {
        return new PointCloud(xyz, null, null);
    }

    private static BitSet setOf(int... indices) {
        BitSet b = new BitSet();
        for (int i : indices) {
            b.set(i);
        }
        return b;
    }

    /** a is nearest to pixel (0, 0), b to pixel (0, 1); c is a little farther from both. */
    private static final PointCloud ABC = cloud(0, 0, 1.0001f, 0.001f, 0, 1.0001f, 0.001f, 0.002f, 1);

    private static float[] twoPixels() {
        float[] depth = background();
        set(depth, 0, 0, 1);
        set(depth, 0, 1, 1);
        return depth;
    }

    @Test
    void laterPixelsPreferPointsVisibleInEarlierViews() {
        VisiblePointFinder finder = VisiblePointFinder.reference();
        // no earlier views: each pixel takes its nearest free point
        assertThat(finder.find(ABC, CAMERA, twoPixels(), new BitSet()).pointIndices()).containsExactly(0, 1);
        // c was seen before: pixel (0, 1) takes c over the nearer b
        assertThat(finder.find(ABC, CAMERA, twoPixels(), setOf(2)).pointIndices()).containsExactly(0, 2);
        // when no free candidate was seen before, the nearest free one wins
        assertThat(finder.find(ABC, CAMERA, twoPixels(), setOf(0)).pointIndices()).containsExactly(0, 1);
    }

    @Test
    void theFirstMatchedPixelTakesItsNearestPointRegardlessOfEarlierViews() {
        // b was seen before and is a candidate of pixel (0, 0), but the first match ignores the preference
        ViewVisibility v = VisiblePointFinder.reference().find(ABC, CAMERA, twoPixels(), setOf(1));
        assertThat(v.pointIndices()).containsExactly(0, 1);
    }

    @Test
    void pixelsWhoseCandidatesAreAllTakenAreSkipped() {
        PointCloud ab = cloud(0, 0, 1, 0.004f, 0, 1);
        // pixel (0, 1) at (0.001, 0, 1): a at 0.001, b at 0.003
        assertThat(new VisiblePointFinder(1, 0.01).find(ab, CAMERA, twoPixels(), new BitSet()).pointIndices())
                .containsExactly(0);
        ViewVisibility v = new VisiblePointFinder(2, 0.01).find(ab, CAMERA, twoPixels(), new BitSet());
        assertThat(v.pointIndices()).containsExactly(0, 1);
        assertThat(v.pixel(1)).isEqualTo(new Pixel(0, 1));
        ViewVisibility single = VisiblePointFinder.reference().find(cloud(0, 0, 1), CAMERA, twoPixels(), new BitSet());
        assertThat(single.pointIndices()).containsExactly(0);
        assertThat(single.pixel(0)).isEqualTo(new Pixel(0, 0));
    }

    @Test
    void matchingDistanceIsExclusive() {
        float[] depth = background();
        set(depth, 0, 0, 1);
        assertThat(new VisiblePointFinder(10, 0.5).find(cloud(0, 0, 1.5f), CAMERA, depth, new BitSet()).size()).isZero();
        assertThat(new VisiblePointFinder(10, 0.5).find(cloud(0, 0, 1.25f), CAMERA, depth, new BitSet()).size()).isOne();
        assertThat(VisiblePointFinder.reference().find(cloud(0, 0, 1.0101f), CAMERA, depth, new BitSet()).size()).isZero();
    }

    @Test
    void resultIsInRasterOrderWithRowColPixels() {
        float[] depth = background();
        int[][] pixels = {{2, 1}, {0, 3}, {1, 0}}; // (row, col)
        float[] xyz = new float[9];
        for (int i = 0; i < 3; i++) {
            set(depth, pixels[i][0], pixels[i][1], 2);
            xyz[3 * i] = pixels[i][1] * 2 / 1000f;
            xyz[3 * i + 1] = pixels[i][0] * 2 / 1000f;
            xyz[3 * i + 2] = 2;
        }
        ViewVisibility v = VisiblePointFinder.reference().find(cloud(xyz), CAMERA, depth, new BitSet());
        assertThat(v.pointIndices()).containsExactly(1, 2, 0);
        assertThat(v.rows()).containsExactly(0, 1, 2);
        assertThat(v.cols()).containsExactly(3, 0, 1);
        assertThat(v.rowColPairs()).containsExactly(0, 3, 1, 0, 2, 1);
        assertThat(v.pixel(2)).isEqualTo(new Pixel(2, 1));
        assertThat(v.pixelMask(SIZE).flatIndices()).containsExactly(3, 4, 9);
    }

    @Test
    void backgroundIsTheMapsMaximumZeroAndNonFiniteDepth() {
        // a at pixel (0, 0), depth 1; b at pixel (2, 3), depth 1.5; o at the origin, where a zero-depth pixel
        // would land if it were back-projected
        PointCloud abo = cloud(0, 0, 1, 0.0045f, 0.003f, 1.5f, 0, 0, 0);
        float[] depth = new float[SIZE.area()];
        set(depth, 0, 0, 1);
        set(depth, 2, 3, 1.5f);
        VisiblePointFinder finder = VisiblePointFinder.reference();
        // 1.5 is the maximum of a map without +inf, so it counts as background
        assertThat(finder.find(abo, CAMERA, depth, new BitSet()).pointIndices()).containsExactly(0);
        set(depth, 1, 1, Float.POSITIVE_INFINITY);
        assertThat(finder.find(abo, CAMERA, depth, new BitSet()).pointIndices()).containsExactly(0, 1);
        set(depth, 1, 1, Float.NEGATIVE_INFINITY);
        assertThat(finder.find(abo, CAMERA, depth, new BitSet()).pointIndices()).containsExactly(0);
        // NumPy's max of a map with NaN is NaN, so no finite pixel is dropped as the maximum
        set(depth, 1, 1, Float.NaN);
        assertThat(finder.find(abo, CAMERA, depth, new BitSet()).pointIndices()).containsExactly(0, 1);
        assertThat(VisiblePointFinder.referenceMaximum(new float[] {1, Float.NaN, 3})).isNaN();
        assertThat(VisiblePointFinder.referenceMaximum(new float[] {1, Float.POSITIVE_INFINITY, 3})).isInfinite();
    }

    @Test
    void emptyViewsGiveEmptyResults() {
        float[] depth = background();
        assertThat(VisiblePointFinder.reference().find(ABC, CAMERA, depth, new BitSet()).size()).isZero();
        assertThat(VisiblePointFinder.reference().find(cloud(), CAMERA, twoPixels(), new BitSet()).size()).isZero();
    }

    @Test
    void rejectsBadArguments() {
        VisiblePointFinder finder = VisiblePointFinder.reference();
        assertThat(finder.neighbours()).isEqualTo(10);
        assertThat(finder.maxDistance()).isEqualTo(0.01);
        assertThatThrownBy(() -> new VisiblePointFinder(0, 0.01)).hasMessageContaining("neighbours");
        assertThatThrownBy(() -> new VisiblePointFinder(10, 0)).hasMessageContaining("maxDistance");
        assertThatThrownBy(() -> new VisiblePointFinder(10, Double.POSITIVE_INFINITY))
                .hasMessageContaining("maxDistance");
        assertThatThrownBy(() -> finder.find(ABC, CAMERA, new float[5], new BitSet()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth map has 5 values");
        assertThatThrownBy(() -> finder.find(ABC, CAMERA, twoPixels(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> finder.find((PointCloud) null, CAMERA, twoPixels(), new BitSet()))
                .isInstanceOf(IllegalArgumentException.class);

        MultiViewVisibility tracker = new MultiViewVisibility(finder);
        tracker.addView(ABC, CAMERA, twoPixels());
        assertThatThrownBy(() -> tracker.addView(cloud(0, 0, 1), CAMERA, twoPixels()))
                .hasMessageContaining("earlier views had 3");
        assertThatThrownBy(() -> MultiViewVisibility.computeAll(finder, ABC, List.of(CAMERA), List.of()))
                .hasMessageContaining("one depth map per camera");
    }

    @Test
    void viewVisibilityValidatesAndConvertsLayouts() {
        ViewVisibility v = ViewVisibility.ofRowColPairs(new int[] {7, 3}, new int[] {0, 5, 2, 1});
        assertThat(v).isEqualTo(ViewVisibility.of(new int[] {7, 3}, new int[] {0, 2}, new int[] {5, 1}));
        assertThat(v.pixel(0)).isEqualTo(new Pixel(0, 5));
        assertThatThrownBy(() -> ViewVisibility.of(new int[] {1, 1}, new int[] {0, 1}, new int[] {0, 0}))
                .hasMessageContaining("point 1 occurs more than once");
        assertThatThrownBy(() -> ViewVisibility.of(new int[] {1, 2}, new int[] {4, 4}, new int[] {6, 6}))
                .hasMessageContaining("pixel (row 4, col 6) occurs more than once");
        assertThatThrownBy(() -> ViewVisibility.of(new int[] {1}, new int[] {-1}, new int[] {0}))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> ViewVisibility.of(new int[] {1}, new int[] {0, 1}, new int[] {0}))
                .hasMessageContaining("one row and one col per point");
        assertThatThrownBy(() -> ViewVisibility.ofRowColPairs(new int[] {1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v.pixelMask(new ImageSize(3, 3))).hasMessageContaining("outside");
    }
}
