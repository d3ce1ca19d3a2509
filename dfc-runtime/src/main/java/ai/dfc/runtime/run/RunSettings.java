package ai.dfc.runtime.run;

import ai.dfc.api.plugin.Settings;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The {@code run} section: where a run writes, its seed, its threads.
 *
 * @param seed      master seed; every stochastic component derives its seed from it
 * @param outputDir directory under which each run gets its own directory
 * @param cacheDir  directory for caches shared across runs (features, VLM answers)
 * @param threads   worker threads for CPU-parallel stages; 0 = one per core
 */
public record RunSettings(
        @JsonPropertyDescription("master seed; every stochastic component derives its seed from it") long seed,
        @JsonPropertyDescription("directory under which each run gets its own directory") String outputDir,
        @JsonPropertyDescription("directory for caches shared across runs (features, VLM answers)") String cacheDir,
        @JsonPropertyDescription("worker threads for CPU-parallel stages; 0 = one per core") int threads) {

    /** The reference's global seed is 1234. */
    public static final RunSettings DEFAULTS = new RunSettings(1234, "runs", ".dfc-cache", 0);

    public RunSettings {
        Settings.nonBlank("output_dir", outputDir);
        Settings.nonBlank("cache_dir", cacheDir);
        Settings.nonNegative("threads", threads);
    }

    /** {@link #threads()} with 0 resolved to the number of cores. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
