package ai.dfc.api.grounder;

import ai.dfc.api.DfcException;

/** The grounder could not answer at all (server unreachable, retries exhausted, bad credentials). */
public final class GrounderUnavailableException extends DfcException {
    private static final long serialVersionUID = 1L;

    public GrounderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
