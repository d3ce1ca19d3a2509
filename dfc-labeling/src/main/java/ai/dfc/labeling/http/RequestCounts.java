package ai.dfc.labeling.http;

/**
 * A snapshot of a remote plugin's {@link RequestCounters}, for progress lines and run summaries.
 *
 * @param requests  HTTP requests sent, every attempt included (a request retried twice counts 3)
 * @param cacheHits answers served without a request: from the disk cache, or shared with an identical request
 *                  that another thread had in flight
 * @param retries   attempts repeated after a timeout, a connection failure, a 429 or a 5xx
 * @param failures  questions that ended in an exception (retries exhausted, or a 4xx other than 429)
 * @param malformed answers handed to callers as malformed (unparseable text, an HTML page, empty choices, a box
 *                  outside the image, …), whether fresh or from the cache
 */
public record RequestCounts(long requests, long cacheHits, long retries, long failures, long malformed) {

    /** All zero. */
    public static final RequestCounts ZERO = new RequestCounts(0, 0, 0, 0, 0);

    /**
     * The counts accumulated since {@code earlier} (for per-interval rates).
     *
     * @param earlier an earlier snapshot of the same counters
     * @return the differences
     */
    public RequestCounts since(RequestCounts earlier) {
        return new RequestCounts(requests - earlier.requests, cacheHits - earlier.cacheHits, retries - earlier.retries,
                failures - earlier.failures, malformed - earlier.malformed);
    }

    /** One line for progress output, e.g. {@code requests 12, cache hits 30, retries 1, failures 0, malformed 2}. */
    @Override
    public String toString() {
        return "requests " + requests + ", cache hits " + cacheHits + ", retries " + retries + ", failures " + failures
                + ", malformed " + malformed;
    }
}
