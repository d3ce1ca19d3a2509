package ai.dfc.cli;

import ai.dfc.api.DfcException;
import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.namer.PartNamer;
import ai.dfc.eval.baseline.EncoderBaseline;
import ai.dfc.eval.baseline.GrounderEncoderMethod;
import ai.dfc.eval.report.EvaluationReport;
import ai.dfc.eval.run.ChancePredictor;
import ai.dfc.eval.run.Evaluator;
import ai.dfc.eval.run.FeaturePredictor;
import ai.dfc.eval.run.Predictor;
import ai.dfc.runtime.config.PluginChoice;
import ai.dfc.runtime.config.ResolvedConfig;
import ai.dfc.runtime.plugin.PluginInstantiator;
import ai.dfc.runtime.run.Provenance;
import ai.dfc.runtime.run.RunContext;
import ai.dfc.runtime.run.RunDirectory;
import ai.dfc.runtime.run.RunSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code dfc eval}: label transfer and correspondence discovery (SPEC §7) of methods on the configured benchmark,
 * into a run directory with results.json, results.csv, predictions, pictures and report.html.
 */
@Command(name = "eval", description = "Evaluate methods on the configured benchmark (results.json, results.csv, report.html).")
final class EvalCommand implements Runnable {
    @Mixin
    ConfigOptions options;

    @Option(names = "--methods", split = ",", defaultValue = "chance,encoder",
            description = "chance, encoder (the raw-encoder baseline of the configured encoder), grounder (the encoder with "
                    + "functional regions from the configured grounder and part namer); default: ${DEFAULT-VALUE}")
    List<String> methods;

    @Option(names = "--pictures", defaultValue = "6", description = "pairs drawn in the report")
    int pictures;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Workspace ws = Workspace.get();
        ResolvedConfig config = ws.loader.load(options.sources());
        RunSettings run = config.section("run", RunSettings.class);
        PluginChoice benchmarkChoice = config.plugin("benchmark").orElseThrow(() -> new DfcException(
                "no benchmark configured: set benchmark.type (e.g. --set benchmark.type=procedural --set benchmark.dataset=DIR)"));
        RunDirectory dir = RunDirectory.create(Path.of(run.outputDir()), "eval", config,
                Provenance.collect(config, ws.registry, List.of(spec.commandLine().getParseResult().originalArgs()
                        .toArray(String[]::new)), Backend.describe()));
        RunContext context = RunContext.of(dir.path(), Path.of(run.cacheDir()), run.seed());
        PluginInstantiator plugins = new PluginInstantiator(ws.registry, context);
        List<AutoCloseable> owned = new ArrayList<>();
        try (Benchmark benchmark = plugins.create(benchmarkChoice, Benchmark.class)) {
            List<Predictor> predictors = new ArrayList<>();
            for (String m : methods) {
                switch (m) {
                    case "chance" -> predictors.add(new ChancePredictor(run.seed()));
                    case "encoder" -> {
                        PluginChoice e = config.plugin("encoder").orElse(null);
                        if (e == null) {
                            if (methods.contains("chance") && methods.size() == 2) {
                                continue; // the default list: skip the encoder baseline when none is configured
                            }
                            throw new DfcException("method 'encoder' needs an encoder: set encoder.type");
                        }
                        Encoder encoder = plugins.create(e, Encoder.class);
                        owned.add(encoder);
                        predictors.add(new FeaturePredictor(new EncoderBaseline(encoder, "raw " + e.type())));
                    }
                    case "grounder" -> {
                        PluginChoice e = config.plugin("encoder").orElseThrow(() -> new DfcException(
                                "method 'grounder' needs an encoder: set encoder.type"));
                        PluginChoice g = config.plugin("grounder").orElseThrow(() -> new DfcException(
                                "method 'grounder' needs a grounder: set grounder.type"));
                        PluginChoice n = config.plugin("part_namer").orElseThrow(() -> new DfcException(
                                "method 'grounder' needs a part namer: set part_namer.type (e.g. taxonomy-file)"));
                        Encoder encoder = plugins.create(e, Encoder.class);
                        owned.add(encoder);
                        Grounder grounder = plugins.create(g, Grounder.class);
                        owned.add(grounder);
                        PartNamer namer = plugins.create(n, PartNamer.class);
                        owned.add(namer);
                        predictors.add(new FeaturePredictor(new GrounderEncoderMethod(
                                new EncoderBaseline(encoder, "raw " + e.type()), grounder, namer, e.type() + "+" + g.type())));
                    }
                    default -> throw new CommandLine.ParameterException(spec.commandLine(),
                            "unknown method '" + m + "'; known: chance, encoder, grounder");
                }
            }
            List<Evaluator.Run> runs = new ArrayList<>();
            int pairs = benchmark.pairs().size();
            if (pairs == 0) {
                throw new DfcException("the benchmark has no pairs");
            }
            for (Predictor p : predictors) {
                try (ProgressBar bar = Progress.bar(p.name(), pairs, "pairs")) {
                    runs.add(Evaluator.evaluate(benchmark, p, done -> bar.stepTo(done)));
                }
            }
            EvaluationReport.write(dir.path(), benchmark, runs, predictors, pictures);
            spec.commandLine().getOut().println("results in " + dir.path().toAbsolutePath() + " (report.html, results.csv)");
        } catch (IOException e) {
            throw new DfcException("writing the evaluation into " + dir.path() + " failed: " + e.getMessage(), e);
        } finally {
            for (AutoCloseable c : owned) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing an encoder cannot lose results
                }
            }
        }
    }
}
