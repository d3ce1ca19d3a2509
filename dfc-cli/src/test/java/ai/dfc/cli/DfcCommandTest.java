package ai.dfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DfcCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void pluginsListsTheTestPluginWithItsSettings() {
        CliRun r = run("plugins");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("grounder:\n  cli-test-grounder - test-only grounder that finds nothing  ["
                + CliTestPlugin.class.getName() + "]");
        assertThat(r.out()).contains("      answers (int) = 4  answers per query");
        assertThat(r.out()).contains("      api_key (String) = \"\" [secret]  API key");
        assertThat(r.out()).contains("text-encoder:\n  clip-text - ").contains("\n  hashed-ngram - offline default");
        assertThat(r.out()).contains("      dimension (int) = 512  embedding dimension");
    }

    @Test
    void pluginsJsonIsMachineReadable() throws IOException {
        CliRun r = run("plugins", "--json");
        assertThat(r.code()).isZero();
        JsonNode plugins = new ObjectMapper().readTree(r.out());
        JsonNode grounder = null;
        for (JsonNode p : plugins) {
            if (p.get("name").asText().equals("cli-test-grounder")) {
                grounder = p;
            }
        }
        assertThat(grounder).isNotNull();
        assertThat(grounder.get("role").asText()).isEqualTo("grounder");
        assertThat(grounder.get("name").asText()).isEqualTo("cli-test-grounder");
        assertThat(grounder.get("settings").get(0).get("key").asText()).isEqualTo("answers");
        assertThat(grounder.get("settings").get(0).get("default").asInt()).isEqualTo(4);
        assertThat(grounder.get("settings").get(1).get("secret").asBoolean()).isTrue();
    }

    @Test
    void configShowPrintsTheResolvedConfigurationWithSecretsRedacted() throws IOException {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, "grounder: {type: cli-test-grounder, answers: 2}\nvariants: {many: {grounder: {answers: 8}}}\n");
        CliRun r = run("config", "show", "-c", file.toString(), "--variant", "many", "--set", "grounder.api_key=sk-1",
                "--set", "run.seed=5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("seed: 5").contains("type: cli-test-grounder").contains("answers: 8")
                .contains("api_key: <redacted>").doesNotContain("sk-1");
    }

    @Test
    void validateAcceptsAGoodFileWithAllItsVariants() throws IOException {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, "run: {seed: 1}\nvariants: {a: {run: {seed: 2}}, b: {run: {threads: 1}}}\n");
        CliRun r = run("config", "validate", "-c", file.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("configuration is valid (" + file + ", 2 variants: a, b)");
    }

    @Test
    void validateNamesAnUnknownKeyAndASuggestionAndExitsOne() {
        CliRun r = run("config", "validate", "--set", "no.such.key=1");
        assertThat(r.code()).isEqualTo(DfcCommand.EXIT_FAILURE);
        assertThat(r.err()).startsWith("dfc: error: no.such.key: unknown key: there is no section 'no'")
                .contains("nearest known is").doesNotContain("\tat ");
        CliRun typo = run("config", "validate", "--set", "run.sed=1");
        assertThat(typo.err()).contains("run.sed: unknown key; did you mean 'seed'?");
    }

    @Test
    void aMisspelledPluginNameIsRejectedWithTheKnownNames() {
        CliRun r = run("config", "validate", "--set", "grounder.type=cli-test-grounders");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(
                "grounder.type: unknown grounder 'cli-test-grounders'; did you mean 'cli-test-grounder'? Known: cli-test-grounder");
        CliRun ok = run("config", "validate", "--set", "grounder.type=cli-test-grounder");
        assertThat(ok.code()).isZero();
    }

    @Test
    void usageErrorsExitTwoAndVerboseShowsStackTraces() {
        assertThat(run("config", "validate", "--set", "nokey").code()).isEqualTo(DfcCommand.EXIT_USAGE);
        assertThat(run("no-such-command").code()).isEqualTo(DfcCommand.EXIT_USAGE);
        assertThat(run("config").code()).isEqualTo(DfcCommand.EXIT_USAGE);
        assertThat(run("config", "show", "-c", dir.resolve("missing.yaml").toString()).err())
                .contains("does not exist").doesNotContain("\tat ");
        assertThat(run("--verbose", "config", "show", "-c", dir.resolve("missing.yaml").toString()).err())
                .contains("\tat ai.dfc.");
        assertThat(run("--version").out()).startsWith("dfc ");
    }
}
