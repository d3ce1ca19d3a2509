package ai.dfc.model.cache;

import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.api.plugin.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What identifies the features of one encoder configuration, and so names one {@link FeatureStore}: SHA-256 over a
 * canonical JSON document (keys sorted, no white space) of
 * <pre>
 * {"encoder":   the plugin's name,
 *  "format":    {@link #FORMAT_VERSION} (the cache's on-disk format),
 *  "settings":  the encoder's resolved settings record, snake_case keys; {@link Secret} components left out,
 *               any string (or Path) setting that names an existing regular file replaced by that file's
 *               fingerprint {"file_sha256": …, "file_size": …},
 *  "spec":      the {@link EncoderSpec}: {"channels", "layers", "stride"}}
 * </pre>
 *
 * <p><b>Weights fingerprint: a content hash</b> (SHA-256 of the file's bytes), not size + mtime: copying or touching
 * the weights keeps the cache valid, moving them elsewhere too (the path is not hashed), while any change of their
 * content gives a new store. The price is reading the file once per process (≈ 1 s per GB); hashes are remembered
 * per (path, size, mtime) for the life of the process. Directories are not fingerprinted: a setting naming a
 * directory is keyed by its path string only — point weights settings at files.
 *
 * <p>Immutable and thread-safe.
 */
public final class StoreKey {
    /** Version of the on-disk format; part of every key, so a new format never reads old entries. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static final Pattern DIR_SAFE = Pattern.compile("[^a-z0-9-]");
    private static final Map<FileStamp, String> HASHES = new ConcurrentHashMap<>();

    private final String encoder;
    private final EncoderSpec spec;
    private final ObjectNode inputs;
    private final ObjectNode settingsShown;
    private final List<WeightsFile> weights;
    private final String canonical;
    private final String hex;

    /**
     * A file a setting points to, with its fingerprint.
     *
     * @param setting the setting's path in the settings record, e.g. {@code weights} or {@code backbone.file}
     * @param path    the file, absolute
     * @param size    bytes
     * @param sha256  SHA-256 of the content, hex
     */
    public record WeightsFile(String setting, Path path, long size, String sha256) {
    }

    private record FileStamp(Path path, long size, long modifiedNanos) {
    }

    private StoreKey(String encoder, EncoderSpec spec, ObjectNode settingsKeyed, ObjectNode settingsShown,
            List<WeightsFile> weights) {
        this.encoder = encoder;
        this.spec = spec;
        this.settingsShown = settingsShown;
        this.weights = List.copyOf(weights);
        ObjectNode in = JsonNodeFactory.instance.objectNode();
        in.put("encoder", encoder);
        in.put("format", FORMAT_VERSION);
        in.set("settings", settingsKeyed);
        ObjectNode s = in.putObject("spec");
        s.put("channels", spec.channels());
        ArrayNode layers = s.putArray("layers");
        spec.layers().forEach(layers::add);
        s.put("stride", spec.stride());
        this.inputs = (ObjectNode) sorted(in);
        try {
            this.canonical = JSON.writeValueAsString(inputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.hex = HexFormat.of().formatHex(ImageKey.sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The key of an encoder configuration.
     *
     * @param encoderName the encoder plugin's (kebab-case) name, e.g. {@code dinov2}
     * @param settings    its resolved settings record (defaults filled in); may be {@code null} for an encoder without
     *                    settings
     * @param spec        the encoder's {@link ai.dfc.api.encoder.Encoder#spec()}
     * @throws UncheckedIOException if a weights file cannot be read for its fingerprint
     */
    public static StoreKey of(String encoderName, Record settings, EncoderSpec spec) {
        if (encoderName == null || encoderName.isBlank()) {
            throw new IllegalArgumentException("the encoder's name is part of the key and must not be blank");
        }
        if (spec == null) {
            throw new IllegalArgumentException("the encoder spec is part of the key and must not be null");
        }
        List<WeightsFile> files = new ArrayList<>();
        JsonNode keyed = settings == null ? JsonNodeFactory.instance.objectNode() : canonical(settings, "", true, files);
        JsonNode shown = settings == null ? JsonNodeFactory.instance.objectNode()
                : canonical(settings, "", false, new ArrayList<>());
        return new StoreKey(encoderName, spec, (ObjectNode) keyed, (ObjectNode) shown, files);
    }

    /** The 64 hex digits of the key. */
    public String hex() {
        return hex;
    }

    /**
     * The store's directory name: the encoder's name (characters other than {@code a-z0-9-} replaced by {@code _}),
     * a dash and the first 16 hex digits of the key, e.g. {@code dinov2-3f9a0c12d4e5b6a7}. The full key is in the
     * store's {@code store.json} and is checked on opening.
     */
    public String directoryName() {
        return DIR_SAFE.matcher(encoder).replaceAll("_") + "-" + hex.substring(0, 16);
    }

    public String encoder() {
        return encoder;
    }

    public EncoderSpec spec() {
        return spec;
    }

    /** Files the settings point to, with their fingerprints (empty for most encoders). */
    public List<WeightsFile> weights() {
        return weights;
    }

    /** The exact text that is hashed (canonical JSON of the key's inputs). */
    public String canonicalJson() {
        return canonical;
    }

    /** The human-readable description written to {@code store.json}: the key, its inputs, the settings as given. */
    ObjectNode describe() {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("format", "dfc-feature-cache/" + FORMAT_VERSION);
        d.put("key", hex);
        d.put("encoder", encoder);
        d.set("settings", settingsShown);
        ArrayNode w = d.putArray("weights");
        for (WeightsFile f : weights) {
            ObjectNode o = w.addObject();
            o.put("setting", f.setting());
            o.put("path", f.path().toString());
            o.put("size", f.size());
            o.put("sha256", f.sha256());
        }
        d.set("spec", inputs.get("spec"));
        d.set("key_inputs", inputs);
        d.put("key_definition", "SHA-256 of key_inputs written as compact JSON with sorted keys; settings that name a "
                + "file are replaced by the file's content hash, secrets are left out");
        d.put("entries", "entries/<first 2 hex digits>/<image key>.npy: float16 (layers, grid_h, grid_w, channels), C order,"
                + " little-endian, NumPy .npy 1.0; token (i, j) covers input pixels of stride spec.stride; image key = "
                + "SHA-256 of 'dfc-image/1', width and height (int32 big-endian) and the RGB bytes");
        return d;
    }

    /** The settings (or a value inside them) as JSON; {@code keyed} replaces file paths by fingerprints and drops secrets. */
    private static JsonNode canonical(Object value, String path, boolean keyed, List<WeightsFile> files) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Record r) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                String name = SNAKE.translate(c.getName());
                String child = path.isEmpty() ? name : path + "." + name;
                if (c.isAnnotationPresent(Secret.class)) {
                    if (!keyed) {
                        fields.put(name, f.textNode(Secret.REDACTED));
                    }
                    continue;
                }
                Object v;
                try {
                    c.getAccessor().setAccessible(true);
                    v = c.getAccessor().invoke(r);
                } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot read setting " + child + " of " + r.getClass().getName(), e);
                }
                fields.put(name, canonical(v, child, keyed, files));
            }
            ObjectNode o = f.objectNode();
            fields.forEach(o::set);
            return o;
        }
        if (value instanceof String || value instanceof Path || value instanceof File) {
            String s = value.toString();
            Path file = existingFile(s);
            if (file != null) {
                WeightsFile w = fingerprint(path, file);
                files.add(w);
                if (keyed) {
                    ObjectNode o = f.objectNode();
                    o.put("file_sha256", w.sha256());
                    o.put("file_size", w.size());
                    return o;
                }
            }
            return f.textNode(s);
        }
        if (value instanceof Enum<?> e) {
            return f.textNode(e.name());
        }
        if (value instanceof Collection<?> c) {
            ArrayNode a = f.arrayNode();
            int i = 0;
            for (Object v : c) {
                a.add(canonical(v, path + "[" + i++ + "]", keyed, files));
            }
            return a;
        }
        if (value.getClass().isArray()) {
            ArrayNode a = f.arrayNode();
            for (int i = 0; i < Array.getLength(value); i++) {
                a.add(canonical(Array.get(value, i), path + "[" + i + "]", keyed, files));
            }
            return a;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, JsonNode> fields = new TreeMap<>();
            m.forEach((k, v) -> fields.put(String.valueOf(k), canonical(v, path + "." + k, keyed, files)));
            ObjectNode o = f.objectNode();
            fields.forEach(o::set);
            return o;
        }
        return sorted(JSON.valueToTree(value)); // numbers, booleans, anything Jackson knows
    }

    /** A copy of {@code node} with every object's keys in sorted order. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            fields.forEach(o::set);
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> a.add(sorted(n)));
            return a;
        }
        return node;
    }

    private static Path existingFile(String s) {
        if (s.isBlank() || s.length() > 4096 || s.indexOf('\0') >= 0) {
            return null;
        }
        try {
            Path p = Path.of(s);
            return Files.isRegularFile(p) ? p.toAbsolutePath().normalize() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static WeightsFile fingerprint(String setting, Path file) {
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS);
            String sha = HASHES.get(new FileStamp(file, size, modified));
            if (sha == null) {
                MessageDigest d = ImageKey.sha256();
                byte[] buffer = new byte[1 << 20];
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        d.update(buffer, 0, n);
                    }
                }
                sha = HexFormat.of().formatHex(d.digest());
                HASHES.put(new FileStamp(file, size, modified), sha);
            }
            return new WeightsFile(setting, file, size, sha);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint " + file + " (setting " + setting + "): " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreKey k && hex.equals(k.hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public String toString() {
        return "StoreKey[" + directoryName() + "]";
    }
}
