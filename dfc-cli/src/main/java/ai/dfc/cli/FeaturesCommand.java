package ai.dfc.cli;

import ai.dfc.api.DfcException;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.ProcessedViews;
import ai.dfc.model.cache.FeatureCache;
import ai.dfc.model.cache.FillReport;
import ai.dfc.model.cache.ImageSource;
import ai.dfc.runtime.config.ConfigOverride;
import ai.dfc.runtime.config.ConfigSources;
import ai.dfc.runtime.config.PluginChoice;
import ai.dfc.runtime.config.ResolvedConfig;
import ai.dfc.runtime.plugin.PluginInstantiator;
import ai.dfc.runtime.run.RunContext;
import ai.dfc.runtime.run.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dfc features}: runs the configured frozen encoder once over every processed 224-px image of a dataset that
 * training and evaluation feed to it, and keeps the tokens in the feature cache ({@link FeatureCache}), resumably.
 */
@Command(name = "features", description = {
    "Encode a dataset's processed 224-px images once with the frozen encoder and cache the tokens (float16) on disk.",
    "Images: renders_for_training/<asset>/" + ProcessedViews.RGB + "/*.png (the training views, written by 'dfc label'), "
            + "renders_eval/<asset>/" + ProcessedViews.RGB + "/*.png (the evaluation renders, written by 'dfc annotate') "
            + "and images/<asset>/" + ProcessedViews.RGB + "/*.png (the reference's evaluation layout). Only missing "
            + "images are encoded: a second run computes nothing."})
final class FeaturesCommand implements Runnable {
    /** Dataset folders whose assets' processed images go through the encoder. */
    static final List<String> IMAGE_SETS = List.of(ProceduralRenders.TRAINING, ProceduralRenders.EVALUATION, "images");

    @Mixin
    ConfigOptions options;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "a dataset made by 'dfc render' and "
            + "'dfc label' / 'dfc annotate'")
    Path dataset;

    @Option(names = "--encoder", paramLabel = "NAME", description = "shortcut for --set encoder.type=NAME (see 'dfc plugins')")
    String encoder;

    @Option(names = "--batch", defaultValue = "8", paramLabel = "N", description = "images per encoder call; default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--cache", paramLabel = "DIR", description = "feature cache root; default: <run.cache_dir>/features")
    Path cache;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (batch < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be >= 1, was " + batch);
        }
        Workspace ws = Workspace.get();
        List<ConfigOverride> overrides = new ArrayList<>(options.overrides);
        if (encoder != null) {
            overrides.add(0, new ConfigOverride("encoder.type", encoder));
        }
        ResolvedConfig config = ws.loader.load(new ConfigSources(options.file, options.variant, overrides));
        PluginChoice choice = config.plugin("encoder").orElseThrow(() -> new DfcException(
                "no encoder configured: pass --encoder NAME or set encoder.type (known: "
                        + String.join(", ", ws.registry.names(ai.dfc.api.plugin.Role.ENCODER)) + ")"));
        if (!Files.isDirectory(dataset)) {
            throw new DfcException("dataset directory " + dataset.toAbsolutePath() + " does not exist");
        }
        List<Path> files = images(dataset);
        if (files.isEmpty()) {
            throw new DfcException("no processed images in " + dataset.toAbsolutePath() + ": looked for "
                    + String.join(", ", IMAGE_SETS.stream().map(s -> s + "/*/" + ProcessedViews.RGB + "/*.png").toList())
                    + " (written by 'dfc label' for training and 'dfc annotate' for evaluation)");
        }
        RunSettings run = config.section("run", RunSettings.class);
        Path root = cache != null ? cache : Path.of(run.cacheDir()).resolve("features");
        PluginInstantiator plugins = new PluginInstantiator(ws.registry,
                RunContext.of(root, Path.of(run.cacheDir()), run.seed()));
        List<ImageSource> sources = files.stream().map(f -> ImageSource.file(f, Pngs::readRgb)).toList();
        try (Encoder e = plugins.create(choice, Encoder.class)) {
            FeatureCache features = FeatureCache.open(root, choice.type(), choice.settings(), e);
            FillReport report;
            try (ProgressBar bar = Progress.bar("features", files.size(), "images")) {
                report = features.fill(sources, batch, p -> {
                    bar.stepTo(p.done());
                    bar.setExtraMessage(String.format(Locale.ROOT, " %d computed, %d reused", p.computed(), p.reused()));
                });
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "%d images: %d computed, %d reused in %.1f s (%.1f images/s; %s)%n",
                    report.images(), report.computed(), report.reused(), report.totalNanos() / 1e9,
                    report.imagesPerSecond(), report.computed() == 0 ? "encoder not run"
                            : String.format(Locale.ROOT, "encoder %.1f images/s", report.encodedPerSecond()));
            spec.commandLine().getOut().println("store: " + features.store().directory().toAbsolutePath());
        } catch (IOException ex) {
            throw new DfcException("filling the feature cache under " + root + " failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * The processed images of {@code dataset} that training and evaluation encode, sorted by path:
     * {@code <set>/<asset>/rgb_images_processed/*.png} for each set of {@link #IMAGE_SETS} present.
     */
    static List<Path> images(Path dataset) {
        List<Path> out = new ArrayList<>();
        for (String set : IMAGE_SETS) {
            Path root = dataset.resolve(set);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> assets = Files.list(root)) {
                for (Path asset : assets.filter(Files::isDirectory).toList()) {
                    Path rgb = asset.resolve(ProcessedViews.RGB);
                    if (Files.isDirectory(rgb)) {
                        try (Stream<Path> pngs = Files.list(rgb)) {
                            pngs.filter(p -> p.getFileName().toString().endsWith(".png")
                                    && !p.getFileName().toString().startsWith(".")).forEach(out::add);
                        }
                    }
                }
            } catch (IOException e) {
                throw new DfcException("cannot list " + root + ": " + e.getMessage(), e);
            }
        }
        out.sort(null);
        return out;
    }
}
