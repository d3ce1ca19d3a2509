package ai.dfc.api.plugin;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a plugin may know about the run that creates it. Immutable and thread-safe.
 */
public interface PluginContext {

    /** The run directory: outputs of this run go below it. Exists when the context is handed out. */
    Path runDirectory();

    /**
     * A directory shared across runs for caches keyed by content (feature caches, HTTP answer caches).
     * Exists when the context is handed out; plugins create their own sub-directory named after themselves.
     */
    Path cacheDirectory();

    /** The run's master seed; derive per-plugin seeds from it deterministically (e.g. by hashing the name). */
    long seed();

    /**
     * Reads an environment variable (API keys are passed this way). Tests substitute their own environment.
     *
     * @return the value, or empty when the variable is unset or blank
     */
    Optional<String> environment(String name);
}
