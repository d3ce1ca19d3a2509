package ai.dfc.runtime.run;

import ai.dfc.api.DfcException;
import ai.dfc.api.plugin.PluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link PluginContext} of a run. The environment is injectable so tests need not touch real variables.
 */
public record RunContext(Path runDirectory, Path cacheDirectory, long seed, Map<String, String> env)
        implements PluginContext {

    public RunContext {
        env = Map.copyOf(env);
        for (Path dir : new Path[] {runDirectory, cacheDirectory}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new DfcException("cannot create directory " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** A context with the process environment. */
    public static RunContext of(Path runDirectory, Path cacheDirectory, long seed) {
        return new RunContext(runDirectory, cacheDirectory, seed, System.getenv());
    }

    @Override
    public Optional<String> environment(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "RunContext[" + runDirectory + ", cache " + cacheDirectory + ", seed " + seed + "]";
    }
}
