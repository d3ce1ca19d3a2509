package ai.dfc.cli;

import ai.dfc.runtime.config.ConfigOverride;
import ai.dfc.runtime.config.ConfigSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that reads a configuration shares. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "experiment YAML file (default: built-in defaults)")
    Path file;

    @Option(names = "--variant", paramLabel = "NAME", description = "apply the named variant of the experiment file")
    String variant;

    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = OverrideConverter.class,
            description = "override one key, e.g. --set run.seed=7 (repeatable; the last wins)")
    List<ConfigOverride> overrides = new ArrayList<>();

    ConfigSources sources() {
        return new ConfigSources(file, variant, overrides);
    }

    /** Turns a malformed {@code --set} into a usage error (exit 2). */
    static final class OverrideConverter implements picocli.CommandLine.ITypeConverter<ConfigOverride> {
        @Override
        public ConfigOverride convert(String value) {
            try {
                return ConfigOverride.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
