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
@Command(name = "bench", description = "Measure speed.", subcommands = {BenchCommand.Render.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-command: render");
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
}
