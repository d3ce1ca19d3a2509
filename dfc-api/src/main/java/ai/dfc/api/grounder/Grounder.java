package ai.dfc.api.grounder;

/**
 * Finds an object part in an image: image + part description → zero or more boxes. Implementations may be
 * remote (a VLM behind HTTP: slow, rate-limited, sometimes failing) or local (the simulated grounder).
 *
 * <p><b>Threading:</b> implementations are thread-safe; remote ones bound their own concurrency, so callers
 * may submit from many threads. <b>Lifecycle:</b> the creator closes the instance (HTTP clients, caches);
 * {@code close} is idempotent.
 */
public interface Grounder extends AutoCloseable {

    /**
     * Answers one query. A malformed or empty answer is an answer, not an exception: it is returned as
     * {@link Grounding.Outcome#MALFORMED} or {@link Grounding.Outcome#NO_BOX} with no boxes, so one bad reply
     * never aborts a labeling run.
     *
     * @return boxes in pixel coordinates of {@code query.image()}, each inside the image
     * @throws GrounderUnavailableException when the grounder cannot be reached after its configured retries
     *                                      (the message names the endpoint and the last failure)
     */
    Grounding ground(GroundingQuery query);

    /** Releases connections and caches. Idempotent. */
    @Override
    void close();
}
