package ai.dfc.labeling.namer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import ai.dfc.labeling.http.CountsRequests;
import ai.dfc.labeling.http.EndpointException;
import ai.dfc.labeling.http.HttpSettings;
import ai.dfc.labeling.http.ReplayServer;
import ai.dfc.labeling.http.ReplayServer.Reply;
import ai.dfc.labeling.http.RequestCounts;
import ai.dfc.runtime.run.RunContext;
import ai.dfc.testing.PartNamerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code openai-chat} against a loopback server replaying gpt-4-turbo answers. */
class OpenAiChatPartNamerTest extends PartNamerContractTest<OpenAiChatPartNamer.Config> {
    private static final String KEY = "sk-proj-test-0123456789";
    private static final ObjectCategory MUG = ObjectCategory.of("mug");
    private static final FunctionName POUR = FunctionName.of("pour-with");
    private static final FunctionName PRESS = FunctionName.of("press-with");

    private ReplayServer server;

    @BeforeEach
    void startServer() {
        server = ReplayServer.start(OpenAiChatPartNamerTest::recordedAnswer);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Reply recordedAnswer(ReplayServer.Request request) {
        String question = request.prompt();
        String content;
        if (question.contains("\"mug\"") && question.contains("\"pour-with\"")) {
            content = "- Rim - The circular top edge of the mug, where the liquid leaves it.\n"
                    + "- **Mouth** - The open top of the mug through which liquid flows.\n"
                    + "- Rim - The smooth lip around the opening.";
        } else if (question.contains("\"mug\"") && question.contains("\"press-with\"")) {
            content = "- Base - The flat, round bottom surface of the mug.\n- Rim - The thin top edge of the mug.";
        } else {
            content = "I'm sorry, I am not familiar with an object called that.";
        }
        return Reply.json(ReplayServer.openAiCompletion(content));
    }

    @Override
    protected PluginFactory<OpenAiChatPartNamer.Config, PartNamer> factory() {
        return new OpenAiChatPartNamer.Factory();
    }

    @Override
    protected OpenAiChatPartNamer.Config nonDefaultSettings() {
        return new OpenAiChatPartNamer.Config(HttpSettings.defaults("http://127.0.0.1:11434", "LLM_KEY"), "llama3.1:70b", 0.0);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("model", "", "temperature", 2.5, "http", Map.of("request_timeout_ms", 0));
    }

    @Override
    protected OpenAiChatPartNamer.Config workingSettings() {
        return OpenAiChatPartNamer.Config.defaults()
                .withHttp(HttpSettings.defaults(server.baseUrl(), "OPENAI_API_KEY").withTiming(1_000, 2_000, 2, 1, 5));
    }

    @Override
    protected PluginContext context() {
        return new RunContext(tempDir.resolve("run"), tempDir.resolve("cache"), 1234, Map.of("OPENAI_API_KEY", KEY));
    }

    @Override
    protected ObjectCategory knownCategory() {
        return MUG;
    }

    @Override
    protected FunctionName knownFunction() {
        return POUR;
    }

    private static RequestCounts counts(PartNamer n) {
        return ((CountsRequests) n).requestCounts();
    }

    @Test
    void sendsTheFewShotRequestAndParsesTheParts() {
        try (PartNamer namer = create()) {
            assertThat(namer.parts(MUG, POUR)).containsExactly(
                    new PartDescription(PartName.of("rim"), "- Rim - The circular top edge of the mug, where the liquid leaves it."),
                    new PartDescription(PartName.of("mouth"), "- Mouth - The open top of the mug through which liquid flows."));
        }
        ReplayServer.Request request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = request.json();
        assertThat(body.get("model").asText()).isEqualTo("gpt-4-turbo");
        assertThat(body.get("temperature").asDouble()).isEqualTo(1.0);
        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        String system = messages.get(0).get("content").asText();
        assertThat(system).isEqualTo(PartListPrompt.SYSTEM).contains("not the part a person would hold")
                .contains("\"knife\"", "\"cut-with\"", "\"bottle\"", "\"pour-with\"", "\"teapot\"", "\"press-with\"",
                        "\"water bottle\"", "\"pound-with\"")
                .contains("- Blade - ", "- Edge - ", "- Handle - ", "- Mouth - ", "- Neck - ", "- Body - ", "- Base - ",
                        "- Grip - ");
        assertThat(messages.get(1).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("What are the names of the parts of the \"mug\" that "
                + "can be used to perform the action \"pour-with\"? Respond only with a bulleted list of single-word part "
                + "names, each paired with a one-sentence description, in the format \"- Name - description\".");
    }

    @Test
    void asksEachPairOnceAcrossInstances() throws Exception {
        try (PartNamer first = create()) {
            first.parts(MUG, POUR);
            first.parts(MUG, PRESS);
        }
        try (PartNamer second = create()) {
            assertThat(second.parts(MUG, PRESS)).extracting(PartDescription::part)
                    .containsExactly(PartName.of("base"), PartName.of("rim"));
            assertThat(counts(second)).isEqualTo(new RequestCounts(0, 1, 0, 0, 0));
        }
        assertThat(server.requests()).hasSize(2);
        try (Stream<Path> files = Files.walk(tempDir.resolve("cache").resolve("openai-chat"))) {
            List<Path> stored = files.filter(Files::isRegularFile).toList();
            assertThat(stored).hasSize(2);
            for (Path f : stored) {
                assertThat(Files.readString(f)).doesNotContain(KEY).contains("\"parts\"");
            }
        }
    }

    @Test
    void mergesAnObjectsPartsOverItsFunctions() {
        try (OpenAiChatPartNamer namer = new OpenAiChatPartNamer(workingSettings(), context())) {
            assertThat(namer.uniqueParts(MUG, List.of(PRESS, POUR))).extracting(PartDescription::line).containsExactly(
                    "- Base - The flat, round bottom surface of the mug.", "- Rim - The thin top edge of the mug.",
                    "- Mouth - The open top of the mug through which liquid flows.");
        }
    }

    @Test
    void answersAMalformedReplyWithNoPartsAndCountsIt() {
        server.enqueue(Reply.json("<html><body>Cloudflare: 520 Web server is returning an unknown error</body></html>"));
        try (PartNamer namer = create()) {
            assertThat(namer.parts(MUG, POUR)).isEmpty();
            assertThat(counts(namer)).isEqualTo(new RequestCounts(1, 0, 0, 0, 1));
        }
    }

    @Test
    void failsClearlyOnABadKey() {
        server.enqueue(Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-****6789.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        try (PartNamer namer = create()) {
            assertThatThrownBy(() -> namer.parts(MUG, POUR)).isInstanceOf(EndpointException.class)
                    .hasMessageContaining(server.baseUrl() + "/v1/chat/completions").hasMessageContaining("HTTP 401")
                    .hasMessageContaining("$OPENAI_API_KEY").hasMessageContaining("Incorrect API key")
                    .hasMessageNotContaining(KEY);
        }
        assertThat(server.requests()).hasSize(1);
    }
}
