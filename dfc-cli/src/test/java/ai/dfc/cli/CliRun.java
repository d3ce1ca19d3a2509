package ai.dfc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code dfc} command in-process and captures its exit code and output, for the CLI tests. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DfcCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
