package ai.dfc.labeling.namer;

import ai.dfc.api.DfcException;
import java.nio.file.Path;

/**
 * A taxonomy file is missing, is not valid JSON, or holds a value of the wrong shape; the message names the
 * file and the key path ({@code "knife" > "cut-with" > [1]}) at fault.
 */
public final class TaxonomyFormatException extends DfcException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the file at fault
     * @param where   the key path inside it, or empty for the file as a whole
     * @param problem what is wrong, including the offending value
     */
    public TaxonomyFormatException(Path file, String where, String problem) {
        this(file, where, problem, null);
    }

    /**
     * @param file    the file at fault
     * @param where   the key path inside it, or empty for the file as a whole
     * @param problem what is wrong, including the offending value
     * @param cause   the underlying parse or I/O error, or null
     */
    public TaxonomyFormatException(Path file, String where, String problem, Throwable cause) {
        super(file + (where == null || where.isEmpty() ? "" : " at " + where) + ": " + problem, cause);
    }
}
