package ai.dfc.geometry.points;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.image.ImageSize;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test scene: two parallel squares facing the first camera, a small front one hiding the middle of a larger
 * back one. Built in a "scene" frame equal to the first camera's frame (x right, y down, z forward), then
 * placed in the world by an arbitrary rigid motion so that extrinsics are exercised.
 */
final class OccludingSquares {
    static final double FRONT_Z = 1.7;
    static final double BACK_Z = 2.0;
    static final double FRONT_HALF = 0.15;
    static final double BACK_HALF = 0.3;
    private static final double[] SCENE_TO_WORLD = TestGeometry.rotation(new double[] {0.3, 1, 0.2}, 0.6);
    private static final double[] SCENE_ORIGIN = {0.4, -0.3, 1.2};

    /** Point positions in the scene frame, 3 per point. */
    final double[] scene;
    /** Whether each point lies on the front square. */
    final boolean[] front;
    /** The points in world coordinates. */
    final PointCloud world;
    /** Both squares in world coordinates, part 0 = front, part 1 = back. */
    final TriangleMesh worldMesh;

    /** Uniform random points on both squares, front and back points interleaved at random. */
    OccludingSquares(int frontCount, int backCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = frontCount + backCount;
        scene = new double[3 * n];
        front = new boolean[n];
        int frontLeft = frontCount;
        float[] xyz = new float[3 * n];
        for (int i = 0; i < n; i++) {
            front[i] = random.nextInt(n - i) < frontLeft;
            if (front[i]) {
                frontLeft--;
            }
            double half = front[i] ? FRONT_HALF : BACK_HALF;
            scene[3 * i] = random.nextDouble(-half, half);
            scene[3 * i + 1] = random.nextDouble(-half, half);
            scene[3 * i + 2] = front[i] ? FRONT_Z : BACK_Z;
            double[] w = toWorld(new double[] {scene[3 * i], scene[3 * i + 1], scene[3 * i + 2]});
            for (int a = 0; a < 3; a++) {
                xyz[3 * i + a] = (float) w[a];
            }
        }
        world = new PointCloud(xyz, null, null);
        float[] v = new float[24];
        int corner = 0;
        for (double[] square : new double[][] {{FRONT_HALF, FRONT_Z}, {BACK_HALF, BACK_Z}}) {
            for (double[] xy : new double[][] {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
                double[] w = toWorld(new double[] {xy[0] * square[0], xy[1] * square[0], square[1]});
                for (int a = 0; a < 3; a++) {
                    v[3 * corner + a] = (float) w[a];
                }
                corner++;
            }
        }
        worldMesh = new TriangleMesh(v, new int[] {0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7}, new int[] {0, 0, 1, 1},
                List.of("front", "back"));
    }

    int size() {
        return front.length;
    }

    static double[] toWorld(double[] p) {
        double[] r = TestGeometry.apply(SCENE_TO_WORLD, p);
        return new double[] {r[0] + SCENE_ORIGIN[0], r[1] + SCENE_ORIGIN[1], r[2] + SCENE_ORIGIN[2]};
    }

    /**
     * A camera at distance 2 from the back square's centre, turned by {@code yawDegrees} about the scene's y axis
     * through that centre (0° is the scene frame itself), principal point at the image centre.
     */
    static Camera view(ImageSize size, double f, double yawDegrees) {
        double[] yaw = TestGeometry.rotation(new double[] {0, 1, 0}, Math.toRadians(yawDegrees));
        double[] offset = TestGeometry.apply(yaw, new double[] {0, 0, -BACK_Z});
        double[] centre = toWorld(new double[] {offset[0], offset[1], BACK_Z + offset[2]});
        return TestGeometry.camera(size, f, size.width() / 2.0, size.height() / 2.0,
                TestGeometry.multiply(SCENE_TO_WORLD, yaw), centre);
    }
}
