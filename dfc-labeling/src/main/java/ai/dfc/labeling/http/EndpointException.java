package ai.dfc.labeling.http;

import ai.dfc.api.DfcException;
import java.net.URI;

/**
 * A chat endpoint could not give an answer: a status that is never retried (a 4xx other than 429, a redirect),
 * or retries exhausted on timeouts, connection failures, 429 or 5xx. The message names the endpoint, the status or
 * failure and the number of attempts, never the API key. Grounders rethrow it as
 * {@link ai.dfc.api.grounder.GrounderUnavailableException}.
 */
public final class EndpointException extends DfcException {
    private static final long serialVersionUID = 1L;

    /** The {@link #status()} of a failure without an HTTP status (timeout, connection failure, interruption). */
    public static final int NO_STATUS = -1;

    private final URI endpoint;
    private final int status;
    private final int attempts;

    /**
     * @param endpoint the URL that was asked
     * @param status   the last HTTP status, or {@link #NO_STATUS}
     * @param attempts how many attempts were sent
     * @param message  the full message (names the endpoint)
     * @param cause    the last transport failure, or null
     */
    public EndpointException(URI endpoint, int status, int attempts, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.status = status;
        this.attempts = attempts;
    }

    /** The URL that was asked. */
    public URI endpoint() {
        return endpoint;
    }

    /** The last HTTP status received, or {@link #NO_STATUS} when the last attempt got none. */
    public int status() {
        return status;
    }

    /** How many attempts were sent (1 when the status was not retryable). */
    public int attempts() {
        return attempts;
    }
}
