package ai.dfc.labeling.pipeline;

import ai.dfc.api.geometry.Box;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boxes each labeling view votes with (SPEC §3.8 step 1), in full-image pixels ({@code x} = column): for a
 * zoom-in part the boxes of {@code part_annotations_cropped/{part}.json} moved by the view's offset from
 * {@code crop_offset/{part}_crop_offset.json} (both corners plus {@code (x0, y0)}), for the others the raw boxes of
 * {@code part_annotations/{part}.json}. Keys are image names in file order. Stateless and thread-safe.
 */
public final class VotingBoxes {
    private VotingBoxes() {
    }

    /**
     * Reads the voting boxes of {@code part} from a labeling asset folder.
     *
     * @throws IOException if a file is missing or malformed, or a cropped view has no offset
     */
    public static Map<String, List<Box>> read(LabelingLayout layout, PartSpec part) throws IOException {
        if (!part.zoomIn()) {
            return AnnotationFiles.readBoxes(layout.annotations(part.fileName()));
        }
        Map<String, List<Box>> cropped = AnnotationFiles.readBoxes(layout.croppedAnnotations(part.fileName()));
        Map<String, int[]> offsets = AnnotationFiles.readOffsets(layout.cropOffsets(part.fileName()));
        Map<String, List<Box>> shifted = new LinkedHashMap<>();
        for (Map.Entry<String, List<Box>> e : cropped.entrySet()) {
            int[] o = offsets.get(e.getKey());
            if (o == null) {
                throw new IOException(layout.cropOffsets(part.fileName()) + ": no offset for " + e.getKey());
            }
            List<Box> moved = new ArrayList<>();
            for (Box b : e.getValue()) {
                moved.add(new Box(b.x0() + o[0], b.y0() + o[1], b.x1() + o[0], b.y1() + o[1]));
            }
            shifted.put(e.getKey(), moved);
        }
        return shifted;
    }
}
