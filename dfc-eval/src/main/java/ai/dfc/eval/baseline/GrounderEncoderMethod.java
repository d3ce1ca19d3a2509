package ai.dfc.eval.baseline;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.correspondence.CorrespondenceMethod;
import ai.dfc.api.correspondence.PixelFeatures;
import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.Mask;
import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;

/**
 * The reference's "X-CogVLM" baselines (SPEC §7.1): raw encoder features for matching, and a functional region made
 * from a grounder's boxes — for each part the namer lists for the image's category and the function, one question
 * (sample 0); the union of the answered boxes (inclusive) intersected with the object mask. The evaluation then
 * restricts label transfer to the region and ranks functional discovery proposals first, with the reference's
 * 16-pixel fallback to the object masks. Images outside any benchmark (no {@link EvalImage#view()}) get no region.
 */
public final class GrounderEncoderMethod implements CorrespondenceMethod {
    private final EncoderBaseline features;
    private final Grounder grounder;
    private final PartNamer namer;
    private final String name;

    /** The encoder baseline, grounder and namer stay owned by the caller. */
    public GrounderEncoderMethod(EncoderBaseline features, Grounder grounder, PartNamer namer, String name) {
        this.features = features;
        this.grounder = grounder;
        this.namer = namer;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PixelFeatures describe(EvalImage image, FunctionName function) {
        PixelFeatures f = features.describe(image, function);
        if (image.view() == null) {
            return f;
        }
        ObjectCategory category = image.view().category();
        int w = image.image().width();
        int h = image.image().height();
        boolean[] region = new boolean[w * h];
        for (PartDescription part : namer.parts(category, function)) {
            for (Box b : grounder.ground(new GroundingQuery(image.image(), category, part, 0)).boxes()) {
                int c0 = Math.max(0, (int) Math.ceil(b.x0()));
                int c1 = Math.min(w - 1, (int) Math.floor(b.x1()));
                int r0 = Math.max(0, (int) Math.ceil(b.y0()));
                int r1 = Math.min(h - 1, (int) Math.floor(b.y1()));
                for (int r = r0; r <= r1; r++) {
                    for (int c = c0; c <= c1; c++) {
                        region[r * w + c] = true;
                    }
                }
            }
        }
        Mask functional = Mask.fromBooleans(image.image().size(), region).and(image.objectMask());
        return new PixelFeatures(f.features(), f.size(), functional);
    }

    @Override
    public void close() {
        // the parts belong to the caller
    }
}
