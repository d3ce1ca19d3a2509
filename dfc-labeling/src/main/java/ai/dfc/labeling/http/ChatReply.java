package ai.dfc.labeling.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A successful (2xx) reply of a chat-completions endpoint, with the assistant's text extracted.
 *
 * <p>The text is {@code choices[0].message.content} of an OpenAI-style chat completion: a string, or a list of
 * content parts whose {@code text} fields are concatenated. When the body is not such a completion (an HTML error
 * page served with status 200 by a proxy, an empty {@code choices} list, a null content) {@link #content()} is
 * null and {@link #problem()} says why; callers treat that as a malformed answer, never as an exception.
 *
 * @param body    the response body as received
 * @param content the assistant's text, or null when the body holds none
 * @param problem why there is no content, or null when there is
 */
public record ChatReply(String body, String content, String problem) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Checks that exactly one of content and problem is present. */
    public ChatReply {
        if (body == null || (content == null) == (problem == null)) {
            throw new IllegalArgumentException("a chat reply has a body and either content or a problem");
        }
    }

    /** Whether the reply carries assistant text. */
    public boolean hasContent() {
        return content != null;
    }

    /** The assistant text when present, else the raw body: what callers keep as the "raw answer". */
    public String raw() {
        return content != null ? content : body;
    }

    /**
     * Reads a response body.
     *
     * @param body the body of a 2xx response
     * @return the reply, with content or with the reason it has none
     */
    public static ChatReply parse(String body) {
        JsonNode root;
        try {
            root = body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new ChatReply(body, null, "the body is not a JSON chat completion: '" + excerpt(body, 80) + "'");
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            return new ChatReply(body, null, "the completion has no choices");
        }
        JsonNode content = choices.get(0).path("message").path("content");
        if (content.isTextual()) {
            return new ChatReply(body, content.asText(), null);
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    text.append(part.get("text").asText());
                }
            }
            return new ChatReply(body, text.toString(), null);
        }
        return new ChatReply(body, null, "choices[0].message.content is missing or not text");
    }

    /**
     * The first {@code max} characters of {@code text} with whitespace runs collapsed, for error messages.
     *
     * @param text any text
     * @param max  the most characters kept
     * @return the excerpt, with "…" when cut
     */
    public static String excerpt(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
