package ai.dfc.model.weights;

/**
 * A weight file that cannot be used: unreadable, truncated, malformed header, missing tensor, wrong shape or
 * dtype. The message names the file and, where there is one, the tensor.
 */
public final class WeightFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public WeightFileException(String message) {
        super(message);
    }

    public WeightFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
