package ai.dfc.labeling.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IoU arithmetic and the JSON summary on hand-made scores. */
class QualityReportTest {

    @Test
    void iouAndEmptyViews() {
        ViewScore s = new ViewScore("a---mug.glb", "mug", "rim", 0, 30, 20, 10);
        assertThat(s.union()).isEqualTo(40);
        assertThat(s.iou()).isEqualTo(0.25);
        assertThat(new ViewScore("a---mug.glb", "mug", "rim", 1, 0, 0, 0).iou()).isNaN();
        assertThat(new ViewScore("a---mug.glb", "mug", "rim", 1, 5, 0, 0).iou()).isZero();
    }

    @Test
    void summaryAveragesViewsPerPartCategoryAndOverall(@TempDir Path dir) throws IOException {
        QualityReport r = QualityReport.of(List.of(
                new ViewScore("a---mug.glb", "mug", "rim", 0, 30, 20, 10),      // 0.25
                new ViewScore("a---mug.glb", "mug", "rim", 1, 0, 0, 0),         // hidden, nothing labeled
                new ViewScore("a---mug.glb", "mug", "body", 0, 10, 10, 10),     // 1
                new ViewScore("b---knife.glb", "knife", "tip", 0, 4, 0, 0)));   // 0
        assertThat(r.meanIou().orElseThrow()).isCloseTo((0.25 + 1 + 0) / 3, within(1e-12));
        assertThat(r.meanIou("mug", "rim").orElseThrow()).isEqualTo(0.25);
        assertThat(r.meanIou("knife", "handle")).isEmpty();
        assertThat(r.score("a---mug.glb", "rim", 1).orElseThrow().bothEmpty()).isTrue();

        r.writeJson(dir.resolve("report.json"));
        JsonNode j = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(j.get("mean_iou").asDouble()).isCloseTo(1.25 / 3, within(1e-12));
        assertThat(j.get("views").asInt()).isEqualTo(3);
        assertThat(j.get("empty_views").asInt()).isEqualTo(1);
        assertThat(j.at("/categories/mug/mean_iou").asDouble()).isEqualTo(0.625);
        assertThat(j.at("/categories/mug/parts/rim/mean_iou").asDouble()).isEqualTo(0.25);
        assertThat(j.at("/categories/mug/parts/rim/empty_views").asInt()).isEqualTo(1);
        assertThat(j.at("/categories/knife/mean_iou").asDouble()).isZero();
        assertThat(j.at("/assets/a---mug.glb/rim/iou/0000.png").asDouble()).isEqualTo(0.25);
        assertThat(j.at("/assets/a---mug.glb/rim/iou/0001.png").isNull()).isTrue();
    }

    @Test
    void viridisRunsFromPurpleToYellow() {
        assertThat(ReportPictures.viridis(0)).isEqualTo(68 << 16 | 1 << 8 | 84);
        assertThat(ReportPictures.viridis(1)).isEqualTo(253 << 16 | 231 << 8 | 37);
        assertThat(ReportPictures.viridis(0.5)).isEqualTo(33 << 16 | 145 << 8 | 140);
    }
}
