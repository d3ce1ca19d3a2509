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

/**
 * The {@code cogvlm} grounder: the reference's CogVLM grounding server (SPEC §3.3–3.4), spoken exactly.
 *
 * <p><b>Request.</b> {@code POST {base_url}/v1/chat/completions} with
 * <pre>{@code
 * {"model": "cogvlm-chat-17b",
 *  "messages": [{"role": "user", "content": [
 *      {"type": "text", "text": "What are the exact bounding boxes of \"blade - the flat, …\" in the provided picture?"},
 *      {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,…"}}]}],
 *  "stream": false, "max_tokens": 2048, "temperature": 0.9, "top_p": 0.95}
 * }</pre>
 * The prompt is {@code prompt_template} with {@code {expr}} replaced by the reference's referring expression built
 * from the part's description line ({@link GroundingPrompts#cogVlmExpression}). The image is the query image padded
 * to a white square and JPEG-encoded ({@link SentImage}). The model name is a label: the reference server answers
 * with whatever checkpoint it loaded (normally {@code THUDM/cogvlm-grounding-generalist-hf}).
 *
 * <p><b>Answer.</b> {@code choices[0].message.content} holds {@code [[x0,y0,x1,y1]]} boxes on a 0–1000 scale of
 * the padded square; the last box is kept and mapped to pixels of the query image ({@link CogVlmAnswers}).
 * No box: {@code NO_BOX}. Unparseable text, an HTML page, empty choices, a box outside the image:
 * {@code MALFORMED} (counted, logged, cached, never thrown).
 *
 * <p><b>Repeats and cache.</b> The sample index of the query is part of the cache key, so the 4 repeated samples
 * of the reference are 4 separate requests, each answered once and then served from
 * {@code <cache>/cogvlm/}. Identical query and sample index → identical answer.
 *
 * <p><b>Failures.</b> After the retries of {@link ai.dfc.labeling.http.ChatEndpoint} (timeouts, connection
 * failures, 429, 5xx), or at once on another 4xx: {@link ai.dfc.api.grounder.GrounderUnavailableException}, whose
 * message names the endpoint and the status. Thread-safe; at most {@code http.max_concurrency} requests in flight.
 */
public final class CogVlmGrounder implements Grounder, CountsRequests {
    /** The plugin name. */
    public static final String NAME = "cogvlm";
    /** The reference's grounding template (index 2 of its list), with {@code {expr}} for the expression. */
    public static final String DEFAULT_TEMPLATE = "What are the exact bounding boxes of {expr} in the provided picture?";


    /**
     * Settings of {@code cogvlm}.
     *
     * @param http           server address, key, timeouts, concurrency, retries
     * @param model          the model label sent in requests
     * @param promptTemplate the grounding prompt, with placeholders ({@link GroundingPrompts})
     * @param maxTokens      {@code max_tokens} of the request
     * @param temperature    sampling temperature (greedy at ≤ 1e-5 on the reference server)
     * @param topP           nucleus sampling mass
     */
    public record Config(
            @JsonPropertyDescription("server address, API key source, timeouts, concurrency and retries") HttpSettings http,
            @JsonPropertyDescription("model label sent in requests (the reference server ignores it)") String model,
            @JsonPropertyDescription("grounding prompt; {expr} is the quoted, lower-cased description (SPEC 3.4)")
            String promptTemplate,
            @JsonPropertyDescription("max_tokens of each request") int maxTokens,
            @JsonPropertyDescription("sampling temperature (the reference uses 0.9)") double temperature,
            @JsonPropertyDescription("nucleus sampling top_p (the reference uses 0.95)") double topP) {

        /** Validates; errors name the key. */
        public Config {
            Settings.present("http", http);
            Settings.nonBlank("model", model);
            Settings.nonBlank("prompt_template", promptTemplate);
            if (!GroundingPrompts.namesThePart(promptTemplate)) {
                throw new SettingException("prompt_template", "must contain {expr}, {part} or {description}, was '"
                        + promptTemplate + "'");
            }
            Settings.inRange("max_tokens", maxTokens, 1, 1_000_000);
            Settings.inRange("temperature", temperature, 0.0, 2.0);
            if (!(topP > 0 && topP <= 1)) {
                throw new SettingException("top_p", "must be in (0, 1], was " + topP);
            }
        }

        /** The reference's settings against a server on {@code http://127.0.0.1:8000} without an API key. */
        public static Config defaults() {
            return new Config(HttpSettings.defaults("http://127.0.0.1:8000", ""), "cogvlm-chat-17b", DEFAULT_TEMPLATE,
                    2048, 0.9, 0.95);
        }

        /**
         * The same settings with other HTTP settings.
         *
         * @param other the HTTP settings
         * @return a copy
         */
        public Config withHttp(HttpSettings other) {
            return new Config(other, model, promptTemplate, maxTokens, temperature, topP);
        }
    }

    /** The factory, registered by {@link ai.dfc.labeling.LabelingPlugin}. */
    public static final class Factory extends AbstractPluginFactory<Config, Grounder> implements GrounderFactory<Config> {
        /** The {@code cogvlm} factory with the reference's defaults. */
        public Factory() {
            super(NAME, "CogVLM grounding server over HTTP (reference protocol: [[x0,y0,x1,y1]] on 0-1000, last box kept)",
                    Config.defaults());
        }

        /** Opens a client of the configured server; no request is sent until the first query. */
        @Override
        public Grounder create(Config settings, PluginContext context) {
            return new CogVlmGrounder(settings, context);
        }
    }

    private final Config config;
    private final CachedChat chat;
    private final String parameters;

    /**
     * @param config  the settings
     * @param context the run context (cache directory, environment for the API key)
     */
    public CogVlmGrounder(Config config, PluginContext context) {
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
        return RemoteGrounding.chatBody(config.model(), prompt, image.dataUrl(), false, config.maxTokens(),
                config.temperature(), config.topP());
    }

    /** {@inheritDoc} See the class comment for the protocol, outcomes and failures. */
    @Override
    public Grounding ground(GroundingQuery query) {
        SentImage image = SentImage.of(query.image(), true);
        String prompt = prompt(query);
        AnswerKey key = new AnswerKey(NAME, config.model(), parameters, image.sha256(), prompt, query.sampleIndex());
        return RemoteGrounding.ask(chat, key, requestBody(prompt, image), text -> CogVlmAnswers.parse(text, image));
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
        return "CogVlmGrounder[" + chat.uri() + ", model " + config.model() + "]";
    }
}
