package ai.dfc.api.grounder;

import ai.dfc.api.geometry.Box;
import java.util.List;

/**
 * A grounder's answer to one {@link GroundingQuery}.
 *
 * @param boxes   boxes in pixels of the query image, each within {@code [0, W] × [0, H]}; empty unless
 *                {@code outcome} is {@link Outcome#BOXES}
 * @param outcome what kind of answer it was
 * @param raw     the raw answer text as received (for logs and caches); empty for local grounders
 */
public record Grounding(List<Box> boxes, Outcome outcome, String raw) {

    /** Kinds of answer. Only {@link #BOXES} answers become labels. */
    public enum Outcome {
        /** One or more valid boxes. */
        BOXES,
        /** A well-formed answer that found nothing. */
        NO_BOX,
        /** An answer that could not be parsed (bad numbers, box outside the image, an HTML error page, …). */
        MALFORMED
    }

    public Grounding {
        if (boxes == null || outcome == null || raw == null) {
            throw new IllegalArgumentException("grounding needs boxes, an outcome and the raw answer");
        }
        boxes = List.copyOf(boxes);
        if ((outcome == Outcome.BOXES) == boxes.isEmpty()) {
            throw new IllegalArgumentException("outcome " + outcome + " does not fit " + boxes.size() + " boxes");
        }
    }

    public static Grounding of(List<Box> boxes, String raw) {
        return new Grounding(boxes, boxes.isEmpty() ? Outcome.NO_BOX : Outcome.BOXES, raw);
    }

    public static Grounding malformed(String raw) {
        return new Grounding(List.of(), Outcome.MALFORMED, raw);
    }
}
