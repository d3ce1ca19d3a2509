package ai.dfc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.plugin.Role;
import ai.dfc.api.text.TextEncoder;
import ai.dfc.runtime.config.ConfigLoader;
import ai.dfc.runtime.config.ConfigOverride;
import ai.dfc.runtime.config.ConfigSchema;
import ai.dfc.runtime.config.ConfigSources;
import ai.dfc.runtime.config.ResolvedConfig;
import ai.dfc.runtime.plugin.PluginException;
import ai.dfc.runtime.plugin.PluginInstantiator;
import ai.dfc.runtime.plugin.PluginRegistry;
import ai.dfc.runtime.testplugin.EchoPlugin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .record("run", "run settings", RunSettings.class, RunSettings.DEFAULTS)
            .plugin("text_encoder", "text encoder", Role.TEXT_ENCODER, "test-echo")
            .build();
    private final PluginRegistry registry = PluginRegistry.discover();
    private final ConfigLoader loader = new ConfigLoader(SCHEMA, registry);

    @TempDir
    Path dir;

    private ResolvedConfig config(String... sets) {
        return loader.load(new ConfigSources(null, null, Stream.of(sets).map(ConfigOverride::parse).toList()));
    }

    @Test
    void writesTheResolvedConfigAndProvenanceAndTheConfigReproducesTheRun() throws IOException {
        ResolvedConfig config = config("run.seed=42", "text_encoder.api_key=secret-value", "text_encoder.dimension=5");
        Provenance provenance = Provenance.collect(config, registry, List.of("train", "-c", "x.yaml"), "cpu (test)");
        RunDirectory run = RunDirectory.create(dir.resolve("runs"), "train", config, provenance);

        assertThat(run.path().getParent()).isEqualTo(dir.resolve("runs"));
        assertThat(run.path().getFileName().toString()).startsWith("train-");
        String yaml = Files.readString(run.path().resolve(RunDirectory.CONFIG_FILE));
        String json = Files.readString(run.path().resolve(RunDirectory.PROVENANCE_FILE));
        assertThat(yaml + json).doesNotContain("secret-value");

        JsonNode p = new ObjectMapper().readTree(json);
        assertThat(p.get("dfc_version").asText()).isEqualTo(DfcVersion.get()).isNotEqualTo("unknown");
        assertThat(p.get("selected").get("text_encoder").asText()).isEqualTo("test-echo");
        assertThat(p.get("seeds").get("run.seed").asLong()).isEqualTo(42);
        assertThat(p.get("compute_backend").asText()).isEqualTo("cpu (test)");
        assertThat(p.get("command").toString()).isEqualTo("[\"train\",\"-c\",\"x.yaml\"]");
        assertThat(p.get("discovered").toString()).contains("text-encoder/test-echo (" + EchoPlugin.class.getName() + ")");
        assertThat(p.get("jvm").get("version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(p.get("host").get("cores").asInt()).isPositive();

        ResolvedConfig reloaded = loader.load(new ConfigSources(run.path().resolve(RunDirectory.CONFIG_FILE), null,
                List.of(ConfigOverride.parse("text_encoder.api_key=secret-value"))));
        assertThat(reloaded).isEqualTo(config);

        RunDirectory second = RunDirectory.create(dir.resolve("runs"), "train", config, provenance);
        assertThat(second.path()).isNotEqualTo(run.path());
        try (Stream<Path> files = Files.list(run.path())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(RunDirectory.CONFIG_FILE, RunDirectory.PROVENANCE_FILE);
        }
    }

    @Test
    void zeroThreadsMeansOnePerCore() {
        assertThat(RunSettings.DEFAULTS.effectiveThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new RunSettings(1, "a", "b", 3).effectiveThreads()).isEqualTo(3);
        assertThat(RunContext.of(dir.resolve("r"), dir.resolve("c"), 5).environment("PATH")).isPresent();
    }

    @Test
    void atomicWritesReplaceWholeFilesAndLeaveNoTemporaries() throws IOException {
        Path target = dir.resolve("a.txt");
        RunDirectory.writeAtomically(target, "first");
        RunDirectory.writeAtomically(target, "second");
        assertThat(Files.readString(target)).isEqualTo("second");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void instantiatesTheSelectedPluginWithItsSettingsAndContext() {
        ResolvedConfig config = config("text_encoder.dimension=5");
        RunContext context = new RunContext(dir.resolve("run"), dir.resolve("cache"), 7, Map.of("KEY", "v"));
        PluginInstantiator instantiator = new PluginInstantiator(registry, context);
        TextEncoder encoder = instantiator.create(config.plugin("text_encoder").orElseThrow(), TextEncoder.class);
        assertThat(encoder).isInstanceOf(EchoPlugin.EchoTextEncoder.class);
        assertThat(encoder.dimension()).isEqualTo(5);
        assertThat(((EchoPlugin.EchoTextEncoder) encoder).context().environment("KEY")).contains("v");
        assertThat(context.environment("MISSING")).isEmpty();
        assertThat(Files.isDirectory(dir.resolve("cache"))).isTrue();

        assertThatThrownBy(() -> instantiator.create(config("text_encoder.endpoint=crash").plugin("text_encoder")
                .orElseThrow(), TextEncoder.class))
                .isInstanceOf(PluginException.class).hasMessageContaining("text-encoder 'test-echo' failed to start")
                .hasMessageContaining("boom");
        assertThatThrownBy(() -> instantiator.create(config.plugin("text_encoder").orElseThrow(), String.class))
                .hasMessageContaining("not a String");
    }
}
