package ai.dfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.benchdata.mesh.GlbWriter;
import ai.dfc.benchdata.render.ProceduralRenders;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.benchdata.world.AssetName;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        return DfcCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void rendersProceduralCategoriesAndResumes() throws IOException {
        Path out = dir.resolve("world");
        StringWriter err = new StringWriter();
        String[] args = {"render", "--procedural", "--categories", "mug", "--instances", "1", "--size", "48", "--points",
            "500", "--out", out.toString()};
        assertThat(run(err, args)).as(err.toString()).isZero();
        List<RenderedAsset> assets = RenderedAsset.list(out.resolve(ProceduralRenders.TRAINING));
        assertThat(assets).hasSize(1);
        assertThat(assets.get(0).name().category()).isEqualTo("mug");
        assertThat(assets.get(0).viewCount()).isEqualTo(19);
        assertThat(run(new StringWriter(), args)).isZero();

        StringWriter bad = new StringWriter();
        assertThat(run(bad, "render", "--procedural", "--categories", "mugg", "--out", out.toString())).isEqualTo(1);
        assertThat(bad.toString()).contains("no procedural category 'mugg'; known: [");
        assertThat(run(new StringWriter(), "render", "--procedural", "--views", "7", "--out", out.toString())).isEqualTo(2);
    }

    @Test
    void annotatesAnEvaluationRenderWithPictures() throws IOException {
        Path out = dir.resolve("eval");
        StringWriter err = new StringWriter();
        assertThat(run(err, "render", "--procedural", "--categories", "knife,cleaver,axe", "--instances", "2", "--views",
                "30", "--size", "96", "--points", "4000", "--out", out.toString())).as(err.toString()).isZero();
        StringWriter out2 = new StringWriter();
        int code = DfcCommand.execute(new String[] {"annotate", "--dataset", out.toString(), "--trials", "1", "--pairs", "2",
            "--max-points", "500"}, new PrintWriter(out2, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out2.toString()).containsPattern("[1-9]\\d* trials");
        assertThat(Files.list(out.resolve("2d_annotations_viz/seen/cut-with")).count()).isPositive();
        assertThat(out.resolve("selected_annotations_seen.json")).exists();

        // and evaluate the chance baseline on it
        Path runs = dir.resolve("runs");
        assertThat(run(err, "eval", "--set", "benchmark.type=procedural", "--set", "benchmark.dataset=" + out,
                "--set", "run.output_dir=" + runs, "--pictures", "1")).as(err.toString()).isZero();
        Path evalDir;
        try (var s = Files.list(runs)) {
            evalDir = s.findFirst().orElseThrow();
        }
        for (String f : List.of("results.json", "results.csv", "report.html", "resolved-config.yaml", "provenance.json",
                "predictions/Chance.json", "pictures/0-Chance-transfer.png", "pictures/0-Chance-top10.png")) {
            assertThat(evalDir.resolve(f)).as(f).exists();
        }
        assertThat(Files.readString(evalDir.resolve("results.csv"))).startsWith("name,epoch,norm_dist,").contains("\nChance,,");
        assertThat(Files.readString(evalDir.resolve("report.html"))).contains("across category");

        StringWriter missing = new StringWriter();
        assertThat(run(missing, "annotate", "--dataset", dir.resolve("nothing").toString())).isEqualTo(1);
        assertThat(missing.toString()).contains("render the dataset with --views 30 first");
    }

    @Test
    void rendersMeshFilesNamedByFolderOrReferenceName() throws IOException {
        TriangleMesh tri = new TriangleMesh(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1},
                new int[] {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3}, new int[] {0, 0, 1, 1}, List.of("blade", "handle"));
        Path meshes = dir.resolve("meshes");
        Files.createDirectories(meshes.resolve("trowel"));
        GlbWriter.write(meshes.resolve("trowel").resolve("t1.glb"), tri);
        GlbWriter.write(meshes.resolve("0123abcd---gavel.glb"), tri);
        Path out = dir.resolve("real");
        StringWriter err = new StringWriter();
        assertThat(run(err, "render", "--meshes", meshes.toString(), "--views", "30", "--size", "40", "--points", "300",
                "--out", out.toString())).as(err.toString()).isZero();
        assertThat(RenderedAsset.list(out.resolve(ProceduralRenders.EVALUATION)).stream().map(a -> a.name().folder()))
                .containsExactlyInAnyOrder("t1---trowel.glb", "0123abcd---gavel.glb");
        assertThat(RenderCommand.assetName(meshes, meshes.resolve("x.obj"))).isEqualTo(new AssetName("x", "object"));
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("b.glb"), "not a glb");
        StringWriter msg = new StringWriter();
        assertThat(run(msg, "render", "--meshes", broken.toString(), "--out", out.toString())).isEqualTo(1);
        assertThat(msg.toString()).contains(broken.resolve("b.glb") + ": not a readable glTF/GLB file");
    }
}
