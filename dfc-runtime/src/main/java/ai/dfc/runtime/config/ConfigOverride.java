package ai.dfc.runtime.config;

import java.util.regex.Pattern;

/**
 * One command-line override {@code key.path=value}. The value is read as a YAML scalar or flow collection,
 * so {@code seed=7} is a number, {@code name=abc} a string, {@code layers=[9,10,11]} a list and
 * {@code name='7'} the string "7".
 *
 * @param key   dotted key path, each segment a non-empty name without spaces
 * @param value the raw value text
 */
public record ConfigOverride(String key, String value) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    public ConfigOverride {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("override key must be a dotted path like 'run.seed', was '" + key + "'");
        }
        if (value == null) {
            throw new IllegalArgumentException("override '" + key + "' has no value");
        }
    }

    /**
     * Parses {@code key=value}.
     *
     * @throws IllegalArgumentException naming the text when there is no {@code =} or the key is malformed
     */
    public static ConfigOverride parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected key=value (e.g. run.seed=7), was '" + text + "'");
        }
        return new ConfigOverride(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
