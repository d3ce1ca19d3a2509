package ai.dfc.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.plugin.Role;
import ai.dfc.api.plugin.Secret;
import ai.dfc.runtime.plugin.PluginRegistry;
import ai.dfc.runtime.run.RunSettings;
import ai.dfc.runtime.testplugin.EchoSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .record("run", "run settings", RunSettings.class, RunSettings.DEFAULTS)
            .plugin("encoder", "image encoder", Role.ENCODER, "test-encoder")
            .plugin("text_encoder", "text encoder", Role.TEXT_ENCODER, null)
            .pluginMap("losses", "loss terms", Role.LOSS, Map.of("test-loss", 1.0))
            .build();
    private final ConfigLoader loader = new ConfigLoader(SCHEMA, PluginRegistry.discover());

    @TempDir
    Path dir;

    private ResolvedConfig load(Path file, String variant, String... sets) {
        return loader.load(new ConfigSources(file, variant, Arrays.stream(sets).map(ConfigOverride::parse).toList()));
    }

    private ResolvedConfig load(String... sets) {
        return load(null, null, sets);
    }

    private Path file(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "experiment", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static void assertConfigError(ThrowingCallable call, String path, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            for (String part : messageParts) {
                assertThat(e.getMessage()).contains(part);
            }
        });
    }

    private static EchoSettings echo(ResolvedConfig c) {
        return c.plugin("text_encoder").orElseThrow().settings(EchoSettings.class);
    }

    @Test
    void builtInDefaultsFillEverySection() {
        ResolvedConfig c = load();
        assertThat(c.section("run", RunSettings.class)).isEqualTo(RunSettings.DEFAULTS);
        assertThat(c.plugin("encoder").orElseThrow().type()).isEqualTo("test-encoder");
        assertThat(c.plugin("text_encoder")).isEmpty();
        assertThat(c.pluginMap("losses")).containsOnlyKeys("test-loss");
        assertThat(c.pluginMap("losses").get("test-loss").weight()).isEqualTo(1.0);
        assertThat(c.pluginMap("losses").get("test-loss").plugin().settings()).isEqualTo(
                new ai.dfc.runtime.testplugin.EchoPlugin.LossSettings(0.1));
    }

    @Test
    void layersApplyInOrderDefaultsFileVariantSet() throws IOException {
        Path f = file("""
                run: {seed: 7, threads: 2}
                text_encoder: {type: test-echo, dimension: 32, retry: {attempts: 5}}
                variants:
                  small:
                    text_encoder: {dimension: 8}
                    run: {seed: 8}
                """);
        ResolvedConfig base = load(f, null);
        assertThat(base.section("run", RunSettings.class)).isEqualTo(new RunSettings(7, "runs", ".dfc-cache", 2));
        assertThat(echo(base)).isEqualTo(new EchoSettings(32, 0.9, "http://localhost:8000", List.of(9, 10, 11), "",
                EchoSettings.Mode.EXACT, new EchoSettings.Retry(5, 0.5)));

        ResolvedConfig small = load(f, "small");
        assertThat(echo(small).dimension()).isEqualTo(8);
        assertThat(echo(small).retry().attempts()).isEqualTo(5);
        assertThat(small.section("run", RunSettings.class).seed()).isEqualTo(8);

        ResolvedConfig set = load(f, "small", "run.seed=9", "text_encoder.mode=FAST", "run.seed=10");
        assertThat(set.section("run", RunSettings.class).seed()).isEqualTo(10);
        assertThat(set.section("run", RunSettings.class).threads()).isEqualTo(2);
        assertThat(echo(set).mode()).isEqualTo(EchoSettings.Mode.FAST);
        assertThat(echo(set).dimension()).isEqualTo(8);
    }

    @Test
    void listsComeFromFilesAndOverrides() throws IOException {
        assertThat(echo(load("text_encoder.type=test-echo", "text_encoder.layers=[1, 2, 3]")).layers())
                .containsExactly(1, 2, 3);
        Path f = file("text_encoder: {type: test-echo, layers: [5]}\n");
        assertThat(echo(load(f, null)).layers()).containsExactly(5);
        Path g = file("text_encoder:\n  type: test-echo\n  layers:\n    - 4\n    - 6\n");
        assertThat(echo(load(g, null)).layers()).containsExactly(4, 6);
        assertThat(echo(load(g, null, "text_encoder.layers=[1]")).layers()).containsExactly(1);
    }

    @Test
    void pluginMapsMergeEntriesAndTakeWeights() throws IOException {
        Path f = file("""
                losses:
                  sharp: {type: test-loss, temperature: 0.05, weight: 10}
                """);
        Map<String, WeightedPlugin> losses = load(f, null, "losses.test-loss.weight=0").pluginMap("losses");
        assertThat(losses.keySet()).containsExactly("test-loss", "sharp");
        assertThat(losses.get("test-loss").weight()).isZero();
        assertThat(losses.get("sharp").weight()).isEqualTo(10.0);
        assertThat(losses.get("sharp").plugin().type()).isEqualTo("test-loss");
        assertThat(losses.get("sharp").plugin().settings())
                .isEqualTo(new ai.dfc.runtime.testplugin.EchoPlugin.LossSettings(0.05));
        assertConfigError(() -> load("losses.test-loss.weight=-1"), "losses.test-loss.weight", "finite number >= 0");
        assertConfigError(() -> load("losses.other.temperature=1"), "losses.other.type", "unknown loss 'other'");
    }

    @Test
    void unknownKeysNameTheirPathAndSuggestTheIntendedKey() {
        assertConfigError(() -> load("no.such.key=1"), "no.such.key", "there is no section 'no'", "nearest known is");
        assertConfigError(() -> load("rn.seed=1"), "rn.seed", "did you mean 'run.seed'");
        assertConfigError(() -> load("run.sed=1"), "run.sed", "did you mean 'seed'");
        assertConfigError(() -> load("text_encoder.type=test-echo", "text_encoder.dimensoin=4"),
                "text_encoder.dimensoin", "did you mean 'dimension'");
        assertConfigError(() -> load("text_encoder.type=test-echo", "text_encoder.retry.atempts=4"),
                "text_encoder.retry.atempts", "did you mean 'attempts'");
    }

    @Test
    void invalidValuesNameTheirPath() {
        assertConfigError(() -> load("run.seed=abc"), "run.seed", "expected an integer, was 'abc'");
        assertConfigError(() -> load("run.threads=1.5"), "run.threads", "expected an integer");
        assertConfigError(() -> load("run.threads=-1"), "run.threads", "must be >= 0, was -1");
        assertConfigError(() -> load("text_encoder.type=test-echo", "text_encoder.retry.attempts=0"),
                "text_encoder.retry.attempts", "must be > 0, was 0");
        assertConfigError(() -> load("text_encoder.type=test-echo", "text_encoder.mode=slow"),
                "text_encoder.mode", "expected one of [FAST, EXACT]");
        assertConfigError(() -> load("text_encoder.type=test-echo", "text_encoder.layers=[a]"),
                "text_encoder.layers[0]", "expected an integer");
        assertConfigError(() -> load("run=3"), "run", "expected a map of settings");
    }

    @Test
    void misspelledPluginNamesAreRejectedWithTheKnownNames() {
        assertConfigError(() -> load("text_encoder.type=test-ecko"), "text_encoder.type",
                "unknown text-encoder 'test-ecko'; did you mean 'test-echo'? Known: test-echo");
        assertConfigError(() -> load("text_encoder.dimension=3"), "text_encoder.type", "missing: name the text-encoder");
        assertConfigError(() -> load("encoder.type=[1]"), "encoder.type", "expected a plugin name");
    }

    @Test
    void filesAndVariantsFailNamingTheFile() throws IOException {
        Path missing = dir.resolve("nope.yaml");
        assertConfigError(() -> load(missing, null), "", "config file " + missing + " does not exist");
        Path broken = file("run: {seed: [\n");
        assertConfigError(() -> load(broken, null), "", "config file " + broken + " is not valid YAML");
        Path f = file("variants: {small: {run: {seed: 1}}, large: {run: {seed: 2}}}\n");
        assertConfigError(() -> load(f, "smal"), "variants.smal", "no such variant", "did you mean 'small'");
        assertThatThrownBy(() -> new ConfigSources(null, "small", List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("needs an experiment file");
    }

    @Test
    void everyVariantValidatesBeforeAnyRun() throws IOException {
        Path f = file("""
                run: {seed: 1}
                variants:
                  good: {run: {seed: 2}}
                  bad: {run: {threads: -4}}
                """);
        assertConfigError(() -> loader.loadWithAllVariants(new ConfigSources(f, null, List.of())), "run.threads",
                "must be >= 0");
        Path ok = file("run: {seed: 1}\nvariants: {a: {run: {seed: 2}}, b: {run: {seed: 3}}}\n");
        Map<String, ResolvedConfig> all = loader.loadWithAllVariants(new ConfigSources(ok, null, List.of()));
        assertThat(all.keySet()).containsExactly("", "a", "b");
        assertThat(all.get("b").section("run", RunSettings.class).seed()).isEqualTo(3);
    }

    @Test
    void aMapGivenByTheUserReplacesTheDefaultInsteadOfMergingWithIt() {
        // lists and maps are values: the user's list replaces the default list element for element
        assertThat(echo(load("text_encoder.type=test-echo", "text_encoder.layers=[7]")).layers()).containsExactly(7);
    }

    @Test
    void secretsAreRedactedInEveryDumpAndCannotBeReloadedRedacted() throws IOException {
        ResolvedConfig c = load("text_encoder.type=test-echo", "text_encoder.api_key=sk-live-123");
        assertThat(echo(c).apiKey()).isEqualTo("sk-live-123");
        String yaml = c.toYaml();
        assertThat(yaml).doesNotContain("sk-live-123").contains("api_key: " + Secret.REDACTED);
        assertThat(c.toString()).doesNotContain("sk-live-123");
        assertThat(SettingDoc.of(EchoSettings.DEFAULTS)).filteredOn(SettingDoc::secret).extracting(SettingDoc::key)
                .containsExactly("api_key");
        Path saved = file(yaml);
        assertConfigError(() -> load(saved, null), "text_encoder.api_key", "redacted", "--set text_encoder.api_key=");
        assertThat(echo(load(saved, null, "text_encoder.api_key=sk-again")).apiKey()).isEqualTo("sk-again");
    }

    @Test
    void aDumpedConfigurationLoadsBackToEqualRecords() throws IOException {
        ResolvedConfig c = load("run.seed=99", "run.output_dir=out dir", "text_encoder.type=test-echo",
                "text_encoder.temperature=0.1", "text_encoder.endpoint='7'", "text_encoder.layers=[]",
                "text_encoder.retry.backoff=1e-3", "losses.extra.type=test-loss", "losses.extra.weight=0.25");
        assertThat(echo(c).endpoint()).isEqualTo("7");
        assertThat(echo(c).layers()).isEmpty();
        ResolvedConfig again = load(file(c.toYaml()), null);
        assertThat(again).isEqualTo(c);
        assertThat(again.toYaml()).isEqualTo(c.toYaml());
    }

    @Test
    void describesSettingsWithTypesDefaultsAndDescriptions() {
        List<SettingDoc> docs = SettingDoc.of(EchoSettings.DEFAULTS);
        assertThat(docs).extracting(SettingDoc::key)
                .containsExactly("dimension", "temperature", "endpoint", "layers", "api_key", "mode", "retry");
        SettingDoc layers = docs.get(3);
        assertThat(layers.type()).isEqualTo("List<Integer>");
        assertThat(layers.defaultValue().toString()).isEqualTo("[9,10,11]");
        assertThat(layers.description()).isEqualTo("layers to use");
        assertThat(docs.get(0).type()).isEqualTo("int");
    }

    @Test
    void overridesMustBeKeyValuePairs() {
        assertThatThrownBy(() -> ConfigOverride.parse("run.seed")).hasMessageContaining("expected key=value");
        assertThatThrownBy(() -> ConfigOverride.parse("=3")).hasMessageContaining("expected key=value");
        assertThatThrownBy(() -> ConfigOverride.parse("a..b=3")).hasMessageContaining("dotted path");
        assertThat(ConfigOverride.parse(" run.seed = 7 ")).isEqualTo(new ConfigOverride("run.seed", "7"));
        assertConfigError(() -> load("run.seed=1", "run.seed.x=2"), "run.seed.x", "conflicts");
    }
}
