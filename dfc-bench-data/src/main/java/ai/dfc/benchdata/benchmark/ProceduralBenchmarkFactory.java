package ai.dfc.benchdata.benchmark;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.BenchmarkFactory;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Settings;
import ai.dfc.benchdata.render.ProceduralRenders;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code procedural}: the dense ground truth of a procedural dataset made by {@code dfc render --procedural
 * --views 30} and {@code dfc annotate}.
 */
public final class ProceduralBenchmarkFactory extends AbstractPluginFactory<ProceduralBenchmarkFactory.Config, Benchmark>
        implements BenchmarkFactory<ProceduralBenchmarkFactory.Config> {

    /** Settings of {@code procedural}. */
    public record Config(
            @JsonPropertyDescription("dataset folder (renders_eval/, 2d_annotations/, selected_annotations_<mode>.json)") String dataset,
            @JsonPropertyDescription("seen (test split of seen categories) or unseen (unseen categories)") String mode) {
        public Config {
            Settings.nonBlank("dataset", dataset);
            Settings.oneOf("mode", mode, List.of("seen", "unseen"));
        }
    }

    public ProceduralBenchmarkFactory() {
        super("procedural", "procedural objects with exact dense ground truth (dfc annotate)", new Config("data/eval", "seen"));
    }

    @Override
    public Benchmark create(Config c, PluginContext context) {
        Path root = Path.of(c.dataset());
        return new AnnotatedRendersBenchmark(root.resolve(ProceduralRenders.EVALUATION),
                root.resolve("2d_annotations").resolve(c.mode()), root.resolve("selected_annotations_" + c.mode() + ".json"));
    }
}
