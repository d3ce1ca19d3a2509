package ai.dfc.cli;

import org.nd4j.linalg.factory.Nd4j;

/** A description of the ND4J backend in use, for provenance files. */
final class Backend {
    private Backend() {
    }

    static String describe() {
        try {
            return Nd4j.getBackend().getClass().getSimpleName() + ", " + Nd4j.getEnvironment().maxThreads() + " threads, "
                    + Nd4j.dataType();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable (" + e + ")";
        }
    }
}
