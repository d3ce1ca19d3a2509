package ai.dfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return DfcCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /**
     * The simulated grounder at its default error model on a small procedural dataset. Threshold: labeling every
     * object pixel as the part scores ≈ 0.22 on such data and perfect boxes ≈ 0.41 at 128 px (LabelingRunTest); the
     * simulated grounder's boxes overlap the truth with IoU ≈ 0.64 and miss 10 % of the time, so its labels must clear
     * the whole-object baseline by a margin: 0.30.
     */
    @Test
    void labelsWithTheSimulatedGrounderAndReportsAMeanIouAboveTheBaseline() throws IOException {
        Path data = dir.resolve("world");
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "render", "--procedural", "--categories", "mug,jug,hammer,spoon",
                "--instances", "1", "--size", "128", "--points", "8000", "--out", data.toString())).as(err.toString()).isZero();
        StringWriter out = new StringWriter();
        assertThat(run(out, err, "label", "--dataset", data.toString(), "--grounder", "simulated", "--set",
                "run.output_dir=" + dir.resolve("runs"))).as(err.toString()).isZero();
        Matcher m = Pattern.compile("mean IoU of pseudo labels vs true parts: ([0-9.]+)").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        double iou = Double.parseDouble(m.group(1));
        System.out.println("simulated-grounder mean IoU: " + iou);
        assertThat(iou).isGreaterThan(0.30);

        StringWriter again = new StringWriter();
        assertThat(run(again, err, "label", "--dataset", data.toString(), "--grounder", "simulated", "--no-report", "--set",
                "run.output_dir=" + dir.resolve("runs"))).isZero();
        assertThat(again.toString()).as("a second run does no work").contains("0 questions, 0 labels written");

        StringWriter bad = new StringWriter();
        assertThat(run(new StringWriter(), bad, "label", "--dataset", data.toString(), "--grounder", "simulatd")).isEqualTo(1);
        assertThat(bad.toString()).contains("did you mean 'simulated'");
    }
}
