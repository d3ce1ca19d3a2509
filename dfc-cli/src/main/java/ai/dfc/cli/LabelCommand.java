package ai.dfc.cli;

import ai.dfc.api.DfcException;
import ai.dfc.api.edge.EdgeEstimator;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.namer.PartNamer;
import ai.dfc.labeling.pipeline.LabelingProgress;
import ai.dfc.labeling.pipeline.LabelingRun;
import ai.dfc.labeling.pipeline.PartCatalog;
import ai.dfc.labeling.report.QualityReport;
import ai.dfc.runtime.config.ConfigOverride;
import ai.dfc.runtime.config.ConfigSources;
import ai.dfc.runtime.config.PluginChoice;
import ai.dfc.runtime.config.ResolvedConfig;
import ai.dfc.runtime.plugin.PluginInstantiator;
import ai.dfc.runtime.run.Provenance;
import ai.dfc.runtime.run.RunContext;
import ai.dfc.runtime.run.RunDirectory;
import ai.dfc.runtime.run.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dfc label}: pseudo-labels the functional parts of a rendered dataset (SPEC §3.4–3.10) with the configured
 * grounder, resumably, and writes a quality report when the dataset has true parts (the procedural world).
 */
@Command(name = "label", description = "Pseudo-label functional parts of a rendered dataset (boxes → 3-D votes → masks).")
final class LabelCommand implements Runnable {
    @Mixin
    ConfigOptions options;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "a dataset made by 'dfc render' (19 views)")
    Path dataset;

    @Option(names = "--grounder", paramLabel = "NAME", description = "shortcut for --set grounder.type=NAME (cogvlm, openai-vlm, simulated, …)")
    String grounder;

    @Option(names = "--no-report", description = "skip the quality report")
    boolean noReport;

    @Option(names = "--threads", defaultValue = "0", description = "views/parts in flight; 0 = 2 × cores")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Workspace ws = Workspace.get();
        List<ConfigOverride> overrides = new ArrayList<>(options.overrides);
        if (grounder != null) {
            overrides.add(0, new ConfigOverride("grounder.type", grounder));
        }
        ResolvedConfig config = ws.loader.load(new ConfigSources(options.file, options.variant, overrides));
        PluginChoice grounderChoice = config.plugin("grounder").orElseThrow(() -> new DfcException(
                "no grounder configured: pass --grounder NAME (e.g. simulated, cogvlm) or set grounder.type"));
        if (!Files.isDirectory(dataset.resolve("renders_for_labeling"))) {
            throw new DfcException(dataset + " has no renders_for_labeling/: render it with 'dfc render' (19 views) first");
        }
        RunSettings run = config.section("run", RunSettings.class);
        RunDirectory dir = RunDirectory.create(Path.of(run.outputDir()), "label", config,
                Provenance.collect(config, ws.registry, List.of(spec.commandLine().getParseResult().originalArgs()
                        .toArray(String[]::new)), Backend.describe()));
        RunContext context = RunContext.of(dir.path(), Path.of(run.cacheDir()), run.seed());
        PluginInstantiator plugins = new PluginInstantiator(ws.registry, context);
        PluginChoice namerChoice = config.plugin("part_namer").orElse(null);
        PluginChoice edgeChoice = config.plugin("edge_estimator").orElse(null);
        try (Grounder g = plugins.create(grounderChoice, Grounder.class);
                PartNamer namer = namerChoice == null ? null : plugins.create(namerChoice, PartNamer.class);
                EdgeEstimator edges = edgeChoice == null ? null : plugins.create(edgeChoice, EdgeEstimator.class)) {
            Path taxonomy = dataset.resolve("taxonomy");
            PartCatalog catalog = namer == null ? PartCatalog.read(taxonomy) : PartCatalog.read(taxonomy, namer);
            int parallel = threads > 0 ? threads : 2 * Runtime.getRuntime().availableProcessors();
            LabelingRun labeling = new LabelingRun(dataset, catalog, g, edges, new LabelingRun.Options(parallel));
            LabelingProgress last;
            long start = System.nanoTime();
            try (ProgressBar bar = Progress.bar("label", 1, "assets")) {
                last = labeling.run(p -> {
                    bar.maxHint(Math.max(1, p.assetsTotal()));
                    bar.stepTo(p.assetsDone());
                    double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                    bar.setExtraMessage(String.format(Locale.ROOT, "%s %.1f views/s %.1f req/s, %d cache hits, %d failures",
                            p.stage().name().toLowerCase(Locale.ROOT), p.viewsDone() / seconds, p.requests() / seconds,
                            p.cacheHits(), p.failures()));
                });
            }
            spec.commandLine().getOut().printf("%d views labelled (%d dropped), %d questions, %d labels written%n",
                    last.viewsDone(), last.viewsDropped(), last.questions(), last.labels());
            if (!noReport) {
                QualityReport report = QualityReport.write(dataset, catalog, dir.path().resolve("quality"));
                report.meanIou().ifPresentOrElse(
                        iou -> spec.commandLine().getOut().printf("mean IoU of pseudo labels vs true parts: %.3f (%s)%n",
                                iou, dir.path().resolve("quality").resolve(QualityReport.JSON_FILE)),
                        () -> spec.commandLine().getOut().println("no true part masks in this dataset: no quality report"));
            }
        } catch (IOException e) {
            throw new DfcException("labeling " + dataset + " failed: " + e.getMessage(), e);
        }
    }
}
