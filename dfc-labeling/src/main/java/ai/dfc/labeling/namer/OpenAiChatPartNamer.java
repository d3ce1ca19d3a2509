package ai.dfc.labeling.namer;

import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.namer.PartNamerFactory;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Settings;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.labeling.http.AnswerKey;
import ai.dfc.labeling.http.CachedChat;
import ai.dfc.labeling.http.CountsRequests;
import ai.dfc.labeling.http.HttpSettings;
import ai.dfc.labeling.http.RequestCounts;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code openai-chat} part namer: asks an LLM behind an OpenAI-compatible chat-completions endpoint (by default
 * OpenAI's {@code gpt-4-turbo}, as the reference) which parts of an object perform a function (SPEC §3.1).
 *
 * <p><b>Request.</b> One {@code POST {base_url}/v1/chat/completions} per (category, function):
 * {@code {"model": …, "messages": [{"role": "system", "content": <PartListPrompt.SYSTEM>},
 * {"role": "user", "content": <PartListPrompt.question>}], "temperature": …}}. The API key comes from
 * {@code $OPENAI_API_KEY} by default ({@code http.api_key_env}).
 *
 * <p><b>Answer.</b> The reply's {@code "- Part - description"} lines become one {@link PartDescription} per part,
 * first description kept ({@link PartLines}); a reply without such lines (the model does not know the object)
 * gives an empty list. A reply without text (an HTML page, empty choices) is malformed: counted, logged with the
 * cache file to delete to ask again, and answered with an empty list.
 *
 * <p><b>Cache.</b> Answers are kept in {@code <cache>/openai-chat/}, keyed by model, temperature and the full
 * prompt (system and user messages), so a re-run sends nothing.
 *
 * <p><b>Failures.</b> An unreachable endpoint or a 4xx (bad key: 401) throws
 * {@link ai.dfc.labeling.http.EndpointException} (a {@link ai.dfc.api.DfcException}) naming the endpoint and
 * status. Thread-safe.
 */
public final class OpenAiChatPartNamer implements PartNamer, CountsRequests {
    /** The plugin name. */
    public static final String NAME = "openai-chat";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Settings of {@code openai-chat}.
     *
     * @param http        server address, key, timeouts, concurrency and retries
     * @param model       the model name
     * @param temperature sampling temperature (1.0 is OpenAI's default, which the reference used)
     */
    public record Config(
            @JsonPropertyDescription("server address, API key source, timeouts, concurrency and retries") HttpSettings http,
            @JsonPropertyDescription("model name sent in requests") String model,
            @JsonPropertyDescription("sampling temperature (1.0: OpenAI's default, as the reference)") double temperature) {

        /** Validates; errors name the key. */
        public Config {
            Settings.present("http", http);
            Settings.nonBlank("model", model);
            Settings.inRange("temperature", temperature, 0.0, 2.0);
        }

        /** OpenAI's API, key from {@code $OPENAI_API_KEY}, {@code gpt-4-turbo}, temperature 1.0. */
        public static Config defaults() {
            return new Config(HttpSettings.defaults("https://api.openai.com", "OPENAI_API_KEY"), "gpt-4-turbo", 1.0);
        }

        /**
         * The same settings with other HTTP settings.
         *
         * @param other the HTTP settings
         * @return a copy
         */
        public Config withHttp(HttpSettings other) {
            return new Config(other, model, temperature);
        }
    }

    /** The factory, registered by {@link ai.dfc.labeling.LabelingPlugin}. */
    public static final class Factory extends AbstractPluginFactory<Config, PartNamer> implements PartNamerFactory<Config> {
        /** The {@code openai-chat} factory with the reference's defaults. */
        public Factory() {
            super(NAME, "LLM behind an OpenAI-compatible chat endpoint listing functional parts (few-shot, SPEC 3.1)",
                    Config.defaults());
        }

        /** Opens a client of the configured endpoint; no request is sent until the first question. */
        @Override
        public PartNamer create(Config settings, PluginContext context) {
            return new OpenAiChatPartNamer(settings, context);
        }
    }

    private final Config config;
    private final CachedChat chat;
    private final String parameters;

    /**
     * @param config  the settings
     * @param context the run context (cache directory, environment for the API key)
     */
    public OpenAiChatPartNamer(Config config, PluginContext context) {
        this.config = config;
        this.chat = CachedChat.open(NAME, config.http(), context);
        this.parameters = JSON.createObjectNode().put("temperature", config.temperature()).toString();
    }

    /**
     * The request body for one pair (see the class comment).
     *
     * @param category the object
     * @param function the action
     * @return the JSON text
     */
    public String requestBody(ObjectCategory category, FunctionName function) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", config.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", PartListPrompt.SYSTEM);
        messages.addObject().put("role", "user").put("content", PartListPrompt.question(category, function));
        body.put("temperature", config.temperature());
        return body.toString();
    }

    /** {@inheritDoc} See the class comment for the request, parsing and failures. */
    @Override
    public List<PartDescription> parts(ObjectCategory category, FunctionName function) {
        String prompt = "system:\n" + PartListPrompt.SYSTEM + "\nuser:\n" + PartListPrompt.question(category, function);
        AnswerKey key = new AnswerKey(NAME, config.model(), parameters, "", prompt, 0);
        return chat.ask(key, requestBody(category, function), reply -> {
            if (!reply.hasContent()) {
                return new CachedChat.Interpretation<>(List.of(), JSON.createObjectNode().putArray("parts"), true);
            }
            List<PartDescription> parts = List.copyOf(PartListReply.parse(reply.content()));
            ObjectNode parsed = JSON.createObjectNode();
            ArrayNode list = parsed.putArray("parts");
            for (PartDescription d : parts) {
                list.addObject().put("part", d.part().value()).put("line", d.line());
            }
            return new CachedChat.Interpretation<>(parts, parsed, false);
        });
    }

    /**
     * The parts of {@code category} over several functions, one description per part (first kept, functions in the
     * given order): the reference's {@code obj2part_descriptions.json} row for the object, without its LLM merge.
     *
     * @param category  the object
     * @param functions its functions, in a fixed order
     * @return the unique parts
     */
    public List<PartDescription> uniqueParts(ObjectCategory category, List<FunctionName> functions) {
        return PartListReply.merge(functions.stream().map(f -> parts(category, f)).toList());
    }

    /** {@inheritDoc} */
    @Override
    public RequestCounts requestCounts() {
        return chat.requestCounts();
    }

    /** Closes the HTTP client; further questions fail. Idempotent. */
    @Override
    public void close() {
        chat.close();
    }

    /** Names the plugin and its endpoint. */
    @Override
    public String toString() {
        return "OpenAiChatPartNamer[" + chat.uri() + ", model " + config.model() + "]";
    }
}
