package ai.dfc.api.plugin;

import java.util.Collection;

/**
 * Checks for settings records' compact constructors. Each names the snake_case key so the error reaches
 * the user with its full configuration path. Example:
 * <pre>{@code
 * public record MySettings(int stride, double temperature) {
 *     public MySettings {
 *         Settings.positive("stride", stride);
 *         Settings.inRange("temperature", temperature, 0.0, 2.0);
 *     }
 * }
 * }</pre>
 */
public final class Settings {
    private Settings() {
    }

    public static int positive(String key, int value) {
        if (value <= 0) {
            throw new SettingException(key, "must be > 0, was " + value);
        }
        return value;
    }

    public static long positive(String key, long value) {
        if (value <= 0) {
            throw new SettingException(key, "must be > 0, was " + value);
        }
        return value;
    }

    public static double positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new SettingException(key, "must be a finite number > 0, was " + value);
        }
        return value;
    }

    public static int nonNegative(String key, int value) {
        if (value < 0) {
            throw new SettingException(key, "must be >= 0, was " + value);
        }
        return value;
    }

    public static double nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new SettingException(key, "must be a finite number >= 0, was " + value);
        }
        return value;
    }

    public static double inRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new SettingException(key, "must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    public static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new SettingException(key, "must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    public static <T> T present(String key, T value) {
        if (value == null) {
            throw new SettingException(key, "is required");
        }
        return value;
    }

    public static String nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new SettingException(key, "must be a non-empty string, was " + (value == null ? "missing" : "'" + value + "'"));
        }
        return value;
    }

    public static String oneOf(String key, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw new SettingException(key, "must be one of " + allowed + ", was '" + value + "'");
        }
        return value;
    }
}
