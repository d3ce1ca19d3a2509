package ai.dfc.labeling.pipeline;

/**
 * Optional counters a {@link ai.dfc.api.grounder.Grounder} may expose by implementing this interface as well; the
 * labeling run then reports them in its progress instead of its own tally of answers (a caching remote grounder knows
 * which answers came from its cache and which requests failed; the pipeline does not).
 *
 * <p>Values are totals since the grounder was created, non-decreasing; they are read from any thread, so
 * implementations use atomic counters.
 */
public interface GrounderCounters {

    /** Requests actually sent to the service (cache misses, retries included). */
    long requests();

    /** Answers served from the grounder's cache. */
    long cacheHits();

    /** Failed requests and malformed answers. */
    long failures();
}
