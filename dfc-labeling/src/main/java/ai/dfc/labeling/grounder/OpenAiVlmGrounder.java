package ai.dfc.labeling.grounder;

import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.GrounderFactory;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.SettingException;
import ai.dfc.api.plugin.Settings;
import ai.dfc.labeling.http.AnswerKey;
import ai.dfc.labeling.http.CachedChat;
import ai.dfc.labeling.http.CountsRequests;
import ai.dfc.labeling.http.HttpSettings;
import ai.dfc.labeling.http.RequestCounts;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Locale;

/**
 * The {@code openai-vlm} grounder: any vision-language model behind an OpenAI-compatible chat-completions endpoint
 * (vLLM, SGLang, Ollama, a hosted API) that answers boxes as JSON — e.g. Qwen2.5-VL.
 *
 * <p><b>Request.</b> {@code POST {base_url}/v1/chat/completions} with one user message whose content is the image
 * ({@code data:image/jpeg;base64,…}, see {@link SentImage}; padded to a white square only with
 * {@code pad_to_square}) followed by the prompt ({@code prompt_template} filled as {@link GroundingPrompts} says),
 * and {@code stream: false}, {@code max_tokens}, {@code temperature}, {@code top_p}.
 *
 * <p><b>Answer.</b> JSON boxes as {@link JsonBoxAnswers} accepts ({@code [{"bbox_2d": […], "label": …}]},
 * {@code {"boxes": [[…]]}}, fenced or bare). <b>Coordinates</b> ({@code coordinates}):
 * <ul>
 *   <li>{@code pixels} — absolute pixels of the image as sent. Qwen2.5-VL answers in pixels of its <i>own</i>
 *       resized input (sides rounded to multiples of 28 by its processor; 490 px becomes 504): send images whose
 *       sides are already multiples of 28, or expect boxes scaled by that ratio;</li>
 *   <li>{@code normalized} — fractions of the sent image's width and height times {@code normalized_scale}
 *       (1000 for Qwen2-VL-style and CogVLM-style models, 1.0 for 0–1 coordinates).</li>
 * </ul>
 * Only the last box is kept (as the reference does for CogVLM) unless {@code keep_all_boxes}. Outcomes, cache,
 * repeats and failures are those of {@link CogVlmGrounder}: the sample index is part of the cache key; malformed
 * answers are counted, logged and cached; an unreachable endpoint is a
 * {@link ai.dfc.api.grounder.GrounderUnavailableException}. Cached answers are re-read with the current
 * coordinate settings. Thread-safe.
 */
public final class OpenAiVlmGrounder implements Grounder, CountsRequests {
    /** The plugin name. */
    public static final String NAME = "openai-vlm";
    /** The default prompt: asks for the part by name and description, as a JSON list with {@code bbox_2d}. */
    public static final String DEFAULT_TEMPLATE = "Locate the {part} of the {category} in the image ({description}). "
            + "Answer only with JSON: [{\"bbox_2d\": [x0, y0, x1, y1], \"label\": \"{part}\"}]. "
            + "If it is not visible, answer [].";
    /** The accepted values of {@code coordinates}. */
    public static final List<String> CONVENTIONS = List.of("pixels", "normalized");


