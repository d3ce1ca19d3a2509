package ai.dfc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.benchdata.render.Pngs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {
    @TempDir
    Path dir;

    private Path image(String name, int from, int to) throws IOException {
        ImageSize size = ImageSize.square(32);
        boolean[] m = new boolean[32 * 32];
        for (int r = from; r < to; r++) {
            for (int c = from; c < to; c++) {
                m[r * 32 + c] = true;
            }
        }
        Path p = dir.resolve(name);
        Pngs.writeRgba(p, RgbImage.filled(size, 0x3366CC), Mask.fromBooleans(size, m));
        return p;
    }

    @Test
    void matchesAUsersImagesUsingTheirAlphaAsMasks() throws IOException {
        Path a = image("a.png", 4, 14);
        Path b = image("b.png", 10, 30);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DfcCommand.execute(new String[] {"match", "--source", a.toString(), "--target", b.toString(), "--function",
            "pour-with", "--method", "chance", "--out", dir.resolve("m").toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("m/correspondences.json").toFile());
        assertThat(json.get("matches").size()).as("one proposal per source object pixel").isEqualTo(100);
        JsonNode first = json.get("matches").get(0);
        int r = first.get("target_row_col").get(0).asInt();
        int c = first.get("target_row_col").get(1).asInt();
        assertThat(r).isBetween(10, 29);
        assertThat(c).isBetween(10, 29);
        assertThat(dir.resolve("m/matches.png")).exists();
        assertThat(dir.resolve("m/transfer.png")).exists();

        StringWriter bad = new StringWriter();
        assertThat(DfcCommand.execute(new String[] {"match", "--source", a.toString(), "--target", b.toString(), "--function",
            "pour"}, new PrintWriter(new StringWriter(), true), new PrintWriter(bad, true))).isEqualTo(2);
        StringWriter defaultEncoder = new StringWriter();
        assertThat(DfcCommand.execute(new String[] {"match", "--source", a.toString(), "--target", b.toString(), "--function",
            "pour-with", "--out", dir.resolve("n").toString()}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(defaultEncoder, true))).as("the default encoder (dense-descriptor): " + defaultEncoder).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("n/correspondences.json").toFile()).get("matches").size())
                .isEqualTo(100);
    }
}
