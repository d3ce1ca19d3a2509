package ai.dfc.cli;

import ai.dfc.runtime.config.ResolvedConfig;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dfc config show|validate}. */
@Command(name = "config", description = "Show or validate the resolved configuration.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Validate.class})
final class ConfigCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-command: show or validate");
    }

    @Command(name = "show", description = "Print the resolved configuration as YAML (secrets redacted).")
    static final class Show implements Runnable {
        @Mixin
        ConfigOptions options;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            ResolvedConfig config = Workspace.get().loader.load(options.sources());
            spec.commandLine().getOut().print(config.toYaml());
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "validate", description = "Check the configuration and every variant of the file; exit 0 if all are valid.")
    static final class Validate implements Runnable {
        @Mixin
        ConfigOptions options;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Map<String, ResolvedConfig> all;
            if (options.variant != null) {
                all = Map.of(options.variant, Workspace.get().loader.load(options.sources()));
            } else {
                all = Workspace.get().loader.loadWithAllVariants(options.sources());
            }
            int variants = (int) all.keySet().stream().filter(k -> !k.isEmpty()).count();
            spec.commandLine().getOut().println("configuration is valid"
                    + (options.file != null ? " (" + options.file + (variants > 0 ? ", " + variants + " variant"
                            + (variants == 1 ? "" : "s") + ": " + String.join(", ", all.keySet().stream()
                                    .filter(k -> !k.isEmpty()).toList()) : "") + ")" : " (built-in defaults)"));
            spec.commandLine().getOut().flush();
        }
    }
}
