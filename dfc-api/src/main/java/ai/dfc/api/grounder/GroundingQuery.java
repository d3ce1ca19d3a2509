package ai.dfc.api.grounder;

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
 */
public record GroundingQuery(RgbImage image, ObjectCategory category, PartDescription part, int sampleIndex) {

    public GroundingQuery {
        if (image == null || category == null || part == null) {
            throw new IllegalArgumentException("grounding query needs an image, a category and a part");
        }
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("sample index must be >= 0, was " + sampleIndex);
        }
    }
}
