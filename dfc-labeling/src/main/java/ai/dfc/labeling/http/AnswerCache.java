package ai.dfc.labeling.http;

import ai.dfc.geometry.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The disk cache of remote answers: one JSON file per {@link AnswerKey}, at
 * {@code <directory>/<first two hex digits>/<digest>.json}, where {@code directory} is
 * {@code <cache directory>/<plugin name>/}.
 *
 * <p>Each file holds the key's fields (checked on read), the endpoint that answered, the time, the raw response
 * body, the extracted text, whether the answer was malformed and the parsed result (boxes, or parts) — readable
 * by people and by other tools. Files are written atomically (a temporary file renamed over the target), so a run
 * killed at any moment leaves either the whole answer or none, and a resumed run asks again exactly the questions
 * whose answers are missing. An unreadable or mismatching file is reported and treated as missing (it is
 * overwritten by the next answer).
 *
 * <p>Thread-safe: concurrent writers of the same key each rename a complete file; the last one wins.
 */
public final class AnswerCache {
    private static final System.Logger LOG = System.getLogger(AnswerCache.class.getName());
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    /**
     * A stored answer.
     *
     * @param reply     the reply as received (body, text or the reason it has none)
     * @param malformed whether the plugin judged it malformed when it arrived
     * @param parsed    what the plugin parsed from it (its own JSON shape), for inspection
     * @param endpoint  the URL that answered
     */
    public record Entry(ChatReply reply, boolean malformed, JsonNode parsed, String endpoint) {
        /** Checks that the reply and the endpoint are present. */
        public Entry {
            if (reply == null || endpoint == null) {
                throw new IllegalArgumentException("a cache entry needs a reply and an endpoint");
            }
        }
    }

    /**
     * @param directory the plugin's own cache directory; created on the first write
     */
    public AnswerCache(Path directory) {
        this.directory = directory;
    }

    /** The plugin's cache directory. */
    public Path directory() {
        return directory;
    }

    /**
     * The file that holds (or will hold) the answer to {@code key}.
     *
     * @param key the question
     * @return its path under {@link #directory()}
     */
    public Path fileOf(AnswerKey key) {
        String digest = key.digest();
        return directory.resolve(digest.substring(0, 2)).resolve(digest + ".json");
    }

    /**
     * Reads the stored answer to {@code key}.
     *
     * @param key the question
     * @return the entry, or empty when none is stored or the file is unreadable or belongs to another key
     */
    public Optional<Entry> read(AnswerKey key) {
        Path file = fileOf(key);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable cache file {0} ({1}); the question is asked again",
                    file, e.getMessage());
            return Optional.empty();
        }
        if (root == null || root.path("format").asInt() != FORMAT || !sameKey(root.path("key"), key)
                || !root.path("response_body").isTextual()) {
            LOG.log(System.Logger.Level.WARNING, "ignoring cache file {0}: not a format-{1} answer to this question",
                    file, FORMAT);
            return Optional.empty();
        }
        String body = root.get("response_body").asText();
        JsonNode content = root.path("content");
        JsonNode problem = root.path("problem");
        ChatReply reply = content.isTextual() ? new ChatReply(body, content.asText(), null)
                : new ChatReply(body, null, problem.isTextual() ? problem.asText() : "no content");
        return Optional.of(new Entry(reply, root.path("malformed").asBoolean(), root.path("parsed"),
                root.path("endpoint").asText("")));
    }

    /**
     * Stores the answer to {@code key}, atomically.
     *
     * @param key   the question
     * @param entry the answer
     * @throws IOException when the file cannot be written (the caller decides whether that is fatal)
     */
    public void write(AnswerKey key, Entry entry) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode k = root.putObject("key");
        k.put("provider", key.provider());
        k.put("model", key.model());
        k.put("parameters", key.parameters());
        k.put("image_sha256", key.imageSha256());
        k.put("prompt", key.prompt());
        k.put("sample_index", key.sampleIndex());
        root.put("endpoint", entry.endpoint());
        root.put("saved", Instant.now().toString());
        root.put("response_body", entry.reply().body());
        root.put("content", entry.reply().content());
        root.put("problem", entry.reply().problem());
        root.put("malformed", entry.malformed());
        root.set("parsed", entry.parsed() == null ? JSON.nullNode() : entry.parsed());
        AtomicFiles.write(fileOf(key), JSON.writeValueAsBytes(root));
    }

    private static boolean sameKey(JsonNode k, AnswerKey key) {
        return key.provider().equals(k.path("provider").asText(null))
                && key.model().equals(k.path("model").asText(null))
                && key.parameters().equals(k.path("parameters").asText(null))
                && key.imageSha256().equals(k.path("image_sha256").asText(null))
                && key.prompt().equals(k.path("prompt").asText(null))
                && k.path("sample_index").isInt() && key.sampleIndex() == k.get("sample_index").asInt();
    }
}
