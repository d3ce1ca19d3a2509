package ai.dfc.cli;

import ai.dfc.api.DfcException;
import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.annotation.AnnotationPictures;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.eval.baseline.EncoderBaseline;
import ai.dfc.eval.match.CycleProposals;
import ai.dfc.eval.report.LabelTransferPicture;
import ai.dfc.eval.run.ChancePredictor;
import ai.dfc.eval.run.FeaturePredictor;
import ai.dfc.eval.run.Predictor;
import ai.dfc.geometry.io.AtomicFiles;
import ai.dfc.runtime.config.PluginChoice;
import ai.dfc.runtime.config.ResolvedConfig;
import ai.dfc.runtime.plugin.PluginInstantiator;
import ai.dfc.runtime.run.RunContext;
import ai.dfc.runtime.run.RunSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dfc match}: functional correspondences between two images that need not come from any dataset — a user's
 * photos with or without masks. Writes {@code correspondences.json} (the ranked cycle-consistent matches) and
 * pictures.
 */
@Command(name = "match", description = "Correspondences between two images for a function (JSON + pictures).")
final class MatchCommand implements Runnable {
    @Mixin
    ConfigOptions options;

    @Option(names = "--source", required = true, paramLabel = "A.png")
    Path source;

    @Option(names = "--target", required = true, paramLabel = "B.png")
    Path target;

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "e.g. pour-with")
    String function;

    @Option(names = "--source-mask", paramLabel = "MASK.png", description = "object mask of the source (default: its alpha channel, or the whole image)")
    Path sourceMask;

    @Option(names = "--target-mask", paramLabel = "MASK.png")
    Path targetMask;

    @Option(names = "--method", defaultValue = "encoder", description = "encoder (the configured encoder's raw features) or chance")
    String method;

    @Option(names = "--top", defaultValue = "20", description = "matches drawn and kept first in the JSON")
    int top;

    @Option(names = "--out", defaultValue = "match", paramLabel = "DIR")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        FunctionName fn;
        try {
            fn = FunctionName.of(function);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        EvalImage a = load(source, sourceMask);
        EvalImage b = load(target, targetMask);
        Workspace ws = Workspace.get();
        ResolvedConfig config = ws.loader.load(options.sources());
        RunSettings run = config.section("run", RunSettings.class);
        Encoder encoder = null;
        try {
            Predictor predictor;
            if (method.equals("chance")) {
                predictor = new ChancePredictor(run.seed());
            } else if (method.equals("encoder")) {
                PluginChoice e = config.plugin("encoder").orElseThrow(() -> new DfcException(
                        "--method encoder needs an encoder: set encoder.type (see 'dfc plugins'), or use --method chance"));
                encoder = new PluginInstantiator(ws.registry, RunContext.of(out, Path.of(run.cacheDir()), run.seed()))
                        .create(e, Encoder.class);
                predictor = new FeaturePredictor(new EncoderBaseline(encoder, "raw " + e.type()));
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown method '" + method + "'; known: encoder, chance");
            }
            CycleProposals.Ranked ranked = predictor.discover(a, b, fn).ranked();
            List<Map<String, Object>> matches = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source_row_col", new int[] {ranked.source()[2 * i], ranked.source()[2 * i + 1]});
                m.put("target_row_col", new int[] {ranked.target()[2 * i], ranked.target()[2 * i + 1]});
                m.put("score", ranked.score()[i]);
                matches.add(m);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", source.toString());
            json.put("target", target.toString());
            json.put("function", fn.value());
            json.put("method", predictor.name());
            json.put("matches", matches);
            Files.createDirectories(out);
            AtomicFiles.write(out.resolve("correspondences.json"), tmp -> new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), json));
            AnnotationPictures.write(out.resolve("matches.png"), a.image(), ranked.source(), b.image(), ranked.target(),
                    top, false);
            LabelTransferPicture.write(out.resolve("transfer.png"), predictor, a, b, fn);
            spec.commandLine().getOut().printf("%d matches (%s) in %s%n", ranked.size(), predictor.name(),
                    out.resolve("correspondences.json"));
        } catch (IOException e) {
            throw new DfcException("writing into " + out + " failed: " + e.getMessage(), e);
        } finally {
            if (encoder != null) {
                encoder.close();
            }
        }
    }

    private static EvalImage load(Path image, Path mask) {
        try {
            RgbImage rgb = Pngs.readRgb(image);
            Mask m = mask != null ? Pngs.readMask(mask) : Pngs.readAlpha(image);
            if (!m.size().equals(rgb.size())) {
                throw new DfcException("mask " + mask + " is " + m.size() + " but " + image + " is " + rgb.size());
            }
            return new EvalImage(rgb, m);
        } catch (IOException e) {
            throw new DfcException("cannot read " + image + (mask != null ? " or " + mask : "") + ": " + e.getMessage(), e);
        }
    }
}
