package ai.dfc.labeling.pipeline;

import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;

/**
 * One functional part of a category as the labeling pipeline needs it: its description (what the grounder is asked)
 * and the two per-part switches of the reference's taxonomy.
 *
 * @param description the part and its one-line description ({@code "- Rim - The circular top edge …"})
 * @param zoomIn      {@code crop_requirement[category][part]}: a small part, re-queried on a zoomed crop (SPEC §3.6);
 *                    its votes come from the crop's boxes and its closing kernel is the small one (SPEC §3.9 step 4)
 * @param edge        {@code edge_requirement[category][part]}: a thin edge-like part, whose votes are multiplied by
 *                    edge probabilities (SPEC §3.8 step 4) and whose blur and closing kernels are the small ones
 *                    (SPEC §3.9 steps 3–4)
 */
public record PartSpec(PartDescription description, boolean zoomIn, boolean edge) {

    /**
     * @throws IllegalArgumentException if the description is null
     */
    public PartSpec {
        if (description == null) {
            throw new IllegalArgumentException("part spec needs a description");
        }
    }

    /** The canonical part name (spaces). */
    public PartName name() {
        return description.part();
    }

    /** The part name as file and folder names spell it (underscores, SPEC §0.1). */
    public String fileName() {
        return description.part().fileName();
    }
}
