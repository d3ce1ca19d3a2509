package ai.dfc.cli;

import ai.dfc.runtime.run.DfcVersion;
import picocli.CommandLine;

/** {@code dfc --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"dfc " + DfcVersion.get() + " (Java " + System.getProperty("java.version") + ")"};
    }
}