    /**
     * Settings of {@code openai-vlm}.
     *
     * @param http            server address, key, timeouts, concurrency and retries
     * @param model           the model name sent in requests
     * @param promptTemplate  the prompt, with placeholders ({@link GroundingPrompts})
     * @param coordinates     {@code pixels} or {@code normalized}
     * @param normalizedScale the value of the image's far edge under {@code normalized}
     * @param padToSquare     pad the image to a white square before sending
     * @param keepAllBoxes    keep every box of an answer instead of the last
     * @param maxTokens       {@code max_tokens} of the request
     * @param temperature     sampling temperature
     * @param topP            nucleus sampling mass
     */
    public record Config(
            @JsonPropertyDescription("server address, API key source, timeouts, concurrency and retries") HttpSettings http,
            @JsonPropertyDescription("model name sent in requests") String model,
            @JsonPropertyDescription("prompt; placeholders {part}, {category}, {description}, {expr}") String promptTemplate,
            @JsonPropertyDescription("box coordinates in answers: pixels (of the image sent) or normalized") String coordinates,
            @JsonPropertyDescription("value of the image's far edge when coordinates are normalized (1000 or 1.0)")
            double normalizedScale,
            @JsonPropertyDescription("pad the image to a white square before sending") boolean padToSquare,
            @JsonPropertyDescription("keep every box of an answer (false: only the last, as for CogVLM)") boolean keepAllBoxes,
            @JsonPropertyDescription("max_tokens of each request") int maxTokens,
            @JsonPropertyDescription("sampling temperature") double temperature,
            @JsonPropertyDescription("nucleus sampling top_p") double topP) {

        /** Validates; errors name the key. */
        public Config {
            Settings.present("http", http);
            Settings.nonBlank("model", model);
            Settings.nonBlank("prompt_template", promptTemplate);
            if (!GroundingPrompts.namesThePart(promptTemplate)) {
                throw new SettingException("prompt_template", "must contain {part}, {description} or {expr}, was '"
                        + promptTemplate + "'");
            }
            Settings.oneOf("coordinates", coordinates, CONVENTIONS);
            Settings.positive("normalized_scale", normalizedScale);
            Settings.inRange("max_tokens", maxTokens, 1, 1_000_000);
            Settings.inRange("temperature", temperature, 0.0, 2.0);
            if (!(topP > 0 && topP <= 1)) {
                throw new SettingException("top_p", "must be in (0, 1], was " + topP);
            }
        }

        /**
         * Defaults for Qwen2.5-VL served by vLLM on {@code http://127.0.0.1:8000}, key from {@code OPENAI_API_KEY}
         * when set: pixel coordinates, no padding, last box, the reference's sampling (0.9 / 0.95).
         */
        public static Config defaults() {
            return new Config(HttpSettings.defaults("http://127.0.0.1:8000", "OPENAI_API_KEY"),
                    "Qwen/Qwen2.5-VL-7B-Instruct", DEFAULT_TEMPLATE, "pixels", 1000.0, false, false, 1024, 0.9, 0.95);
        }

        /**
         * The same settings with other HTTP settings.
         *
         * @param other the HTTP settings
         * @return a copy
         */
        public Config withHttp(HttpSettings other) {
            return new Config(other, model, promptTemplate, coordinates, normalizedScale, padToSquare, keepAllBoxes,
                    maxTokens, temperature, topP);
        }

        /**
         * The same settings with another coordinate convention.
         *
         * @param convention {@code pixels} or {@code normalized}
         * @param scale      the normalized scale
         * @return a copy
         */
        public Config withCoordinates(String convention, double scale) {
            return new Config(http, model, promptTemplate, convention, scale, padToSquare, keepAllBoxes, maxTokens,
                    temperature, topP);
        }

        /** {@link #coordinates()} as the parser's enum. */
        public JsonBoxAnswers.Convention convention() {
            return JsonBoxAnswers.Convention.valueOf(coordinates.toUpperCase(Locale.ROOT));
        }
    }

    /** The factory, registered by {@link ai.dfc.labeling.LabelingPlugin}. */
    public static final class Factory extends AbstractPluginFactory<Config, Grounder> implements GrounderFactory<Config> {
        /** The {@code openai-vlm} factory with Qwen2.5-VL defaults. */
        public Factory() {
            super(NAME, "any VLM behind an OpenAI-compatible endpoint answering JSON boxes (e.g. Qwen2.5-VL)",
                    Config.defaults());
        }

        /** Opens a client of the configured server; no request is sent until the first query. */
        @Override
        public Grounder create(Config settings, PluginContext context) {
            return new OpenAiVlmGrounder(settings, context);
        }
    }

    private final Config config;
    private final CachedChat chat;
    private final String parameters;

    /**
     * @param config  the settings
     * @param context the run context (cache directory, environment for the API key)
     */
    public OpenAiVlmGrounder(Config config, PluginContext context) {
        this.config = config;
        this.chat = CachedChat.open(NAME, config.http(), context);
        this.parameters = RemoteGrounding.samplingParameters(config.maxTokens(), config.temperature(), config.topP());
    }

    /**
     * The prompt sent for a query.
     *
     * @param query the query
     * @return the template filled in
     */
    public String prompt(GroundingQuery query) {
        return GroundingPrompts.fill(config.promptTemplate(), query);
    }

    /**
     * The request body for a prompt and an image (see the class comment).
     *
     * @param prompt the prompt text
     * @param image  the prepared image
     * @return the JSON text
     */
    public String requestBody(String prompt, SentImage image) {
        return RemoteGrounding.chatBody(config.model(), prompt, image.dataUrl(), true, config.maxTokens(),
                config.temperature(), config.topP());
    }

    /** {@inheritDoc} See the class comment for the protocol, coordinates, outcomes and failures. */
    @Override
    public Grounding ground(GroundingQuery query) {
        SentImage image = SentImage.of(query.image(), config.padToSquare());
        String prompt = prompt(query);
        AnswerKey key = new AnswerKey(NAME, config.model(), parameters, image.sha256(), prompt, query.sampleIndex());
        return RemoteGrounding.ask(chat, key, requestBody(prompt, image), text -> JsonBoxAnswers.parse(text, image,
                config.convention(), config.normalizedScale(), config.keepAllBoxes()));
    }

    /** {@inheritDoc} */
    @Override
    public RequestCounts requestCounts() {
        return chat.requestCounts();
    }

    /** Closes the HTTP client; further queries fail. Idempotent. */
    @Override
    public void close() {
        chat.close();
    }

    /** Names the plugin and its endpoint. */
    @Override
    public String toString() {
        return "OpenAiVlmGrounder[" + chat.uri() + ", model " + config.model() + "]";
    }
}
