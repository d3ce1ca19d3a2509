package ai.dfc.api.grounder;

import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;

/**
 * One grounding request: find {@code part} of a {@code category} object in {@code image}.
 *
 * @param image       the image, already composited onto its background
 * @param category    the object's category
 * @param part        the part and its description line (what a VLM prompt is built from)
 * @param sampleIndex which repetition of the same question this is (0, 1, …). Sampling grounders answer
 *                    repeated questions differently; caches key on it, so the same index gives the same answer.
 * @param truth       the true mask of the queried part in {@code image} when the dataset knows it (procedural
 *                    renders), else null. Real grounders must ignore it; only the simulated grounder, which derives
 *                    its answers from the truth with an error model, reads it.
 */
public record GroundingQuery(RgbImage image, ObjectCategory category, PartDescription part, int sampleIndex,
        Mask truth) {

    /** A query without ground truth. */
    public GroundingQuery(RgbImage image, ObjectCategory category, PartDescription part, int sampleIndex) {
        this(image, category, part, sampleIndex, null);
    }

    public GroundingQuery {
        if (image == null || category == null || part == null) {
            throw new IllegalArgumentException("grounding query needs an image, a category and a part");
        }
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("sample index must be >= 0, was " + sampleIndex);
        }
        if (truth != null && !truth.size().equals(image.size())) {
            throw new IllegalArgumentException("truth mask " + truth.size() + " does not match the image " + image.size());
        }
    }
}
