package ai.dfc.runtime.run;

import ai.dfc.api.DfcException;
import ai.dfc.runtime.config.ConfigMappers;
import ai.dfc.runtime.config.ResolvedConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A run's output directory, holding {@value #CONFIG_FILE} (the resolved configuration, secrets redacted;
 * loading it with {@code -c} reproduces the run's records) and {@value #PROVENANCE_FILE}.
 */
public final class RunDirectory {
    public static final String CONFIG_FILE = "resolved-config.yaml";
    public static final String PROVENANCE_FILE = "provenance.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates {@code parent/<name>-<timestamp>[-n]} (a fresh directory, never reusing an existing one) and
     * writes the configuration and provenance into it.
     */
    public static RunDirectory create(Path parent, String name, ResolvedConfig config, Provenance provenance) {
        String base = name + "-" + LocalDateTime.now().format(STAMP);
        try {
            Files.createDirectories(parent);
            Path dir = parent.resolve(base);
            for (int n = 1; Files.exists(dir); n++) {
                dir = parent.resolve(base + "-" + n);
            }
            Files.createDirectory(dir);
            return open(dir, config, provenance);
        } catch (IOException e) {
            throw new DfcException("cannot create a run directory under " + parent + ": " + e.getMessage(), e);
        }
    }

    /** Uses {@code dir} (created if needed) as the run directory and (re)writes configuration and provenance. */
    public static RunDirectory open(Path dir, ResolvedConfig config, Provenance provenance) {
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(CONFIG_FILE), config.toYaml());
            writeAtomically(dir.resolve(PROVENANCE_FILE),
                    ConfigMappers.redacting().writeValueAsString(provenance) + System.lineSeparator());
        } catch (IOException e) {
            throw new DfcException("cannot write the run files into " + dir + ": " + e.getMessage(), e);
        }
        return new RunDirectory(dir);
    }

    public Path path() {
        return path;
    }

    /**
     * Writes {@code text} to {@code target} through a temporary file in the same directory and an atomic
     * rename, so a reader never sees a half-written file and a crash leaves the previous version intact.
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
