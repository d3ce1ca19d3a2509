package ai.dfc.cli;

import ai.dfc.api.DfcException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code dfc} command. Exit codes: 0 success, 1 failure (the cause is printed, with a stack trace only
 * under {@code --verbose}), 2 usage error.
 */
@Command(name = "dfc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Dense functional correspondence: pseudo-label, train and evaluate.",
        subcommands = {PluginsCommand.class, ConfigCommand.class, RenderCommand.class, LabelCommand.class, AnnotateCommand.class, FeaturesCommand.class, EvalCommand.class, MatchCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class DfcCommand implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Option(names = "--verbose", description = "print stack traces and debug output", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-command");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; output goes to {@code out}, errors to {@code err}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new DfcCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof DfcException) {
                err.println("dfc: error: " + e.getMessage());
            } else {
                err.println("dfc: internal error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
            }
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("dfc: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }
}
