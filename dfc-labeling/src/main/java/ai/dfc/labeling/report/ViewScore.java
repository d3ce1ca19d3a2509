package ai.dfc.labeling.report;

/**
 * The pseudo label of one part in one training view against the true part mask, both in the 224×224 processed frame
 * (SPEC §3.10).
 *
 * @param asset        the asset folder name
 * @param category     the object category
 * @param part         the part name (underscores, as in folder names)
 * @param view         the training view index
 * @param labelPixels  pixels of the pseudo label
 * @param truePixels   pixels of the true part mask
 * @param intersection pixels in both
 */
public record ViewScore(String asset, String category, String part, int view, int labelPixels, int truePixels,
        int intersection) {

    /**
     * @throws IllegalArgumentException if a count is negative or the intersection exceeds either mask
     */
    public ViewScore {
        if (labelPixels < 0 || truePixels < 0 || intersection < 0 || intersection > Math.min(labelPixels, truePixels)) {
            throw new IllegalArgumentException("inconsistent pixel counts: label " + labelPixels + ", truth "
                    + truePixels + ", both " + intersection);
        }
    }

    /** Pixels in either mask. */
    public int union() {
        return labelPixels + truePixels - intersection;
    }

    /** Whether both masks are empty (the part is hidden and nothing was labeled): the IoU is undefined. */
    public boolean bothEmpty() {
        return union() == 0;
    }

    /** Intersection over union; NaN when {@link #bothEmpty()}. */
    public double iou() {
        return bothEmpty() ? Double.NaN : (double) intersection / union();
    }
}
