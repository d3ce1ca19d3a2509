package ai.dfc.model.cache;

import ai.dfc.api.DfcException;
import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.geometry.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The frozen features of one encoder configuration ({@link StoreKey}) on disk, one immutable file per image:
 * <pre>
 * &lt;root&gt;/&lt;encoder&gt;-&lt;first 16 hex digits of the key&gt;/
 *   store.json                         the key and what went into it (human readable; checked on opening)
 *   entries/&lt;ab&gt;/&lt;image key&gt;.npy       float16 (L, h, w, C), C order ({@link ImageKey}; ab = its first 2 digits)
 * </pre>
 * The grid {@code h × w} is the entry's shape; the stride is the store's ({@code spec.stride} in {@code store.json}).
 *
 * <p><b>Thread-safety and processes:</b> thread-safe; several threads and several processes may read and fill one
 * store at once. Entries are written to a hidden temporary file in their shard directory and renamed into place, so a
 * reader sees a whole entry or none; once renamed an entry is never modified. Two writers of the same entry both
 * rename equal content (the encoder is deterministic) and the last rename wins; a reader that mapped the earlier file
 * keeps reading it (POSIX rename semantics). Writes are not fsync'ed: a killed process leaves only whole entries (and
 * perhaps a stray {@code .*.tmp} file), a power loss may leave a damaged one, which {@link #read} reports naming the
 * file.
 *
 * <p><b>Stray temporary files</b> (names {@code .*.tmp}) are ignored by lookups and deleted by {@link #open} once they
 * are older than {@link #STALE_TEMPORARY} (younger ones may belong to another process writing right now).
 */
public final class FeatureStore {
    public static final String STORE_JSON = "store.json";
    public static final String ENTRIES = "entries";
    /** Age after which {@link #open} deletes a temporary file: far longer than writing one entry takes. */
    public static final Duration STALE_TEMPORARY = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final StoreKey key;
    private final int removedTemporaries;

    private FeatureStore(Path dir, StoreKey key, int removedTemporaries) {
        this.dir = dir;
        this.key = key;
        this.removedTemporaries = removedTemporaries;
    }

    /**
     * Opens (creating if needed) the store of {@code key} under {@code root}: {@code root/key.directoryName()}.
     * Writes {@code store.json} when absent; deletes stale temporary files.
     *
     * @throws DfcException naming the file if an existing {@code store.json} is unreadable or belongs to another key
     * @throws IOException  if the directory cannot be created or written
     */
    public static FeatureStore open(Path root, StoreKey key) throws IOException {
        Path dir = root.resolve(key.directoryName());
        Files.createDirectories(dir.resolve(ENTRIES));
        Path json = dir.resolve(STORE_JSON);
        if (Files.exists(json)) {
            JsonNode existing;
            try {
                existing = JSON.readTree(json.toFile());
            } catch (IOException e) {
                throw new DfcException("feature store description " + json + " is unreadable (" + e.getMessage()
                        + "); delete " + dir + " to rebuild the store", e);
            }
            String found = existing == null || existing.get("key") == null ? null : existing.get("key").asText();
            if (!key.hex().equals(found)) {
                throw new DfcException("feature store " + dir + " belongs to key " + found + ", not " + key.hex()
                        + "; delete the directory to rebuild it");
            }
        } else {
            byte[] bytes = JSON.writeValueAsBytes(key.describe());
            AtomicFiles.write(json, bytes);
        }
        return new FeatureStore(dir, key, removeStaleTemporaries(dir));
    }

    private static int removeStaleTemporaries(Path dir) throws IOException {
        Instant cutoff = Instant.now().minus(STALE_TEMPORARY);
        List<Path> stale = new ArrayList<>();
        walk(dir, p -> {
            if (isTemporary(p) && olderThan(p, cutoff)) {
                stale.add(p);
            }
        });
        int removed = 0;
        for (Path p : stale) {
            if (Files.deleteIfExists(p)) {
                removed++;
            }
        }
        return removed;
    }

    /**
     * Visits every regular file under {@code dir}. Files that vanish during the walk (renamed or removed by another
     * process) are skipped instead of failing it, as {@link Files#walk} would.
     */
    private static void walk(Path dir, Consumer<Path> visitor) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    visitor.accept(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isTemporary(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    private static boolean olderThan(Path p, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(p).compareTo(FileTime.from(cutoff)) < 0;
        } catch (IOException e) {
            return false; // gone already (another process renamed or removed it)
        }
    }

    /** The store's directory. */
    public Path directory() {
        return dir;
    }

    public StoreKey key() {
        return key;
    }

    public EncoderSpec spec() {
        return key.spec();
    }

    /** Stale temporary files {@link #open} deleted. */
    public int removedTemporaries() {
        return removedTemporaries;
    }

    /** Where the entry of {@code image} lives (whether or not it exists). */
    public Path entryPath(ImageKey image) {
        return dir.resolve(ENTRIES).resolve(image.shard()).resolve(image.hex() + ".npy");
    }

    /** Whether the entry of {@code image} exists (a whole file: entries appear by atomic rename only). */
    public boolean contains(ImageKey image) {
        return Files.isRegularFile(entryPath(image));
    }

    /** Number of entries on disk (a directory walk; temporary files not counted). */
    public long size() throws IOException {
        long[] count = {0};
        walk(dir.resolve(ENTRIES), p -> {
            if (p.getFileName().toString().endsWith(".npy") && !isTemporary(p)) {
                count[0]++;
            }
        });
        return count[0];
    }

    /**
     * The cached tokens of {@code image}: {@code [1, L, h·w, C]} float32 (a fresh array the caller owns; values are the
     * stored float16 numbers), grid {@code h × w} from the entry, the store's stride.
     *
     * @return empty if there is no entry
     * @throws DfcException naming the file if the entry is damaged or does not match the store's spec
     */
    public Optional<DenseTokens> read(ImageKey image) throws IOException {
        return entry(image).map(e -> new DenseTokens(
                Nd4j.create(e.values(), new long[] {1, e.layers(), (long) e.gridHeight() * e.gridWidth(), e.channels()},
                        DataType.FLOAT), e.gridHeight(), e.gridWidth(), spec().stride()));
    }

    /** The entry's values as floats (C order {@code [L, h, w, C]}), or empty. */
    Optional<TokenFile.Entry> entry(ImageKey image) throws IOException {
        try {
            return Optional.of(TokenFile.read(entryPath(image), spec().layers().size(), spec().channels()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores image {@code index} of {@code tokens} ({@code [B, L, h·w, C]}) as the entry of {@code image}, rounded to
     * float16, atomically.
     *
     * @throws IllegalArgumentException if the tokens do not match the store's spec
     * @throws DfcException             if a value is not representable in float16 (nothing is written)
     */
    public void write(ImageKey image, DenseTokens tokens, int index) throws IOException {
        check(tokens);
        if (index < 0 || index >= tokens.batchSize()) {
            throw new IllegalArgumentException("index " + index + " outside a batch of " + tokens.batchSize());
        }
        float[] values = tokens.tokens().get(org.nd4j.linalg.indexing.NDArrayIndex.point(index)).dup('c').data().asFloat();
        write(image, values, 0, tokens.gridHeight(), tokens.gridWidth());
    }

    /** Stores {@code values[offset …]}, C order {@code [L, h, w, C]} with the store's L and C. */
    void write(ImageKey image, float[] values, int offset, int gridHeight, int gridWidth) throws IOException {
        byte[] bytes = TokenFile.encode(values, offset, spec().layers().size(), gridHeight, gridWidth, spec().channels(),
                "image " + image.hex() + " in " + dir);
        TokenFile.write(entryPath(image), bytes);
    }

    /** Rejects tokens of another shape or stride than the store's spec. */
    void check(DenseTokens tokens) {
        EncoderSpec s = spec();
        if (tokens.layers() != s.layers().size() || tokens.channels() != s.channels() || tokens.stride() != s.stride()) {
            throw new IllegalArgumentException("tokens with " + tokens.layers() + " layers, " + tokens.channels()
                    + " channels, stride " + tokens.stride() + " do not match the store's spec " + s);
        }
    }

    @Override
    public String toString() {
        return "FeatureStore[" + dir + "]";
    }
}
