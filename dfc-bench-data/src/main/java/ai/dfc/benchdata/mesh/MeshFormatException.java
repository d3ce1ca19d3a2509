package ai.dfc.benchdata.mesh;

import ai.dfc.api.DfcException;
import java.nio.file.Path;

/** A mesh file cannot be used: malformed, truncated or of an unsupported kind. The message names the file. */
public final class MeshFormatException extends DfcException {
    private static final long serialVersionUID = 1L;

    public MeshFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public MeshFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
