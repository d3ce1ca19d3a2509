package ai.dfc.runtime.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a configuration comes from, lowest priority first: built-in defaults &lt; {@code file} &lt; the file's
 * variant {@code variant} &lt; {@code overrides} in order (a later override of the same key wins).
 *
 * @param file      an experiment YAML file, or null for built-in defaults only
 * @param variant   the name of a variant under the file's {@code variants:} key, or null
 * @param overrides command-line overrides
 */
public record ConfigSources(Path file, String variant, List<ConfigOverride> overrides) {

    public ConfigSources {
        overrides = List.copyOf(overrides);
        if (variant != null && file == null) {
            throw new ConfigException("", "variant '" + variant + "' needs an experiment file (-c FILE) that defines it");
        }
    }

    public ConfigSources withVariant(String name) {
        return new ConfigSources(file, name, overrides);
    }
}
