package ai.dfc.api.plugin;

import ai.dfc.api.DfcException;

/**
 * A plugin setting holds a value its plugin cannot use. Thrown from a settings record's constructor
 * (see {@link Settings}); the configuration loader prefixes {@link #key()} with the section path, so the
 * user reads e.g. {@code encoder.stride: must be > 0, was -1}.
 */
public final class SettingException extends DfcException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String problem;

    /**
     * @param key     the setting's snake_case key within its record (e.g. {@code max_retries})
     * @param problem what is wrong, including the offending value
     */
    public SettingException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The snake_case key of the setting within its record. */
    public String key() {
        return key;
    }

    /** What is wrong with the value, without the key. */
    public String problem() {
        return problem;
    }
}
