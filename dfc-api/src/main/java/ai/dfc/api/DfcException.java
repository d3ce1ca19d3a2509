package ai.dfc.api;

/**
 * An error a user can act on: bad input, bad configuration, an unreachable server. Its message names
 * the file, key or value at fault and is shown to the user as it is (the CLI prints it and exits 1,
 * without a stack trace unless {@code --verbose}). Programming errors stay ordinary runtime exceptions.
 */
public class DfcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DfcException(String message) {
        super(message);
    }

    public DfcException(String message, Throwable cause) {
        super(message, cause);
    }
}
