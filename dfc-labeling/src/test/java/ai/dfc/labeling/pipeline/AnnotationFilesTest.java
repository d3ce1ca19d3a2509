package ai.dfc.labeling.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.geometry.Box;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's box file formats, written and read back. */
class AnnotationFilesTest {
    @TempDir
    Path dir;

    @Test
    void boxesAreWrittenInTheReferenceFormatWithIntegersWhereWhole() throws IOException {
        Map<String, List<Box>> boxes = new LinkedHashMap<>();
        boxes.put("0003.png", List.of(new Box(1, 2, 3, 4), new Box(1.5, 2, 3, 4)));
        boxes.put("0001.png", List.of());
        Path file = dir.resolve("part_annotations/blade.json");
        AnnotationFiles.writeBoxes(file, boxes);
        assertThat(Files.readString(file))
                .isEqualTo("{\"0003.png\":{\"query_0\":[[1,2,3,4],[1.5,2,3,4]]},\"0001.png\":{\"query_0\":[]}}");
        assertThat(AnnotationFiles.readBoxes(file)).containsExactlyEntriesOf(boxes);
    }

    @Test
    void aggregatedBoxesAndOffsets() throws IOException {
        Map<String, Optional<Box>> agg = new LinkedHashMap<>();
        agg.put("0000.png", Optional.of(new Box(10, 20, 30, 40)));
        agg.put("0005.png", Optional.empty());
        Path file = dir.resolve("a.json");
        AnnotationFiles.writeAggregated(file, agg);
        assertThat(new ObjectMapper().readTree(file.toFile()).toString())
                .isEqualTo("{\"0000.png\":{\"query_0\":[10,20,30,40]},\"0005.png\":{\"query_0\":[]}}");
        assertThat(AnnotationFiles.readAggregated(file)).containsExactlyEntriesOf(agg);

        Map<String, int[]> offsets = new LinkedHashMap<>();
        offsets.put("0000.png", new int[] {7, 9});
        Path o = dir.resolve("crop_offset/tip_crop_offset.json");
        AnnotationFiles.writeOffsets(o, offsets);
        assertThat(Files.readString(o)).isEqualTo("{\"0000.png\":[7,9]}");
        assertThat(AnnotationFiles.readOffsets(o).get("0000.png")).containsExactly(7, 9);
    }

    @Test
    void heatmapNamesCarryTheSuffixes() throws IOException {
        LabelingLayout l = new LabelingLayout(dir);
        assertThat(l.heatmap("u---mug.glb", "rim", true, true).getFileName().toString())
                .isEqualTo("u---mug.glb|||rim|||3Dheatmap-cropped-with_edge.npy");
        assertThat(l.heatmap("u---mug.glb", "rim", false, true).getFileName().toString())
                .isEqualTo("u---mug.glb|||rim|||3Dheatmap-with_edge.npy");
        assertThat(l.heatmap("u---mug.glb", "rim", true, false).getFileName().toString())
                .isEqualTo("u---mug.glb|||rim|||3Dheatmap-cropped.npy");
        Path plain = l.heatmap("u---mug.glb", "base", false, false);
        assertThat(plain.getFileName().toString()).isEqualTo("u---mug.glb|||base|||3Dheatmap.npy");
        assertThat(l.findHeatmap("u---mug.glb", "base")).isEmpty();
        Files.createDirectories(plain.getParent());
        Files.write(plain, new byte[0]);
        Files.write(plain.resolveSibling("u---mug.glb|||base_x|||3Dheatmap.npy"), new byte[0]);
        assertThat(l.findHeatmap("u---mug.glb", "base")).contains(plain);
        assertThat(l.findHeatmap("u---mug.glb", "bas")).isEmpty();
        assertThat(LabelingLayout.viewOf("0018.png")).isEqualTo(18);
    }
}
