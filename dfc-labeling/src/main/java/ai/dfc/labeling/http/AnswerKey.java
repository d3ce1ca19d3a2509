package ai.dfc.labeling.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies one remote answer in the {@link AnswerCache}: everything that changes what the server would
 * answer, and nothing that does not (the server's address, timeouts and API key are not part of it, so a run may
 * switch servers and keep its cache).
 *
 * @param provider    the plugin name ({@code cogvlm}, {@code openai-vlm}, {@code openai-chat}): the protocol
 * @param model       the model name sent in the request
 * @param parameters  the request parameters that change the answer (sampling: max tokens, temperature, top-p), in
 *                    a canonical text form
 * @param imageSha256 lower-case hex SHA-256 of the exact image bytes sent (the JPEG), or empty for text requests
 * @param prompt      the full prompt text (for multi-message requests: every message, joined)
 * @param sampleIndex which repetition of the same question this is; each is a separate answer
 */
public record AnswerKey(String provider, String model, String parameters, String imageSha256, String prompt,
        int sampleIndex) {

    /** Checks that every field is present and the sample index non-negative. */
    public AnswerKey {
        if (provider == null || provider.isBlank() || model == null || parameters == null || imageSha256 == null
                || prompt == null) {
            throw new IllegalArgumentException("an answer key needs a provider, a model, parameters, an image hash "
                    + "(empty for none) and a prompt");
        }
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("sample index must be >= 0, was " + sampleIndex);
        }
    }

    /**
     * The key's identity: lower-case hex SHA-256 over every field, each length-prefixed so that no two different
     * keys share an encoding. Used as the cache file name.
     */
    public String digest() {
        StringBuilder sb = new StringBuilder("dfc-answer-key-v1\n");
        for (String field : new String[] {provider, model, parameters, imageSha256, prompt, Integer.toString(sampleIndex)}) {
            sb.append(field.length()).append(':').append(field).append('\n');
        }
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Lower-case hex SHA-256 of some bytes.
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
