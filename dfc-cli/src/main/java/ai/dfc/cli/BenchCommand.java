package ai.dfc.cli;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import ai.dfc.benchdata.procedural.MeshBuilder;
import ai.dfc.benchdata.procedural.ProceduralCategory;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.procedural.ShapeParameters;
import ai.dfc.benchdata.procedural.Transform;
import ai.dfc.geometry.camera.ObjectPose;
import ai.dfc.geometry.camera.ReferenceRig;
import ai.dfc.geometry.mesh.TriangleMesh;
import ai.dfc.geometry.raster.Rasterizer;
import ai.dfc.geometry.raster.RenderOptions;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dfc bench …}: speed figures printed for notes and comparisons. */
@Command(name = "bench", description = "Measure speed.", subcommands = {BenchCommand.Render.class, BenchCommand.Match.class,
        EncoderBench.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-command: render, match or encoder");
    }

    @Command(name = "render", description = "Views per second at 490² (RGB + depth + mask + part ids) from the 19-view rig.")
    static final class Render implements Runnable {
        @Option(names = "--size", defaultValue = "490")
        int size;

        @Option(names = "--threads", defaultValue = "0", description = "0 = all cores")
        int threads;

        @Option(names = "--rounds", defaultValue = "5", description = "timed rounds of 19 views after one warm-up round")
        int rounds;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            PrintWriter out = spec.commandLine().getOut();
            ProceduralCategory mug = ProceduralWorld.builtIn().category("mug");
            TriangleMesh procedural = mug.build(ShapeParameters.midpoint(mug.parameters())).normalized().mesh();
            TriangleMesh dense = denseSphere();
            out.printf("threads %d, %dx%d, supersampling %d%n", t, size, size, RenderOptions.defaults().supersampling());
            for (Object[] c : new Object[][] {{"procedural mug", procedural}, {"sphere", dense}}) {
                TriangleMesh mesh = ((TriangleMesh) c[1]).transformed(ObjectPose.assetToWorld(ObjectPose.random(1)));
                double vps = viewsPerSecond(mesh, t);
                out.printf("%-16s %7d triangles  %7.1f views/s%n", c[0], mesh.triangleCount(), vps);
                out.flush();
            }
        }

        private double viewsPerSecond(TriangleMesh mesh, int t) {
            Rasterizer r = new Rasterizer(RenderOptions.defaults());
            List<Camera> cameras = ReferenceRig.cameras(ImageSize.square(size));
            r.render(mesh, cameras, t);
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                r.render(mesh, cameras, t);
            }
            return rounds * cameras.size() / ((System.nanoTime() - start) / 1e9);
        }

        /** A 0.5-radius sphere of ≥ 50k triangles (lathe of 160 × 160). */
        private static TriangleMesh denseSphere() {
            int rings = 160;
            double[][] profile = new double[rings + 1][];
            String[] parts = new String[rings];
            for (int i = 0; i <= rings; i++) {
                double a = -Math.PI / 2 + Math.PI * i / rings;
                profile[i] = new double[] {0.5 * Math.cos(a), 0.5 * Math.sin(a)};
                if (i < rings) {
                    parts[i] = i < rings / 2 ? "lower" : "upper";
                }
            }
            return new MeshBuilder().lathe(profile, parts, 160, 1, Transform.identity()).build();
        }
    }

    @Command(name = "match", description = "Dense matching speed at 224²: label transfer and discovery pairs/s, and the "
            + "fraction of the machine's matrix-multiply throughput reached.")
    static final class Match implements Runnable {
        @Option(names = "--dim", defaultValue = "256", description = "feature dimension (the DFC head: 256)")
        int dim;

        @Option(names = "--queries", defaultValue = "10000", description = "label-transfer queries per direction (ground-truth points)")
        int queries;

        @Option(names = "--object", defaultValue = "0.4", description = "fraction of the image covered by the object")
        double object;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            int side = 224;
            int p = side * side;
            org.nd4j.linalg.api.ndarray.INDArray a = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, p, dim);
            org.nd4j.linalg.api.ndarray.INDArray b = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, p, dim);
            // peak: the same block product the matcher runs, without masking or argmax
            org.nd4j.linalg.api.ndarray.INDArray q = a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1024),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            org.nd4j.linalg.api.ndarray.INDArray bt = b.transpose().dup('c');
            q.mmul(bt);
            long t0 = System.nanoTime();
            int reps = 6;
            for (int i = 0; i < reps; i++) {
                q.mmul(bt);
            }
            double gflops = reps * 2.0 * 1024 * dim * p / ((System.nanoTime() - t0) / 1e9) / 1e9;
            boolean[] region = new boolean[p];
            java.util.Random r = new java.util.Random(1);
            int objectPixels = 0;
            for (int i = 0; i < p; i++) {
                region[i] = r.nextDouble() < object;
                objectPixels += region[i] ? 1 : 0;
            }
            org.nd4j.linalg.api.ndarray.INDArray qs = a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, queries),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
            ai.dfc.eval.match.TopOneMatcher.match(qs, b, region, ai.dfc.eval.match.TopOneMatcher.DEFAULT_BLOCK);
            long t1 = System.nanoTime();
            ai.dfc.eval.match.TopOneMatcher.match(qs, b, region, ai.dfc.eval.match.TopOneMatcher.DEFAULT_BLOCK);
            ai.dfc.eval.match.TopOneMatcher.match(qs, a, region, ai.dfc.eval.match.TopOneMatcher.DEFAULT_BLOCK);
            double transferSeconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            ai.dfc.eval.match.CycleProposals.propose(a, region, b, region, side);
            ai.dfc.eval.match.CycleProposals.propose(b, region, a, region, side);
            double discoverySeconds = (System.nanoTime() - t2) / 1e9;
            double transferFlops = 2.0 * 2 * queries * (double) dim * p;
            double discoveryFlops = 2.0 * 2 * 2 * objectPixels * (double) dim * p;
            out.printf("matrix multiply (ND4J, [1024x%d]x[%dx%d]): %.1f GFLOP/s%n", dim, dim, p, gflops);
            out.printf("label transfer, %d queries x 2 directions: %.4f pairs/s = %.1f s/pair (%.0f%% of the multiply throughput)%n",
                    queries, 1 / transferSeconds, transferSeconds, 100 * transferFlops / transferSeconds / 1e9 / gflops);
            out.printf("discovery, %d object pixels x 2 directions (forward + backward): %.4f pairs/s = %.1f s/pair (%.0f%%)%n",
                    objectPixels, 1 / discoverySeconds, discoverySeconds,
                    100 * discoveryFlops / discoverySeconds / 1e9 / gflops);
            out.flush();
        }
    }
}
