package ai.dfc.benchdata.benchmark;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.BenchmarkFactory;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Settings;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.file.Path;

/**
 * {@code objaverse}: the authors' Objaverse evaluation data in the reference's layout (SPEC §4.4, §7.1): processed
 * renders under {@code images} and dense annotations under {@code annotations}, selected by the selection file.
 */
public final class ObjaverseBenchmarkFactory extends AbstractPluginFactory<ObjaverseBenchmarkFactory.Config, Benchmark>
        implements BenchmarkFactory<ObjaverseBenchmarkFactory.Config> {

    /** Settings of {@code objaverse}. */
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

    public ObjaverseBenchmarkFactory() {
        super("objaverse", "the authors' Objaverse annotations in the reference's layout",
                new Config("objaverse_test/seen", "2d_annotations/seen", "selected_annotations_seen.json"));
    }

    @Override
    public Benchmark create(Config c, PluginContext context) {
        return new AnnotatedRendersBenchmark(Path.of(c.images()), Path.of(c.annotations()), Path.of(c.selection()));
    }
}
