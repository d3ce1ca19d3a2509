package ai.dfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.image.RgbImage;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.ProcessedViews;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.numpy.DType;
import ai.dfc.geometry.numpy.Npy;
import ai.dfc.geometry.numpy.NpyArray;
import ai.dfc.model.cache.FeatureStore;
import ai.dfc.model.cache.ImageKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) images: (\\d+) computed, (\\d+) reused in [0-9.]+ s \\(([0-9.]+) images/s; (encoder [0-9.]+ images/s|encoder not run)\\)");

    @TempDir
    static Path shared;

    /** One mug, its 19 training views and 30 evaluation renders processed to 224 px, as 'dfc label'/'dfc annotate' do. */
    static Path dataset;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void renderATinyDataset() throws IOException {
        dataset = shared.resolve("world");
        for (String views : List.of("19", "30")) {
            CliRun r = run("render", "--procedural", "--categories", "mug", "--instances", "1", "--views", views, "--size",
                    "48", "--points", "500", "--out", dataset.toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        for (String set : List.of(ProceduralRenders.TRAINING, ProceduralRenders.EVALUATION)) {
            for (RenderedAsset asset : RenderedAsset.list(dataset.resolve(set))) {
                ProcessedViews.write(asset);
            }
        }
    }

    private static Matcher summary(CliRun r) {
        Matcher m = SUMMARY.matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return m;
    }

    private static Path storeOf(CliRun r) {
        Matcher m = Pattern.compile("store: (.+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return Path.of(m.group(1).strip());
    }

    private static long entries(Path store) throws IOException {
        try (Stream<Path> files = Files.walk(store.resolve(FeatureStore.ENTRIES))) {
            return files.filter(p -> p.toString().endsWith(".npy")).count();
        }
    }

    @Test
    void findsTheTrainingAndEvaluationImages() {
        List<Path> images = FeaturesCommand.images(dataset);
        assertThat(images).hasSize(19 + 30);
        assertThat(images.stream().filter(p -> p.toString().contains(ProceduralRenders.TRAINING))).hasSize(19);
        assertThat(images.stream().filter(p -> p.toString().contains(ProceduralRenders.EVALUATION))).hasSize(30);
        assertThat(images).allMatch(p -> p.getParent().getFileName().toString().equals(ProcessedViews.RGB));
    }

    @Test
    void fillsTheCacheOnceAndASecondRunComputesNothing() throws IOException {
        Path cache = shared.resolve("cache-" + System.nanoTime());
        int before = CliTestPlugin.EncoderPlugin.IMAGES.get();
        CliRun first = run("features", "--dataset", dataset.toString(), "--encoder", "cli-test-encoder", "--batch", "8",
                "--cache", cache.toString());
        assertThat(first.code()).as(first.err()).isZero();
        Matcher m = summary(first);
        assertThat(m.group(1)).isEqualTo("49");
        assertThat(m.group(2)).isEqualTo("49");
        assertThat(m.group(3)).isEqualTo("0");
        assertThat(m.group(5)).startsWith("encoder ").endsWith(" images/s");
        System.out.println("dfc features, cli-test-encoder: " + m.group());
        assertThat(CliTestPlugin.EncoderPlugin.IMAGES.get() - before).isEqualTo(49);
        Path store = storeOf(first);
        assertThat(store.getParent()).isEqualTo(cache.toAbsolutePath());
        assertThat(store.getFileName().toString()).matches("cli-test-encoder-[0-9a-f]{16}");
        assertThat(entries(store)).isEqualTo(49);
        JsonNode json = new ObjectMapper().readTree(store.resolve(FeatureStore.STORE_JSON).toFile());
        assertThat(json.get("encoder").asText()).isEqualTo("cli-test-encoder");
        assertThat(json.get("settings").get("stride").asInt()).isEqualTo(14);

        // an entry: float16 (1 layer, 16, 16, 3 channels) — the 224-px grid at stride 14 — holding the mean colours
        Path png = FeaturesCommand.images(dataset).get(0);
        RgbImage image = Pngs.readRgb(png);
        assertThat(image.width()).isEqualTo(224);
        NpyArray entry = Npy.read(store.resolve(FeatureStore.ENTRIES).resolve(ImageKey.of(image).shard())
                .resolve(ImageKey.of(image).hex() + ".npy"));
        assertThat(entry.type()).isEqualTo(DType.FLOAT16);
        assertThat(entry.shape()).containsExactly(1, 16, 16, 3);
        double red = 0;
        for (int r = 0; r < 14; r++) {
            for (int c = 0; c < 14; c++) {
                red += image.channel(r, c, 0) / 255.0 / 196;
            }
        }
        assertThat((double) entry.toFloats()[0]).isCloseTo(red, org.assertj.core.api.Assertions.within(Math.abs(red) / 1024 + 1e-6));

        int beforeSecond = CliTestPlugin.EncoderPlugin.IMAGES.get();
        CliRun second = run("features", "--dataset", dataset.toString(), "--encoder", "cli-test-encoder", "--batch", "8",
                "--cache", cache.toString());
        assertThat(second.code()).as(second.err()).isZero();
        Matcher again = summary(second);
        assertThat(again.group(2)).as("a second run computes nothing").isEqualTo("0");
        assertThat(again.group(3)).isEqualTo("49");
        assertThat(again.group(5)).isEqualTo("encoder not run");
        assertThat(CliTestPlugin.EncoderPlugin.IMAGES.get()).as("the encoder never ran").isEqualTo(beforeSecond);
        assertThat(storeOf(second)).isEqualTo(store);

        // another encoder setting: another store, under run.cache_dir/features when --cache is not given
        Path runCache = shared.resolve("run-cache-" + System.nanoTime());
        CliRun gained = run("features", "--dataset", dataset.toString(), "--encoder", "cli-test-encoder", "--set",
                "encoder.gain=2", "--set", "run.cache_dir=" + runCache);
        assertThat(gained.code()).as(gained.err()).isZero();
        assertThat(summary(gained).group(2)).isEqualTo("49");
        assertThat(storeOf(gained).getParent()).isEqualTo(runCache.resolve("features").toAbsolutePath());
        assertThat(storeOf(gained).getFileName()).isNotEqualTo(store.getFileName());
    }

    @Test
    void reportsUsageAndInputErrorsWithTheirExitCodes() throws IOException {
        CliRun unknown = run("features", "--dataset", dataset.toString(), "--encoder", "cli-test-encodr", "--cache",
                shared.resolve("c1").toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown encoder 'cli-test-encodr'").contains("cli-test-encoder");

        Path missing = shared.resolve("no-such-dataset");
        CliRun noDataset = run("features", "--dataset", missing.toString(), "--encoder", "cli-test-encoder");
        assertThat(noDataset.code()).isEqualTo(1);
        assertThat(noDataset.err()).contains("dataset directory " + missing.toAbsolutePath() + " does not exist");

        Path empty = Files.createDirectories(shared.resolve("empty"));
        CliRun noImages = run("features", "--dataset", empty.toString(), "--encoder", "cli-test-encoder");
        assertThat(noImages.code()).isEqualTo(1);
        assertThat(noImages.err()).contains("no processed images in").contains("renders_for_training/*/rgb_images_processed");

        CliRun defaultEncoder = run("features", "--dataset", dataset.toString());
        assertThat(defaultEncoder.code()).as("the configured default encoder: dense-descriptor").isZero();
        assertThat(defaultEncoder.out()).contains("dense-descriptor-");

        assertThat(run("features", "--dataset", dataset.toString(), "--encoder", "cli-test-encoder", "--batch", "0").code())
                .isEqualTo(2);
        assertThat(run("features", "--encoder", "cli-test-encoder").code()).as("--dataset is required").isEqualTo(2);
    }
}
