package ai.dfc.labeling.http;

import ai.dfc.api.plugin.PluginContext;
import java.util.Optional;

/** Where a remote plugin's API key comes from (see {@link HttpSettings}). */
public final class ApiKeys {
    private ApiKeys() {
    }

    /**
     * The key: the environment variable named by {@code api_key_env} when set and non-blank, else the inline
     * {@code api_key} when non-empty, else none.
     *
     * @param settings the plugin's HTTP settings
     * @param context  the run context, whose {@link PluginContext#environment} is read (tests substitute it)
     * @return the key, or empty
     */
    public static Optional<String> resolve(HttpSettings settings, PluginContext context) {
        if (!settings.apiKeyEnv().isEmpty()) {
            Optional<String> fromEnv = context.environment(settings.apiKeyEnv()).map(String::strip);
            if (fromEnv.isPresent()) {
                return fromEnv;
            }
        }
        return settings.apiKey().isBlank() ? Optional.empty() : Optional.of(settings.apiKey().strip());
    }
}
