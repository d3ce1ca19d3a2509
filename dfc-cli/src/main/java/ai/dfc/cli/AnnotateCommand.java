package ai.dfc.cli;

import ai.dfc.api.DfcException;
import ai.dfc.benchdata.annotation.AnnotationPictures;
import ai.dfc.benchdata.annotation.AnnotationTrial;
import ai.dfc.benchdata.annotation.ProceduralGroundTruth;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.render.Pngs;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.ProcessedViews;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.benchdata.world.AssetName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dfc annotate}: dense evaluation ground truth for a procedural dataset rendered with {@code --views 30}, in
 * the reference's annotation layout, with pictures.
 */
@Command(name = "annotate", description = "Dense ground truth (SPEC §4.3) for procedural pairs sharing a function, with pictures.")
final class AnnotateCommand implements Runnable {
    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "a dataset rendered with 'dfc render --procedural --views 30'")
    Path dataset;

    @Option(names = "--mode", defaultValue = "seen", description = "seen (test split of seen categories) or unseen (unseen categories)")
    String mode;

    @Option(names = "--trials", defaultValue = "6", description = "view-pair trials per asset pair (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--max-points", defaultValue = "10000", description = "correspondences per trial at most")
    int maxPoints;

    @Option(names = "--max-distance", defaultValue = "0.08", description = "largest 3-D distance of a kept pair (normalized units)")
    double maxDistance;

    @Option(names = "--pairs", defaultValue = "50", description = "asset pairs per function at most")
    int pairs;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (!mode.equals("seen") && !mode.equals("unseen")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mode must be seen or unseen, was " + mode);
        }
        Path renders = dataset.resolve(ProceduralRenders.EVALUATION);
        if (!Files.isDirectory(renders)) {
            throw new DfcException(renders + " does not exist: render the dataset with --views 30 first");
        }
        try {
            Set<String> split = split(dataset.resolve("splits").resolve(mode.equals("seen") ? "test_split.json" : "unseen_test_split.json"));
            List<RenderedAsset> assets = RenderedAsset.list(renders).stream()
                    .filter(a -> split.contains(a.name().folder())).toList();
            if (assets.size() < 2) {
                throw new DfcException("the " + mode + " split has " + assets.size() + " rendered assets under " + renders
                        + "; render more instances (the test split holds about 22% of each seen category)");
            }
            Path out = dataset.resolve("2d_annotations").resolve(mode);
            List<AnnotationTrial> written = new ProceduralGroundTruth(ProceduralWorld.builtIn(),
                    new ProceduralGroundTruth.Options(trials, maxPoints, maxDistance, pairs, seed))
                    .annotate(assets, out, dataset.resolve("selected_annotations_" + mode + ".json"));
            Path pictures = dataset.resolve("2d_annotations_viz").resolve(mode);
            try (var bar = Progress.bar("pictures", written.size(), "trials")) {
                for (AnnotationTrial t : written) {
                    AnnotationPictures.write(pictures.resolve(t.function().value()).resolve(t.objectA().uid() + "|||"
                            + t.objectB().uid() + "|||trial_" + t.trial() + ".png"), t,
                            image(renders, t.objectA(), t.imageA()), image(renders, t.objectB(), t.imageB()), 40);
                    bar.step();
                }
            }
            spec.commandLine().getOut().printf("%d trials, %d correspondences in %s; pictures in %s%n", written.size(),
                    written.stream().mapToInt(AnnotationTrial::size).sum(), out, pictures);
        } catch (IOException e) {
            throw new DfcException("annotating " + dataset + " failed: " + e.getMessage(), e);
        }
    }

    private static ai.dfc.api.image.RgbImage image(Path renders, AssetName asset, String image) throws IOException {
        return Pngs.readRgb(renders.resolve(asset.folder()).resolve(ProcessedViews.RGB).resolve(image));
    }

    private static Set<String> split(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new DfcException("split file " + file + " is missing");
        }
        Set<String> names = new HashSet<>();
        JsonNode list = new ObjectMapper().readTree(file.toFile());
        list.forEach(n -> names.add(n.asText()));
        return names;
    }
}
