package ai.dfc.cli;

import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.plugin.Role;
import ai.dfc.model.dinov2.Dinov2Architecture;
import ai.dfc.model.dinov2.Dinov2Encoder;
import ai.dfc.model.dinov2.Dinov2Network;
import ai.dfc.model.dinov2.Dinov2Weights;
import ai.dfc.runtime.run.RunContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dfc bench encoder}: images/s of the encoders at 224², and of the same DINOv2 forward in PyTorch on this
 * machine (tools/parity/bench_torch.py, run with the given Python) for a side-by-side ratio. DINOv2 runs with random
 * weights of the published shapes (speed does not depend on the values); other encoders with their default settings.
 */
@Command(name = "encoder", description = "Encoder images/s at 224²: dinov2 ViT-S/14 and ViT-B/14 (random weights), "
        + "dense-descriptor, and PyTorch's ViT forward side by side when python3-torch is installed.")
final class EncoderBench implements Runnable {
    @Option(names = "--models", split = ",", defaultValue = "vits14,vitb14,dense-descriptor",
            description = "vits14, vitb14, vitl14, vitg14 (dinov2 shapes) or any encoder plugin name; default: ${DEFAULT-VALUE}")
    List<String> models;

    @Option(names = "--batch", split = ",", defaultValue = "1,8", description = "batch sizes; default: ${DEFAULT-VALUE}")
    List<Integer> batches;

    @Option(names = "--seconds", defaultValue = "10", description = "minimum timed seconds per case")
    double seconds;

    @Option(names = "--size", defaultValue = "224", description = "input side in pixels")
    int size;

    @Option(names = "--engine", defaultValue = "eager", description = "dinov2 engine: eager or samediff; default: ${DEFAULT-VALUE}")
    String engine;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "interpreter with torch; 'none' to skip")
    String python;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "?");
        out.printf("input %dx%d, %s threads, OMP_WAIT_POLICY=%s, dinov2 engine %s, %.0f s per case%n", size, size, threads,
                System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)"), engine, seconds);
        out.printf("%-18s %5s %12s %12s %8s%n", "model", "batch", "DFC img/s", "PyTorch", "ratio");
        out.flush();
        Map<String, Double> torch = torchFigures(out);
        for (String model : models) {
            for (int batch : batches) {
                double ours;
                try (Encoder encoder = encoder(model)) {
                    ours = imagesPerSecond(encoder, batch);
                }
                Double theirs = torch.get(model + "/" + batch);
                out.printf("%-18s %5d %12.2f %12s %8s%n", model, batch, ours,
                        theirs == null ? "-" : String.format("%.2f", theirs),
                        theirs == null ? "-" : String.format("%.2fx", ours / theirs));
                out.flush();
            }
        }
    }

    private Encoder encoder(String model) {
        if (model.matches("vit[sblg]14")) {
            Dinov2Architecture a = Dinov2Architecture.published(model);
            return new Dinov2Encoder(new Dinov2Network(Dinov2Weights.random(a, 1), 3,
                    Dinov2Network.Engine.valueOf(engine.toUpperCase(java.util.Locale.ROOT))));
        }
        PluginFactory<?, ?> factory = Workspace.get().registry.get(Role.ENCODER, model).factory();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "dfc-bench");
        return (Encoder) createWithDefaults(factory, RunContext.of(tmp.resolve("run"), tmp.resolve("cache"), 1));
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> Object createWithDefaults(PluginFactory<C, ?> factory, RunContext context) {
        return factory.create(factory.defaultSettings(), context);
    }

    private double imagesPerSecond(Encoder encoder, int batch) {
        Nd4j.getRandom().setSeed(batch);
        INDArray images = Nd4j.rand(DataType.FLOAT, batch, 3, size, size);
        encoder.encode(images); // warm-up: graph build, allocations
        long start = System.nanoTime();
        int runs = 0;
        double elapsed;
        do {
            encoder.encode(images);
            runs++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds);
        return batch * runs / elapsed;
    }

    /** PyTorch figures by "model/batch", or empty (with a line saying why) when PyTorch cannot run. */
    private Map<String, Double> torchFigures(PrintWriter out) {
        Map<String, Double> figures = new LinkedHashMap<>();
        List<String> vits = models.stream().filter(m -> m.matches("vit[sb]14")).toList();
        if (python.equals("none") || vits.isEmpty()) {
            return figures;
        }
        Path script = Path.of(System.getProperty("dfc.home", "."), "tools", "parity", "bench_torch.py");
        if (!Files.isRegularFile(script)) {
            out.println("PyTorch: skipped (" + script + " not found; run from the repository or set -Ddfc.home)");
            return figures;
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--models", String.join(",", vits),
                "--threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "2"), "--seconds", Double.toString(seconds),
                "--size", Integer.toString(size), "--batch"));
        batches.forEach(b -> command.add(Integer.toString(b)));
        out.println("PyTorch: running " + String.join(" ", command));
        out.flush();
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    if (line.startsWith("{")) {
                        JsonNode n = json.readTree(line);
                        figures.put(n.get("model").asText() + "/" + n.get("batch").asInt(),
                                n.get("images_per_second").asDouble());
                    }
                }
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                out.println("PyTorch: not available (" + (err.isEmpty() ? "exit " + p.exitValue() : err.lines()
                        .reduce((a, b) -> b).orElse(err)) + "); install python3-torch libopenblas0-pthread");
            }
        } catch (IOException e) {
            out.println("PyTorch: not available (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return figures;
    }
}
