package ai.dfc.model.text;

import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Settings;
import ai.dfc.api.text.TextEncoder;
import ai.dfc.api.text.TextEncoderFactory;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The offline default text encoder ({@code hashed-ngram}): a phrase becomes the L2-normalized sum of signed
 * one-hot vectors of its character n-grams (fastText-style, with {@code <} and {@code >} marking the ends),
 * hashed into {@code dimension} buckets.
 *
 * <p>It needs no download and is exactly reproducible, but it carries <b>no semantics across
 * functions</b>: "cut with" and "slice with" are as unrelated as "cut with" and "pour with", except for shared
 * letters. Use it to run the pipeline offline, not to study transfer between functions (use {@code clip-text}).
 *
 * <p>Hash of an n-gram: 64-bit FNV-1a over its UTF-8 bytes, starting from the offset basis XOR {@code seed},
 * then the SplitMix64 finalizer; bucket = the hash modulo {@code dimension} (unsigned), sign = + if bit 32 is 0.
 * (Written by hand: a dozen lines, and the exact function is part of the plugin's contract — changing it would
 * silently change every stored embedding.) Thread-safe and stateless.
 */
public final class HashedNgramTextEncoder implements TextEncoder {

    /** Settings of {@code hashed-ngram}. */
    public record Config(
            @JsonPropertyDescription("embedding dimension (512 matches CLIP ViT-B/32)") int dimension,
            @JsonPropertyDescription("shortest character n-gram") int minN,
            @JsonPropertyDescription("longest character n-gram") int maxN,
            @JsonPropertyDescription("hash seed; a different seed gives an unrelated embedding") long seed) {
        public Config {
            Settings.inRange("dimension", dimension, 8, 65536);
            Settings.inRange("min_n", minN, 1, 16);
            Settings.inRange("max_n", maxN, 1, 16);
            if (maxN < minN) {
                throw new ai.dfc.api.plugin.SettingException("max_n", "must be >= min_n (" + minN + "), was " + maxN);
            }
        }
    }

    /** The factory, registered by {@link ai.dfc.model.ModelPlugin}. */
    public static final class Factory extends AbstractPluginFactory<Config, TextEncoder>
            implements TextEncoderFactory<Config> {
        public Factory() {
            super("hashed-ngram", "offline default: hashed character n-grams, L2-normalized (no semantics across functions)", new Config(512, 3, 5, 0));
        }

        @Override
        public TextEncoder create(Config settings, PluginContext context) {
            return new HashedNgramTextEncoder(settings);
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int MAX_PHRASE_CHARS = 1000;

    private final Config config;

    public HashedNgramTextEncoder(Config config) {
        this.config = config;
    }

    @Override
    public int dimension() {
        return config.dimension();
    }

    @Override
    public INDArray encode(List<String> phrases) {
        if (phrases == null || phrases.isEmpty()) {
            throw new IllegalArgumentException("encode needs at least one phrase");
        }
        float[][] rows = new float[phrases.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = embed(phrases.get(i));
        }
        return Nd4j.createFromArray(rows);
    }

    /** The embedding of one phrase as a float array of length {@code dimension}, unit L2 norm. */
    public float[] embed(String phrase) {
        String text = normalize(phrase);
        double[] v = new double[config.dimension()];
        String padded = "<" + text + ">";
        for (int n = config.minN(); n <= config.maxN(); n++) {
            for (int start = 0; start + n <= padded.length(); start++) {
                long h = hash(padded.substring(start, start + n), config.seed());
                int bucket = (int) Long.remainderUnsigned(h, config.dimension());
                v[bucket] += ((h >>> 32) & 1) == 0 ? 1 : -1;
            }
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            // every n-gram cancelled out (possible only for tiny dimensions): fall back to the phrase's own bucket
            v[(int) Long.remainderUnsigned(hash(padded, config.seed()), config.dimension())] = 1;
            norm = 1;
        }
        float[] out = new float[v.length];
        double inv = 1 / Math.sqrt(norm);
        for (int d = 0; d < v.length; d++) {
            out[d] = (float) (v[d] * inv);
        }
        return out;
    }

    /** Lower case, trimmed, inner whitespace collapsed to single spaces; blank and over-long phrases rejected. */
    static String normalize(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            throw new IllegalArgumentException("phrase must not be blank, was '" + phrase + "'");
        }
        String text = phrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (text.length() > MAX_PHRASE_CHARS) {
            throw new IllegalArgumentException("phrase longer than " + MAX_PHRASE_CHARS + " characters");
        }
        return text;
    }

    /** FNV-1a 64 over UTF-8 bytes (offset basis XOR seed), then the SplitMix64 finalizer. */
    static long hash(String s, long seed) {
        long h = FNV_OFFSET ^ seed;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= FNV_PRIME;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    @Override
    public void close() {
        // stateless
    }
}
