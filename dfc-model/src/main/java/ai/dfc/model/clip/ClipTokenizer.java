package ai.dfc.model.clip;

import ai.dfc.api.DfcException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE tokenizer, as OpenAI's {@code simple_tokenizer.py} and Hugging Face's slow
 * {@code CLIPTokenizer} with a {@code vocab.json} and {@code merges.txt} (e.g. those of
 * {@code openai/clip-vit-base-patch32}). Written by hand: no Java library reproduces CLIP's tokenizer exactly
 * (the pre-tokenization pattern, the {@code </w>} end-of-word marker and the byte-to-unicode alphabet together).
 *
 * <p>Steps, each matching the Python original (verified against {@code tools/parity/clip_text_reference.py}):
 * <ol>
 *   <li>cleaning ({@link ClipTextCleaner}): {@code html.unescape} twice, whitespace runs → one space, strip,
 *       lower-case. <b>ftfy's {@code fix_text}, which OpenAI applies first, is not done</b> (there is no Java
 *       port): text with mojibake or other encoding damage may tokenize differently from the Python tokenizer;
 *       clean text (every function phrase) is unaffected;</li>
 *   <li>pre-tokenization by {@code <|startoftext|>|<|endoftext|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|
 *       [^\s\p{L}\p{N}]+}; the original is case-insensitive, which after lower-casing only matters for U+017F
 *       and U+0345 (see the pattern's comment in the source);</li>
 *   <li>each piece → UTF-8 bytes → GPT-2's {@code bytes_to_unicode} characters; the last symbol gets
 *       {@code </w>}; merges applied lowest rank first until none applies; tokens → ids by {@code vocab.json}.
 *       The special tokens typed literally map to their own ids, as in the original;</li>
 *   <li>{@link #tokenize}: {@code [<|startoftext|>] + ids + [<|endoftext|>]}, cut to the context length with the
 *       end-of-text token kept last, padded with 0 — OpenAI's {@code clip.tokenize(text, truncate=True)} (Hugging
 *       Face pads with the end-of-text id instead; under the causal mask padding never reaches the pooled
 *       token, so the embeddings are the same).</li>
 * </ol>
 *
 * <p>{@code merges.txt}: a first line starting with {@code #version} is skipped, every other non-blank line is
 * one merge "{@code a b}", its rank its position; a pair listed twice keeps its last rank (as a Python dict).
 * All merges are used (OpenAI's code keeps the first 48,894 lines of its own file, which is all of the Hugging
 * Face file).
 *
 * <p>Thread-safe; word → BPE results are cached (bounded).
 */
public final class ClipTokenizer {
    /** The start-of-text token. */
    public static final String START_OF_TEXT = "<|startoftext|>";
    /** The end-of-text token. */
    public static final String END_OF_TEXT = "<|endoftext|>";
    /** The context length of every released CLIP model. */
    public static final int CONTEXT_LENGTH = 77;

    private static final String END_OF_WORD = "</w>";
    private static final int CACHE_LIMIT = 50_000;
    /**
     * OpenAI's pattern, compiled case-insensitively there. The text is lower-cased first, so case-insensitivity
     * is left out here and its two remaining effects written in: U+017F (ſ) matches the {@code s} of
     * {@code 's} and {@code <|startoftext|>}, and U+0345 (a combining mark that case-folds to ι) falls in no
     * class of Python's {@code regex} module and is skipped. (Checked against {@code regex} for every code point
     * in several contexts.)
     */
    private static final Pattern PIECES = Pattern.compile("<\\|[s\\u017F]tartoftext\\|>|<\\|endoftext\\|>|'[s\\u017F]|'t|'re|'ve"
            + "|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}\\u0345]+");
    private static final char[] BYTE_TO_UNICODE = bytesToUnicode();

    private final Path vocabFile;
    private final Map<String, Integer> vocab;
    private final Map<String, Integer> ranks;
    private final int startId;
    private final int endId;
    private final int maxId;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private ClipTokenizer(Path vocabFile, Map<String, Integer> vocab, Map<String, Integer> ranks) {
        this.vocabFile = vocabFile;
        this.vocab = vocab;
        this.ranks = ranks;
        this.startId = special(vocab, vocabFile, START_OF_TEXT);
        this.endId = special(vocab, vocabFile, END_OF_TEXT);
        this.maxId = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    /**
     * Reads a vocabulary and its merges.
     *
     * @param vocab  {@code vocab.json}: a JSON object token → id
     * @param merges {@code merges.txt}
     * @throws DfcException naming the file if either is missing, unreadable or malformed
     */
    public static ClipTokenizer load(Path vocab, Path merges) {
        return new ClipTokenizer(vocab, readVocab(vocab), readMerges(merges));
    }

    /** The id of {@code <|startoftext|>}. */
    public int startId() {
        return startId;
    }

    /** The id of {@code <|endoftext|>}. */
    public int endId() {
        return endId;
    }

    /** The largest id in the vocabulary (the token embedding needs more rows than this). */
    public int maxId() {
        return maxId;
    }

    /** Number of merges read. */
    public int mergeCount() {
        return ranks.size();
    }

    /** The cleaned text the pieces are cut from (see the class documentation). */
    public static String clean(String text) {
        return ClipTextCleaner.clean(text);
    }

    /**
     * The BPE tokens of {@code text}, without start and end tokens.
     *
     * @throws DfcException if a token is missing from {@code vocab.json}
     */
    public List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : pieces(text)) {
            out.addAll(Arrays.asList(bpe(piece)));
        }
        return out;
    }

    /**
     * The ids of {@code text}, without start and end tokens.
     *
     * @throws DfcException if a token is missing from {@code vocab.json}
     */
    public int[] encode(String text) {
        List<int[]> parts = new ArrayList<>();
        int n = 0;
        for (String piece : pieces(text)) {
            int[] ids = ids(piece);
            parts.add(ids);
            n += ids.length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * The model input of one text: start token, ids, end token, cut to {@code contextLength} with the end token
     * last, then zeros.
     *
     * @param contextLength at least 2 (77 for CLIP)
     */
    public int[] tokenize(String text, int contextLength) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be >= 2, was " + contextLength);
        }
        int[] ids = encode(text);
        int[] out = new int[contextLength];
        out[0] = startId;
        int n = Math.min(ids.length, contextLength - 2);
        System.arraycopy(ids, 0, out, 1, n);
        out[n + 1] = endId;
        return out;
    }

    /** The pre-tokenized pieces of the cleaned text, each as its byte-to-unicode string. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PIECES.matcher(clean(text));
        while (m.find()) {
            byte[] utf8 = m.group().getBytes(StandardCharsets.UTF_8);
            char[] chars = new char[utf8.length];
            for (int i = 0; i < utf8.length; i++) {
                chars[i] = BYTE_TO_UNICODE[utf8[i] & 0xFF];
            }
            out.add(new String(chars));
        }
        return out;
    }

    private int[] ids(String piece) {
        int[] cached = cache.get(piece);
        if (cached != null) {
            return cached;
        }
        String[] tokens = bpe(piece);
        int[] ids = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            Integer id = vocab.get(tokens[i]);
            if (id == null) {
                throw new DfcException(vocabFile + " has no token '" + tokens[i] + "' (from the BPE of '" + piece
                        + "'); vocab.json and merges.txt must come from the same model");
            }
            ids[i] = id;
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(piece, ids);
        return ids;
    }

    /** The BPE of one piece (byte-to-unicode characters): symbols merged by rank, {@code </w>} on the last. */
    String[] bpe(String piece) {
        if (piece.equals(START_OF_TEXT) || piece.equals(END_OF_TEXT)) {
            return new String[] {piece};
        }
        List<String> word = new ArrayList<>(piece.length());
        for (int i = 0; i < piece.length() - 1; i++) {
            word.add(String.valueOf(piece.charAt(i)));
        }
        word.add(piece.charAt(piece.length() - 1) + END_OF_WORD);
        while (word.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            String first = null;
            String second = null;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer r = ranks.get(pairKey(word.get(i), word.get(i + 1)));
                if (r != null && r < bestRank) {
                    bestRank = r;
                    first = word.get(i);
                    second = word.get(i + 1);
                }
            }
            if (first == null) {
                break;
            }
            List<String> merged = new ArrayList<>(word.size());
            for (int i = 0; i < word.size();) {
                if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i += 2;
                } else {
                    merged.add(word.get(i));
                    i++;
                }
            }
            word = merged;
        }
        return word.toArray(String[]::new);
    }

    private static String pairKey(String a, String b) {
        return a + ' ' + b; // byte-to-unicode symbols never contain a space (the space byte is 'Ġ')
    }

    /** GPT-2's reversible map from bytes to printable characters (the byte itself where it is printable). */
    private static char[] bytesToUnicode() {
        char[] map = new char[256];
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            printable[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            printable[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            printable[b] = true;
        }
        int next = 0;
        for (int b = 0; b < 256; b++) {
            map[b] = printable[b] ? (char) b : (char) (256 + next++);
        }
        return map;
    }

    private static int special(Map<String, Integer> vocab, Path file, String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new DfcException(file + " has no '" + token + "' token; it is not a CLIP vocab.json");
        }
        return id;
    }

    private static Map<String, Integer> readVocab(Path file) {
        Map<String, Integer> vocab = new HashMap<>(65536);
        try (JsonParser p = new ObjectMapper().getFactory().createParser(readUtf8(file, "vocabulary"))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DfcException(file + " is not a CLIP vocab.json: expected a JSON object {token: id}");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String token = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0 || p.getLongValue() > Integer.MAX_VALUE) {
                    throw new DfcException(file + ": the id of token '" + token + "' must be a non-negative integer, was "
                            + p.getText());
                }
                vocab.put(token, p.getIntValue());
            }
            if (p.nextToken() != null) {
                throw new DfcException(file + " has content after its JSON object");
            }
        } catch (IOException e) {
            throw new DfcException(file + " is not a valid vocab.json: " + e.getMessage().split("\n")[0], e);
        }
        if (vocab.isEmpty()) {
            throw new DfcException(file + " is an empty vocabulary");
        }
        return vocab;
    }

    private static Map<String, Integer> readMerges(Path file) {
        String[] lines = readUtf8(file, "merges").split("\n", -1);
        Map<String, Integer> ranks = new HashMap<>(65536);
        int start = lines.length > 0 && lines[0].startsWith("#version") ? 1 : 0;
        int rank = 0;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] pair = line.split("\\s+");
            if (pair.length != 2) {
                throw new DfcException(file + " line " + (i + 1) + ": a merge is two symbols separated by a space, was '"
                        + line + "'");
            }
            ranks.put(pairKey(pair[0], pair[1]), rank++);
        }
        if (ranks.isEmpty()) {
            throw new DfcException(file + " has no merges; it is not a CLIP merges.txt");
        }
        return ranks;
    }

    private static String readUtf8(Path file, String what) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new DfcException(what + " file " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new DfcException(what + " file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new DfcException("cannot read " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
