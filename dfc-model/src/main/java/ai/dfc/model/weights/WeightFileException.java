package ai.dfc.model.weights;

import ai.dfc.api.DfcException;

/**
 * A weight file that cannot be used: unreadable, truncated, malformed header, missing tensor, wrong shape or
 * dtype. The message names the file and, where there is one, the tensor. A {@link DfcException}, so the CLI shows
 * the message as a user error rather than an internal one.
 */
public final class WeightFileException extends DfcException {
    private static final long serialVersionUID = 1L;

    public WeightFileException(String message) {
        super(message);
    }

    public WeightFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
