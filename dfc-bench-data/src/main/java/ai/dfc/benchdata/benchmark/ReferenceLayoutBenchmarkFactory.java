package ai.dfc.benchdata.benchmark;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.BenchmarkFactory;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Settings;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.file.Path;

/**
 * The authors' evaluation data in the reference's layout (SPEC §4.4, §7.1): processed renders or photos under
 * {@code images/<asset>/rgb_images_processed/} and {@code object_masks_processed/}, dense annotations under
 * {@code annotations} selected by the selection file. Two plugins share it: {@code objaverse} (folders
 * {@code uid---category.glb}) and {@code handal} (real images, folders {@code category---id}).
 */
public final class ReferenceLayoutBenchmarkFactory
        extends AbstractPluginFactory<ReferenceLayoutBenchmarkFactory.Config, Benchmark>
        implements BenchmarkFactory<ReferenceLayoutBenchmarkFactory.Config> {

    /** Settings of {@code objaverse} and {@code handal}. */
    public record Config(
            @JsonPropertyDescription("folder of asset folders with rgb_images_processed/ and object_masks_processed/") String images,
            @JsonPropertyDescription("2d_annotations/<mode> folder (<function>/<objA>|||<objB>|||0000/trial_<t>/)") String annotations,
            @JsonPropertyDescription("selected_annotations JSON ({function: {\"objA|||objB\": [trials]}})") String selection) {
        public Config {
            Settings.nonBlank("images", images);
            Settings.nonBlank("annotations", annotations);
            Settings.nonBlank("selection", selection);
        }
    }

    private ReferenceLayoutBenchmarkFactory(String name, String description, Config defaults) {
        super(name, description, defaults);
    }

    /** {@code objaverse}: the authors' Objaverse test renders. */
    public static ReferenceLayoutBenchmarkFactory objaverse() {
        return new ReferenceLayoutBenchmarkFactory("objaverse", "the authors' Objaverse annotations in the reference's layout",
                new Config("objaverse_test/seen", "2d_annotations/seen", "selected_annotations_seen.json"));
    }

    /** {@code handal}: the authors' HANDAL real images. */
    public static ReferenceLayoutBenchmarkFactory handal() {
        return new ReferenceLayoutBenchmarkFactory("handal",
                "the authors' HANDAL real-image annotations in the reference's layout (category---id folders)",
                new Config("HANDAL_test", "2d_annotations/HANDAL", "selected_annotations_HANDAL.json"));
    }

    @Override
    public Benchmark create(Config c, PluginContext context) {
        return new AnnotatedRendersBenchmark(Path.of(c.images()), Path.of(c.annotations()), Path.of(c.selection()));
    }
}
