package ai.dfc.labeling.grounder;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.GrounderUnavailableException;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.labeling.http.AnswerKey;
import ai.dfc.labeling.http.CachedChat;
import ai.dfc.labeling.http.EndpointException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * What the remote grounders share: ask through the {@link CachedChat}, turn a reply without text (an HTML page,
 * empty choices) into a MALFORMED grounding, parse text with the plugin's parser, and report an unreachable
 * endpoint as {@link GrounderUnavailableException}.
 */
final class RemoteGrounding {
    private RemoteGrounding() {
    }

    static Grounding ask(CachedChat chat, AnswerKey key, String body, Function<String, Grounding> parseText) {
        try {
            return chat.ask(key, body, reply -> {
                Grounding g = reply.hasContent() ? parseText.apply(reply.content()) : Grounding.malformed(reply.body());
                return new CachedChat.Interpretation<>(g, toJson(g), g.outcome() == Grounding.Outcome.MALFORMED);
            });
        } catch (EndpointException e) {
            throw new GrounderUnavailableException(chat.provider() + " grounder: " + e.getMessage(), e);
        }
    }

    /** {@code {"outcome": "BOXES", "boxes": [[x0, y0, x1, y1], …]}}: the parsed form kept in cache files. */
    static ObjectNode toJson(Grounding g) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("outcome", g.outcome().name());
        ArrayNode boxes = node.putArray("boxes");
        for (Box b : g.boxes()) {
            boxes.addArray().add(b.x0()).add(b.y0()).add(b.x1()).add(b.y1());
        }
        return node;
    }

    /** The sampling parameters as they enter the cache key: {@code {"max_tokens", "temperature", "top_p"}}. */
    static String samplingParameters(int maxTokens, double temperature, double topP) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("max_tokens", maxTokens).put("temperature", temperature).put("top_p", topP);
        return p.toString();
    }

    /**
     * An OpenAI-style chat-completions body with one user message holding the prompt and the image as a data URL
     * ({@code imageFirst} puts the image part before the text, as Qwen2.5-VL's examples do), non-streaming.
     */
    static String chatBody(String model, String prompt, String dataUrl, boolean imageFirst, int maxTokens,
            double temperature, double topP) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", model);
        ArrayNode content = body.putArray("messages").addObject().put("role", "user")
                .putArray("content");
        if (imageFirst) {
            content.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl);
        }
        content.addObject().put("type", "text").put("text", prompt);
        if (!imageFirst) {
            content.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl);
        }
        body.put("stream", false);
        body.put("max_tokens", maxTokens);
        body.put("temperature", temperature);
        body.put("top_p", topP);
        return body.toString();
    }
}
