package ai.dfc.labeling.grounder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.GrounderUnavailableException;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.Grounding.Outcome;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.labeling.http.CountsRequests;
import ai.dfc.labeling.http.HttpSettings;
import ai.dfc.labeling.http.ReplayServer;
import ai.dfc.labeling.http.ReplayServer.Reply;
import ai.dfc.labeling.http.RequestCounts;
import ai.dfc.runtime.run.RunContext;
import ai.dfc.testing.GrounderContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code openai-vlm} against a loopback server replaying Qwen2.5-VL answers as vLLM serves them. */
class OpenAiVlmGrounderTest extends GrounderContractTest<OpenAiVlmGrounder.Config> {
    private ReplayServer server;

    @BeforeEach
    void startServer() {
        server = ReplayServer.start(OpenAiVlmGrounderTest::recordedAnswer);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Reply recordedAnswer(ReplayServer.Request request) {
        String prompt = request.prompt();
        String content = prompt.startsWith("Locate the blade ")
                ? "```json\n[\n\t{\"bbox_2d\": [50, 123, 244, 365], \"label\": \"blade\"}\n]\n```"
                : "```json\n[]\n```";
        return Reply.json(ReplayServer.openAiCompletion(content));
    }

    @Override
    protected PluginFactory<OpenAiVlmGrounder.Config, Grounder> factory() {
        return new OpenAiVlmGrounder.Factory();
    }

    @Override
    protected OpenAiVlmGrounder.Config nonDefaultSettings() {
        return new OpenAiVlmGrounder.Config(HttpSettings.defaults("https://vlm.example.org/api/v1", "VLM_KEY"),
                "Qwen/Qwen2.5-VL-72B-Instruct", "Find {part}.", "normalized", 1.0, true, true, 256, 0.0, 0.5);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("coordinates", "percent", "normalized_scale", 0, "prompt_template", "find the {category}",
                "max_tokens", -1, "top_p", 0, "model", " ", "http", Map.of("base_url", "localhost:8000"));
    }

    @Override
    protected OpenAiVlmGrounder.Config workingSettings() {
        return OpenAiVlmGrounder.Config.defaults()
                .withHttp(HttpSettings.defaults(server.baseUrl(), "OPENAI_API_KEY").withTiming(1_000, 2_000, 2, 1, 5));
    }

    @Override
    protected PluginContext context() {
        return new RunContext(tempDir.resolve("run"), tempDir.resolve("cache"), 1234, Map.of("OPENAI_API_KEY", "sk-vllm-7"));
    }

    @Override
    protected GroundingQuery answerableQuery() {
        return CogVlmGrounderTest.query(CogVlmGrounderTest.image(0), CogVlmGrounderTest.BLADE, 0);
    }

    @Override
    protected GroundingQuery emptyQuery() {
        return CogVlmGrounderTest.query(CogVlmGrounderTest.image(0), CogVlmGrounderTest.ABSENT, 0);
    }

    private static RequestCounts counts(Grounder g) {
        return ((CountsRequests) g).requestCounts();
    }

    @Test
    void sendsAnOpenAiVisionRequest() throws Exception {
        try (Grounder g = create()) {
            GroundingQuery q = CogVlmGrounderTest.query(RgbImage.filled(new ImageSize(400, 300), 0x336699),
                    CogVlmGrounderTest.BLADE, 0);
            assertThat(g.ground(q).boxes()).containsExactly(new Box(50, 123, 244, 300));
        }
        ReplayServer.Request request = server.requests().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-vllm-7");
        JsonNode body = request.json();
        assertThat(body.get("model").asText()).isEqualTo("Qwen/Qwen2.5-VL-7B-Instruct");
        assertThat(body.get("stream").asBoolean(true)).isFalse();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.9);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.95);
        JsonNode content = body.at("/messages/0/content");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(content.get(0).get("type").asText()).isEqualTo("image_url");
        BufferedImage sent = SentImageTest.decode(content.get(0).at("/image_url/url").asText());
        assertThat(sent.getWidth()).as("not padded by default").isEqualTo(400);
        assertThat(sent.getHeight()).isEqualTo(300);
        assertThat(content.get(1).get("type").asText()).isEqualTo("text");
        assertThat(content.get(1).get("text").asText()).isEqualTo("Locate the blade of the knife in the image (Blade - The flat, "
                + "sharp part of the knife used for cutting, digging, and prying.). Answer only with JSON: "
                + "[{\"bbox_2d\": [x0, y0, x1, y1], \"label\": \"blade\"}]. If it is not visible, answer [].");
    }

    @Test
    void readsNormalizedCoordinatesFromTheSameCachedAnswer() {
        server.enqueue(Reply.json(ReplayServer.openAiCompletion("{\"boxes\": [[100, 200, 300, 400]]}")));
        GroundingQuery q = answerableQuery();
        try (Grounder g = create()) {
            assertThat(g.ground(q).boxes()).containsExactly(new Box(100, 200, 300, 400));
        }
        OpenAiVlmGrounder.Config normalized = workingSettings().withCoordinates("normalized", 1000);
        try (Grounder g = new OpenAiVlmGrounder(normalized, context())) {
            assertThat(g.ground(q).boxes()).as("re-read with the new convention, no new request")
                    .containsExactly(new Box(49, 98, 147, 196));
            assertThat(counts(g)).isEqualTo(new RequestCounts(0, 1, 0, 0, 0));
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void turnsMalformedAnswersIntoMalformedOutcomes() {
        server.enqueue(Reply.json("<html><body><h1>504 Gateway Time-out</h1></body></html>"),
                Reply.json("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}"),
                Reply.json(ReplayServer.openAiCompletion("```json\n[{\"bbox_2d\": [50, 123, 244]}]\n```")),
                Reply.json(ReplayServer.openAiCompletion("[{\"bbox_2d\": [50, \"a\", 244, 365]}]")),
                Reply.json(ReplayServer.openAiCompletion("[{\"bbox_2d\": [600, 600, 900, 900]}]")),
                Reply.json(ReplayServer.openAiCompletion("[{\"bbox_2d\": [50, 123, 244, 365]")));
        try (Grounder g = create()) {
            List<Grounding> answers = new ArrayList<>();
            for (int sample = 0; sample < 6; sample++) {
                answers.add(g.ground(CogVlmGrounderTest.query(CogVlmGrounderTest.image(0), CogVlmGrounderTest.BLADE, sample)));
            }
            assertThat(answers).extracting(Grounding::outcome).containsOnly(Outcome.MALFORMED);
            assertThat(answers.get(0).raw()).contains("504 Gateway Time-out");
            assertThat(counts(g)).isEqualTo(new RequestCounts(6, 0, 0, 0, 6));
        }
    }

    @Test
    void retriesThenFailsClearly() {
        server.enqueue(Reply.status(502, "<html>bad gateway</html>"), Reply.hang());
        try (Grounder g = new OpenAiVlmGrounder(workingSettings().withHttp(
                HttpSettings.defaults(server.baseUrl(), "").withTiming(1_000, 300, 2, 1, 5)), context())) {
            assertThat(g.ground(answerableQuery()).outcome()).isEqualTo(Outcome.BOXES);
            assertThat(counts(g)).isEqualTo(new RequestCounts(3, 0, 2, 0, 0));
        }
        server.enqueue(Reply.status(404, "{\"object\":\"error\",\"message\":\"The model `Qwen/Qwen2.5-VL-7B-Instruct` does not exist.\"}"));
        try (Grounder g = create()) {
            assertThatThrownBy(() -> g.ground(emptyQuery())).isInstanceOf(GrounderUnavailableException.class)
                    .hasMessageContaining("openai-vlm").hasMessageContaining("HTTP 404").hasMessageContaining("does not exist")
                    .hasMessageContaining("base_url").hasMessageNotContaining("sk-vllm-7");
        }
    }
}
