package ai.dfc.labeling.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The live counters of one remote plugin instance (see {@link RequestCounts} for what each counts). Thread-safe:
 * updated by every calling thread, read at any time with {@link #snapshot()}.
 */
public final class RequestCounters {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    /** Counts one HTTP attempt sent. */
    public void requestSent() {
        requests.incrementAndGet();
    }

    /** Counts one answer served without a request. */
    public void cacheHit() {
        cacheHits.incrementAndGet();
    }

    /** Counts one repeated attempt. */
    public void retried() {
        retries.incrementAndGet();
    }

    /** Counts one question that ended in an exception. */
    public void failed() {
        failures.incrementAndGet();
    }

    /** Counts one malformed answer handed to a caller. */
    public void malformedAnswer() {
        malformed.incrementAndGet();
    }

    /** The current values (each read atomically; the five together are not one atomic snapshot). */
    public RequestCounts snapshot() {
        return new RequestCounts(requests.get(), cacheHits.get(), retries.get(), failures.get(), malformed.get());
    }
}
