package ai.dfc.cli;

import ai.dfc.api.DfcException;
import ai.dfc.api.image.ImageSize;
import ai.dfc.benchdata.mesh.MeshFiles;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.render.AssetRenderer;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.RenderJob;
import ai.dfc.benchdata.world.AssetName;
import ai.dfc.geometry.camera.EvaluationRig;
import ai.dfc.geometry.camera.ObjectPose;
import ai.dfc.geometry.camera.ReferenceRig;
import ai.dfc.geometry.mesh.TriangleMesh;
import ai.dfc.geometry.raster.Rasterizer;
import ai.dfc.geometry.raster.RenderOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dfc render}: procedural objects or real meshes into the reference's render layout, resumable. */
@Command(name = "render", description = "Render procedural objects or mesh files (GLB/glTF/OBJ) into the reference layout.")
final class RenderCommand implements Runnable {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--procedural", description = "render the built-in procedural world")
        boolean procedural;

        @Option(names = "--meshes", paramLabel = "DIR", description = "render every .glb/.gltf/.obj under DIR")
        Path meshes;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "dataset folder (created; re-running resumes)")
    Path out;

    @Option(names = "--categories", split = ",", paramLabel = "NAME", description = "procedural categories (default: all)")
    List<String> categories = new ArrayList<>();

    @Option(names = "--instances", defaultValue = "4", description = "instances per category (default: ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--views", defaultValue = "19", description = "19 (reference rig: labeling + training sets) or 30 (random evaluation rig)")
    int views;

    @Option(names = "--size", defaultValue = "490", description = "image side in pixels (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--points", defaultValue = "100000", description = "surface points per asset (default: ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--seed", defaultValue = "1234", description = "world seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "rendering threads, 0 = all cores")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (views != 19 && views != 30) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--views must be 19 or 30, was " + views);
        }
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AssetRenderer renderer = new AssetRenderer(new Rasterizer(RenderOptions.defaults()), t);
        try {
            if (source.procedural) {
                renderProcedural(renderer);
            } else {
                renderMeshes(renderer);
            }
        } catch (IOException e) {
            throw new DfcException("rendering into " + out + " failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DfcException(e.getMessage(), e);
        }
        spec.commandLine().getOut().println("rendered into " + out.toAbsolutePath());
    }

    private void renderProcedural(AssetRenderer renderer) throws IOException {
        ProceduralRenders renders = new ProceduralRenders(ProceduralWorld.builtIn(), renderer);
        ProceduralRenders.Options options = new ProceduralRenders.Options(categories, instances, views, size, points, seed);
        try (ProgressBar bar = Progress.bar("render", renders.units(options), "assets")) {
            int[] skipped = {0};
            renders.render(out, options, (set, asset, rendered) -> {
                if (!rendered) {
                    skipped[0]++;
                }
                bar.step();
                bar.setExtraMessage(skipped[0] > 0 ? skipped[0] + " already done" : "");
            });
        }
    }

    private void renderMeshes(AssetRenderer renderer) throws IOException {
        if (!Files.isDirectory(source.meshes)) {
            throw new DfcException("--meshes " + source.meshes + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(source.meshes)) {
            files = s.filter(Files::isRegularFile).filter(MeshFiles::isSupported).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new DfcException("no .glb, .gltf or .obj files under " + source.meshes);
        }
        ImageSize imageSize = ImageSize.square(size);
        List<String> sets = views == 19 ? List.of(ProceduralRenders.LABELING, ProceduralRenders.TRAINING)
                : List.of(ProceduralRenders.EVALUATION);
        try (ProgressBar bar = Progress.bar("render", (long) files.size() * sets.size(), "assets")) {
            for (Path file : files) {
                AssetName name = assetName(source.meshes, file);
                TriangleMesh mesh = null;
                for (String set : sets) {
                    Path root = out.resolve(set);
                    if (!AssetRenderer.isDone(root, name)) {
                        if (mesh == null) {
                            mesh = MeshFiles.readNormalized(file);
                        }
                        long assetSeed = seed ^ (name.folder().hashCode() * 31L + set.hashCode());
                        renderer.render(root, new RenderJob(name, mesh,
                                views == 19 ? ReferenceRig.cameras(imageSize) : EvaluationRig.cameras(imageSize, assetSeed),
                                ObjectPose.random(assetSeed), seed ^ name.folder().hashCode(), points,
                                Map.of("source", file.toAbsolutePath().toString())));
                    }
                    bar.step();
                }
            }
        }
    }

    /**
     * {@code uid---category.glb} files keep their reference names; otherwise the file's stem is the uid and the
     * folder it sits in (below {@code --meshes}) is the category, or {@code object} at the top level.
     */
    static AssetName assetName(Path root, Path file) {
        String fileName = file.getFileName().toString();
        String stem = fileName.substring(0, fileName.lastIndexOf('.'));
        if (stem.contains("---")) {
            return AssetName.parse(stem + ".glb");
        }
        Path parent = root.relativize(file).getParent();
        String category = parent == null ? "object" : parent.getFileName().toString();
        return new AssetName(stem.replace("---", "-"), category.replace("---", "-"));
    }
}
