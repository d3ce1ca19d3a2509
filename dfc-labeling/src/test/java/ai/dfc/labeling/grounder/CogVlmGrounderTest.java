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
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import ai.dfc.labeling.http.CountsRequests;
import ai.dfc.labeling.http.HttpSettings;
import ai.dfc.labeling.http.ReplayServer;
import ai.dfc.labeling.http.ReplayServer.Reply;
import ai.dfc.labeling.http.RequestCounts;
import ai.dfc.testing.GrounderContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cogvlm} against a loopback server replaying the reference CogVLM server's answers. */
class CogVlmGrounderTest extends GrounderContractTest<CogVlmGrounder.Config> {
    static final String BLADE = "- Blade - The flat, sharp part of the knife used for cutting, digging, and prying.";
    static final String TIP = "- Tip - The pointed end of the knife blade.";
    static final String ABSENT = "- Crank - A handle that turns a shaft.";

    private ReplayServer server;

    @BeforeEach
    void startServer() {
        server = ReplayServer.start(CogVlmGrounderTest::recordedAnswer);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Answers of the reference server, chosen by the part in the prompt. */
    private static Reply recordedAnswer(ReplayServer.Request request) {
        String prompt = request.prompt();
        String content = prompt.contains("\"blade - ") ? "[[102,251,498,744]]"
                : prompt.contains("\"tip - ") ? "The tip of the knife [[700,100,800,200]]"
                : "There is no such part in the picture.";
        return Reply.json(ReplayServer.cogVlmCompletion(content));
    }

    static RgbImage image(int variant) {
        byte[] rgb = new byte[3 * 490 * 490];
        for (int row = 0; row < 490; row++) {
            for (int col = 0; col < 490; col++) {
                boolean inside = row > 100 + 20 * variant && row < 300 && col > 150 && col < 350;
                int i = 3 * (row * 490 + col);
                rgb[i] = (byte) (inside ? 200 : 0);
                rgb[i + 1] = (byte) (inside ? 180 : 0);
                rgb[i + 2] = (byte) (inside ? 40 * variant : 0);
            }
        }
        return new RgbImage(ImageSize.square(490), rgb);
    }

    static GroundingQuery query(RgbImage image, String line, int sample) {
        String name = line.substring(2, line.indexOf(" - ")).toLowerCase(java.util.Locale.ROOT);
        return new GroundingQuery(image, ObjectCategory.of("knife"), new PartDescription(PartName.of(name), line), sample);
    }

    @Override
    protected PluginFactory<CogVlmGrounder.Config, Grounder> factory() {
        return new CogVlmGrounder.Factory();
    }

    @Override
    protected CogVlmGrounder.Config nonDefaultSettings() {
        return new CogVlmGrounder.Config(HttpSettings.defaults("http://10.1.2.3:8001", "COGVLM_KEY"), "cogvlm-grounding",
                "Where is {expr}?", 1024, 0.8, 0.8);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("model", "", "prompt_template", "find the thing", "max_tokens", 0, "temperature", -0.1,
                "top_p", 1.5, "http", Map.of("max_retries", -1));
    }

    private HttpSettings http(long requestTimeoutMs, int retries) {
        return HttpSettings.defaults(server.baseUrl(), "").withTiming(1_000, requestTimeoutMs, retries, 1, 5);
    }

    @Override
    protected CogVlmGrounder.Config workingSettings() {
        return CogVlmGrounder.Config.defaults().withHttp(http(2_000, 2));
    }

    @Override
    protected GroundingQuery answerableQuery() {
        return query(image(0), BLADE, 0);
    }

    @Override
    protected GroundingQuery emptyQuery() {
        return query(image(0), ABSENT, 0);
    }

    private static RequestCounts counts(Grounder g) {
        return ((CountsRequests) g).requestCounts();
    }

    @Test
    void sendsTheReferenceRequest() throws Exception {
        try (Grounder g = create()) {
            Grounding answer = g.ground(query(image(0), BLADE, 0));
            assertThat(answer.boxes()).containsExactly(new Box(50, 123, 244, 365));
            assertThat(answer.raw()).isEqualTo("[[102,251,498,744]]");
        }
        ReplayServer.Request request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = request.json();
        assertThat(body.get("model").asText()).isEqualTo("cogvlm-chat-17b");
        assertThat(body.get("stream").isBoolean()).isTrue();
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(2048);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.9);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.95);
        assertThat(body.get("messages")).hasSize(1);
        JsonNode message = body.get("messages").get(0);
        assertThat(message.get("role").asText()).isEqualTo("user");
        JsonNode content = message.get("content");
        assertThat(content).hasSize(2);
        assertThat(content.get(0).get("type").asText()).isEqualTo("text");
        assertThat(content.get(0).get("text").asText()).isEqualTo("What are the exact bounding boxes of \"blade - the flat, "
                + "sharp part of the knife used for cutting, digging, and prying\" in the provided picture?");
        assertThat(content.get(1).get("type").asText()).isEqualTo("image_url");
        BufferedImage sent = SentImageTest.decode(content.get(1).get("image_url").get("url").asText());
        assertThat(sent.getWidth()).isEqualTo(490);
        assertThat(sent.getHeight()).isEqualTo(490);
    }

    @Test
    void padsANonSquareImageAndMapsTheBoxBack() throws Exception {
        server.enqueue(Reply.json(ReplayServer.cogVlmCompletion("[[250,250,750,750]]")));
        try (Grounder g = create()) {
            GroundingQuery q = query(RgbImage.filled(new ImageSize(200, 100), 0x808080), BLADE, 0);
            assertThat(g.ground(q).boxes()).containsExactly(new Box(50, 0, 150, 100));
        }
        BufferedImage sent = SentImageTest.decode(server.requests().get(0).json().at("/messages/0/content/1/image_url/url").asText());
        assertThat(sent.getWidth()).isEqualTo(200);
        assertThat(sent.getHeight()).isEqualTo(200);
    }

    @Test
    void asksEachSampleOnceAndAnswersItFromTheCacheAfterwards() {
        server.enqueue(Reply.json(ReplayServer.cogVlmCompletion("[[0,0,100,100]]")),
                Reply.json(ReplayServer.cogVlmCompletion("[[0,0,200,200]]")),
                Reply.json(ReplayServer.cogVlmCompletion("[[0,0,300,300]]")),
                Reply.json(ReplayServer.cogVlmCompletion("[[0,0,400,400]]")));
        List<List<Box>> first = new ArrayList<>();
        try (Grounder g = create()) {
            for (int sample = 0; sample < 4; sample++) {
                first.add(g.ground(query(image(1), BLADE, sample)).boxes());
            }
            assertThat(first).containsExactly(List.of(new Box(0, 0, 49, 49)), List.of(new Box(0, 0, 98, 98)),
                    List.of(new Box(0, 0, 147, 147)), List.of(new Box(0, 0, 196, 196)));
            for (int sample = 3; sample >= 0; sample--) {
                assertThat(g.ground(query(image(1), BLADE, sample)).boxes()).isEqualTo(first.get(sample));
            }
            assertThat(counts(g)).isEqualTo(new RequestCounts(4, 4, 0, 0, 0));
        }
        assertThat(server.requests()).hasSize(4);
        assertThat(server.requests().stream().map(ReplayServer.Request::body).distinct()).as("same request, 4 samples").hasSize(1);
    }

    @Test
    void turnsMalformedAnswersIntoMalformedOutcomes() {
        server.enqueue(
                Reply.json("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
                Reply.json("{\"model\":\"cogvlm-chat-17b\",\"object\":\"chat.completion\",\"choices\":[]}"),
                Reply.json(ReplayServer.cogVlmCompletion("the blade [[102,251,498]]")),
                Reply.json(ReplayServer.cogVlmCompletion("the blade [[102,abc,498,744]]")),
                Reply.json(ReplayServer.cogVlmCompletion("the blade [[102,251,1498,1744]]")));
        try (Grounder g = create()) {
            List<Grounding> answers = new ArrayList<>();
            for (int sample = 0; sample < 5; sample++) {
                answers.add(g.ground(query(image(2), BLADE, sample)));
            }
            assertThat(answers).allSatisfy(a -> {
                assertThat(a.outcome()).isEqualTo(Outcome.MALFORMED);
                assertThat(a.boxes()).isEmpty();
            });
            assertThat(answers.get(0).raw()).contains("502 Bad Gateway");
            assertThat(answers.get(1).raw()).contains("\"choices\":[]");
            assertThat(answers.get(2).raw()).isEqualTo("the blade [[102,251,498]]");
            assertThat(counts(g)).isEqualTo(new RequestCounts(5, 0, 0, 0, 5));
            assertThat(g.ground(query(image(2), BLADE, 0)).outcome()).as("from the cache").isEqualTo(Outcome.MALFORMED);
            assertThat(counts(g).malformed()).isEqualTo(6);
        }
    }

    @Test
    void retriesServerErrorsAndRateLimits() {
        server.enqueue(Reply.status(500, "{\"detail\":\"CUDA out of memory\"}"), Reply.status(503, "Service Unavailable"),
                Reply.status(429, "{\"detail\":\"busy\"}").withHeader("Retry-After", "0"));
        try (Grounder g = new CogVlmGrounder(workingSettings().withHttp(http(2_000, 3)), context())) {
            assertThat(g.ground(answerableQuery()).outcome()).isEqualTo(Outcome.BOXES);
            assertThat(counts(g)).isEqualTo(new RequestCounts(4, 0, 3, 0, 0));
        }
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void failsWithoutRetryOnABadRequest() {
        server.enqueue(Reply.status(400, "{\"detail\":\"Invalid image_url: only data:image/jpeg;base64 is supported\"}"));
        try (Grounder g = create()) {
            assertThatThrownBy(() -> g.ground(answerableQuery())).isInstanceOf(GrounderUnavailableException.class)
                    .hasMessageContaining("cogvlm").hasMessageContaining(server.baseUrl() + "/v1/chat/completions")
                    .hasMessageContaining("HTTP 400").hasMessageContaining("Invalid image_url");
            assertThat(counts(g).failures()).isEqualTo(1);
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void reportsAHangingServerAsUnavailableAfterTheTimeout() {
        server.respondWith(r -> Reply.hang());
        try (Grounder g = new CogVlmGrounder(workingSettings().withHttp(http(200, 1)), context())) {
            assertThatThrownBy(() -> g.ground(answerableQuery())).isInstanceOf(GrounderUnavailableException.class)
                    .hasMessageContaining("timed out after 200 ms").hasMessageContaining("2 attempts");
            assertThat(counts(g)).isEqualTo(new RequestCounts(2, 0, 1, 1, 0));
        }
    }

    @Test
    void resumesAnInterruptedRunFromTheCacheWithoutRepeatingARequest() throws Exception {
        List<GroundingQuery> queries = new ArrayList<>();
        for (int img = 0; img < 3; img++) {
            for (String part : List.of(BLADE, TIP)) {
                for (int sample = 0; sample < 2; sample++) {
                    queries.add(query(image(img), part, sample));
                }
            }
        }
        try (Grounder first = create()) {
            for (GroundingQuery q : queries.subList(0, 5)) {
                assertThat(first.ground(q).outcome()).isEqualTo(Outcome.BOXES);
            }
        }
        assertThat(server.requests()).hasSize(5);
        // what a run killed while writing leaves behind: a stray temporary file
        Path cacheDir = tempDir.resolve("cache").resolve("cogvlm");
        Files.writeString(cacheDir.resolve(".0123.json4711.tmp"), "{\"format\": 1, \"key\": {\"prov");

        List<Grounding> answers = new ArrayList<>();
        try (Grounder second = create()) {
            for (GroundingQuery q : queries) {
                answers.add(second.ground(q));
            }
            assertThat(counts(second)).as("only the 7 missing answers are asked").isEqualTo(new RequestCounts(7, 5, 0, 0, 0));
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.BOXES));
        assertThat(answers.get(2).boxes()).containsExactly(new Box(343, 49, 392, 98));
        List<ReplayServer.Request> seen = server.requests();
        assertThat(seen).hasSize(queries.size());
        Map<String, Long> perBody = seen.stream().collect(Collectors.groupingBy(ReplayServer.Request::body, Collectors.counting()));
        assertThat(perBody).as("6 distinct (image, part) requests, each asked once per sample index").hasSize(6)
                .allSatisfy((body, n) -> assertThat(n).isEqualTo(2L));

        try (Grounder third = create()) {
            for (GroundingQuery q : queries) {
                third.ground(q);
            }
            assertThat(counts(third)).as("a re-run costs no request").isEqualTo(new RequestCounts(0, 12, 0, 0, 0));
        }
        assertThat(server.requests()).hasSize(queries.size());
    }

    @Test
    void reAsksNothingWhenTheServerMoves() {
        try (Grounder g = create()) {
            g.ground(answerableQuery());
        }
        try (ReplayServer other = ReplayServer.start(r -> Reply.status(500, ""))) {
            try (Grounder g = new CogVlmGrounder(workingSettings().withHttp(
                    HttpSettings.defaults(other.baseUrl(), "").withTiming(500, 500, 0, 1, 1)), context())) {
                assertThat(g.ground(answerableQuery()).outcome()).isEqualTo(Outcome.BOXES);
            }
            assertThat(other.requests()).as("the cache key has no server address").isEmpty();
        }
    }
}
