package ai.dfc.labeling.pipeline;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The repeated questions of SPEC §3.4 for one image and part: sample indices {@code 0, 1, 2, …} are asked in turn
 * until {@link #REQUIRED_BOXES} answers with boxes have arrived or {@link #MAX_ATTEMPTS} questions were asked. Of an
 * answer with several boxes only the last is kept (SPEC §8 item 6); it is clamped to the image, as the reference
 * clamps. {@link Grounding.Outcome#NO_BOX} and {@link Grounding.Outcome#MALFORMED} answers count as spent attempts and
 * are tallied. An image that did not yield {@link #REQUIRED_BOXES} boxes contributes nothing
 * ({@link Collected#complete()} is false).
 *
 * <p>Boxes are {@code [x0, y0, x1, y1]} in pixels of the queried image ({@code x} = column). The questions of one
 * image go one after the other; different images may be collected concurrently (the grounder is thread-safe and bounds
 * its own concurrency). {@link ai.dfc.api.grounder.GrounderUnavailableException} propagates.
 */
public final class BoxCollector {
    /** Boxes required per (image, part): the reference's {@code n_trials = 4}. */
    public static final int REQUIRED_BOXES = 4;
    /** Questions asked at most per (image, part): the reference's {@code 2·n_trials} rounds of one request. */
    public static final int MAX_ATTEMPTS = 2 * REQUIRED_BOXES;

    private BoxCollector() {
    }

    /**
     * What the questions about one image yielded.
     *
     * @param boxes     the kept boxes, in the order their answers came (sample order)
     * @param attempts  questions asked
     * @param noBox     answers without a box
     * @param malformed answers that could not be parsed
     */
    public record Collected(List<Box> boxes, int attempts, int noBox, int malformed) {
        /** Copies the boxes. */
        public Collected {
            boxes = List.copyOf(boxes);
        }

        /** Whether {@link #REQUIRED_BOXES} boxes were collected, i.e. whether the image counts. */
        public boolean complete() {
            return boxes.size() >= REQUIRED_BOXES;
        }
    }

    /**
     * Asks {@code grounder} about {@code part} in {@code image} until it has {@link #REQUIRED_BOXES} boxes or has
     * asked {@link #MAX_ATTEMPTS} times.
     *
     * @param truth the true mask of the part in {@code image} when the dataset knows it, else null (only simulated
     *              grounders read it)
     * @throws ai.dfc.api.grounder.GrounderUnavailableException when the grounder cannot answer at all
     */
    public static Collected collect(Grounder grounder, RgbImage image, ObjectCategory category, PartDescription part,
            Mask truth) {
        List<Box> boxes = new ArrayList<>();
        int attempts = 0;
        int noBox = 0;
        int malformed = 0;
        while (boxes.size() < REQUIRED_BOXES && attempts < MAX_ATTEMPTS) {
            Grounding g = grounder.ground(new GroundingQuery(image, category, part, attempts, truth));
            attempts++;
            switch (g.outcome()) {
                case BOXES -> boxes.add(g.boxes().get(g.boxes().size() - 1).clampTo(image.size()));
                case NO_BOX -> noBox++;
                case MALFORMED -> malformed++;
                default -> throw new IllegalStateException("unknown outcome " + g.outcome());
            }
        }
        return new Collected(boxes, attempts, noBox, malformed);
    }
}
