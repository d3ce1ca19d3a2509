package ai.dfc.benchdata.render;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.image.ImageSize;
import ai.dfc.benchdata.procedural.PartFrame;
import ai.dfc.benchdata.procedural.ProceduralAsset;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.world.AssetName;
import ai.dfc.benchdata.world.TaxonomyFiles;
import ai.dfc.benchdata.world.WorldSplits;
import ai.dfc.geometry.camera.EvaluationRig;
import ai.dfc.geometry.camera.ObjectPose;
import ai.dfc.geometry.camera.ReferenceRig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a procedural world into a dataset folder in the reference's layout:
 * <pre>
 * taxonomy/*.json                          the world's taxonomy in the reference's formats
 * splits/{train,test,unseen_test}_split.json
 * renders_for_labeling/&lt;asset&gt;/            19 views, one random pose (what the grounder sees)
 * renders_for_training/&lt;asset&gt;/            19 views, another random pose (what training sees)
 * renders_eval/&lt;asset&gt;/                    30 random views (with --views 30, for evaluation pairs)
 * manifest.json
 * </pre>
 * Rendering resumes: finished assets are skipped (see {@link AssetRenderer}).
 */
public final class ProceduralRenders {
    public static final String LABELING = "renders_for_labeling";
    public static final String TRAINING = "renders_for_training";
    public static final String EVALUATION = "renders_eval";

    /** Receives one call per asset and render set, rendered or skipped, from the rendering thread. */
    @FunctionalInterface
    public interface Progress {
        void assetDone(String renderSet, AssetName asset, boolean rendered);
    }

    /**
     * @param categories categories to render (all when empty)
     * @param instances  instances per category
     * @param views      19 (training and labeling sets, the reference rig) or 30 (evaluation set, random rig)
     * @param size       image side in pixels (the reference: 490)
     * @param points     surface points per asset (the reference: 100,000)
     * @param seed       world seed: shapes, poses, point sampling and splits derive from it
     */
    public record Options(List<String> categories, int instances, int views, int size, int points, long seed) {
        public Options {
            categories = List.copyOf(categories);
            if (instances < 1 || (views != 19 && views != 30) || size < 16 || points < 1) {
                throw new IllegalArgumentException("need instances >= 1, views 19 or 30, size >= 16, points >= 1; were "
                        + instances + ", " + views + ", " + size + ", " + points);
            }
        }
    }

    private final ProceduralWorld world;
    private final AssetRenderer renderer;

    public ProceduralRenders(ProceduralWorld world, AssetRenderer renderer) {
        this.world = world;
        this.renderer = renderer;
    }

    /** The render sets {@code options} produce. */
    public static List<String> renderSets(Options options) {
        return options.views() == 19 ? List.of(LABELING, TRAINING) : List.of(EVALUATION);
    }

    /** Number of (render set, asset) units {@link #render} goes through, for progress bars. */
    public int units(Options options) {
        return renderSets(options).size() * categories(options).size() * options.instances();
    }

    private List<String> categories(Options options) {
        List<String> names = options.categories().isEmpty() ? new ArrayList<>(world.categories().keySet())
                : options.categories();
        names.forEach(world::category); // fails early naming the known categories
        return names;
    }

    /** Renders everything {@code options} asks for under {@code out}. */
    public void render(Path out, Options options, Progress progress) throws IOException {
        List<String> names = categories(options);
        TaxonomyFiles.write(out.resolve("taxonomy"), world);
        WorldSplits.of(world, options.instances(), 0.15, 0.22, options.seed()).write(out.resolve("splits"));
        ImageSize size = ImageSize.square(options.size());
        for (String set : renderSets(options)) {
            Path root = out.resolve(set);
            AssetRenderer.cleanPartials(root);
            for (String category : names) {
                for (int i = 0; i < options.instances(); i++) {
                    AssetName name = AssetName.procedural(options.seed(), category, i);
                    long assetSeed = mix(options.seed(), name.uid().hashCode(), set.hashCode());
                    List<Camera> cameras = options.views() == 19 ? ReferenceRig.cameras(size)
                            : EvaluationRig.cameras(size, assetSeed);
                    if (AssetRenderer.isDone(root, name)) {
                        progress.assetDone(set, name, false);
                        continue;
                    }
                    ProceduralAsset asset = world.instance(category, i, options.seed());
                    RenderJob job = new RenderJob(name, asset.mesh(), cameras, ObjectPose.random(assetSeed),
                            mix(options.seed(), name.uid().hashCode(), 0), options.points(),
                            metadata(asset, i, options.seed()));
                    boolean rendered = renderer.render(root, job);
                    progress.assetDone(set, name, rendered);
                }
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "dfc-renders/1");
        manifest.put("world_seed", options.seed());
        manifest.put("categories", names);
        manifest.put("instances", options.instances());
        manifest.put("views", options.views());
        manifest.put("size", options.size());
        manifest.put("points", options.points());
        manifest.put("render_sets", renderSets(options));
        TaxonomyFiles.writeJson(out.resolve("manifest.json"), manifest);
    }

    private static Map<String, Object> metadata(ProceduralAsset asset, int index, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "procedural");
        m.put("world_seed", seed);
        m.put("instance", index);
        m.put("parameters", asset.parameters().values());
        Map<String, Object> frames = new LinkedHashMap<>();
        for (Map.Entry<String, PartFrame> e : asset.frames().entrySet()) {
            PartFrame f = e.getValue();
            frames.put(e.getKey(), Map.of("origin", f.origin(), "x", f.x(), "y", f.y(), "z", f.z(), "size", f.size()));
        }
        m.put("part_frames", frames);
        return m;
    }

    private static long mix(long a, long b, long c) {
        long z = a * 0x9E3779B97F4A7C15L + b * 0xBF58476D1CE4E5B9L + c;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
