package ai.dfc.runtime.config;

import ai.dfc.api.DfcException;

/**
 * The configuration is invalid. The message starts with the offending key path ({@code encoder.stride}) or
 * file, says what is wrong and, for unknown keys and names, what was probably meant.
 */
public final class ConfigException extends DfcException {
    private static final long serialVersionUID = 1L;
    private final String path;

    public ConfigException(String path, String message) {
        super(path.isEmpty() ? message : path + ": " + message);
        this.path = path;
    }

    public ConfigException(String path, String message, Throwable cause) {
        super(path.isEmpty() ? message : path + ": " + message, cause);
        this.path = path;
    }

    /** The dotted key path at fault ({@code encoder.stride}), or empty for whole-file problems. */
    public String path() {
        return path;
    }
}
