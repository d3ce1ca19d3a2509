package ai.dfc.labeling.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.runtime.run.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP layer against a real loopback server: retries, Retry-After, 4xx, timeouts, concurrency, cache. */
class CachedChatTest {
    private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path tempDir;
    private ReplayServer server;

    @BeforeEach
    void startServer() {
        server = ReplayServer.start(r -> ReplayServer.Reply.json(ReplayServer.openAiCompletion("echo " + r.prompt())));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpSettings settings(int retries) {
        return HttpSettings.defaults(server.baseUrl(), "TEST_KEY").withTiming(2_000, 2_000, retries, 1, 5);
    }

    private CachedChat chat(HttpSettings settings, Map<String, String> env) {
        return CachedChat.open("test-provider", settings, new RunContext(tempDir.resolve("run"), tempDir.resolve("cache"), 1, env));
    }

    private CachedChat chat(int retries) {
        return chat(settings(retries), Map.of());
    }

    private static AnswerKey key(String prompt, int sample) {
        return new AnswerKey("test-provider", "m", "{}", "", prompt, sample);
    }

    private static String body(String prompt) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }

    private static final CachedChat.Interpreter<String> TEXT = reply -> new CachedChat.Interpretation<>(
            reply.hasContent() ? reply.content() : "MALFORMED", null, !reply.hasContent());

    @Test
    void sendsTheBodyToTheChatEndpointAndCachesTheAnswer() {
        try (CachedChat chat = chat(settings(0), Map.of("TEST_KEY", "sk-test-42"))) {
            assertThat(chat.ask(key("hi", 0), BODY, TEXT)).isEqualTo("echo hi");
            assertThat(chat.ask(key("hi", 0), BODY, TEXT)).isEqualTo("echo hi");
            assertThat(chat.requestCounts()).isEqualTo(new RequestCounts(1, 1, 0, 0, 0));
        }
        ReplayServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.body()).isEqualTo(BODY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test-42");
        assertThat(tempDir.resolve("cache/test-provider")).isDirectory();
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() {
        try (CachedChat chat = chat(0)) {
            chat.ask(key("hi", 0), BODY, TEXT);
        }
        assertThat(server.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void retries5xxThenSucceeds() {
        server.enqueue(ReplayServer.Reply.status(500, "{\"error\":\"CUDA out of memory\"}"),
                ReplayServer.Reply.status(503, "<html>busy</html>"));
        try (CachedChat chat = chat(3)) {
            assertThat(chat.ask(key("hi", 0), BODY, TEXT)).isEqualTo("echo hi");
            assertThat(chat.requestCounts()).isEqualTo(new RequestCounts(3, 0, 2, 0, 0));
        }
        assertThat(server.requests()).hasSize(3).allSatisfy(r -> assertThat(r.body()).isEqualTo(BODY));
    }

    @Test
    void honoursRetryAfterOn429() {
        server.enqueue(ReplayServer.Reply.status(429, "{\"error\":\"rate limited\"}").withHeader("Retry-After", "1"));
        try (CachedChat chat = chat(2)) {
            long start = System.nanoTime();
            assertThat(chat.ask(key("hi", 0), BODY, TEXT)).isEqualTo("echo hi");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMs).as("waited the server's Retry-After of 1 s, not the 1 ms backoff").isGreaterThanOrEqualTo(950);
            assertThat(chat.requestCounts().retries()).isEqualTo(1);
            assertThat(chat.requestCounts().requests()).isEqualTo(2);
        }
    }

    @Test
    void failsAtOnceOnOther4xxNamingEndpointAndStatus() {
        server.enqueue(ReplayServer.Reply.status(400, "{\"error\":{\"message\":\"image_url must be a data URL\"}}"));
        try (CachedChat chat = chat(5)) {
            assertThatThrownBy(() -> chat.ask(key("hi", 0), BODY, TEXT))
                    .isInstanceOfSatisfying(EndpointException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.getMessage()).contains(server.baseUrl() + "/v1/chat/completions")
                                .contains("HTTP 400").contains("not retried").contains("image_url must be a data URL");
                    });
            assertThat(chat.requestCounts()).isEqualTo(new RequestCounts(1, 0, 0, 1, 0));
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void explainsAMissingApiKeyOn401() {
        server.enqueue(ReplayServer.Reply.status(401, "{\"error\":\"no key\"}"));
        try (CachedChat chat = chat(3)) {
            assertThatThrownBy(() -> chat.ask(key("hi", 0), BODY, TEXT)).hasMessageContaining("HTTP 401")
                    .hasMessageContaining("TEST_KEY");
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastFailure() {
        server.respondWith(r -> ReplayServer.Reply.status(502, "<html><body>Bad Gateway</body></html>"));
        try (CachedChat chat = chat(2)) {
            assertThatThrownBy(() -> chat.ask(key("hi", 0), BODY, TEXT)).isInstanceOfSatisfying(EndpointException.class, e -> {
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.status()).isEqualTo(502);
                assertThat(e.getMessage()).contains("failed after 3 attempts").contains("HTTP 502").contains("Bad Gateway")
                        .contains(server.baseUrl());
            });
            assertThat(chat.requestCounts()).isEqualTo(new RequestCounts(3, 0, 2, 1, 0));
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void retriesAHangingReplyAfterTheTimeout() {
        server.enqueue(ReplayServer.Reply.hang());
        HttpSettings s = HttpSettings.defaults(server.baseUrl(), "").withTiming(1_000, 250, 2, 1, 5);
        try (CachedChat chat = chat(s, Map.of())) {
            assertThat(chat.ask(key("hi", 0), BODY, TEXT)).isEqualTo("echo hi");
            assertThat(chat.requestCounts()).isEqualTo(new RequestCounts(2, 0, 1, 0, 0));
        }
    }

    @Test
    void retriesAReplyWhoseBodyStalls() {
        server.enqueue(ReplayServer.Reply.stalled(ReplayServer.openAiCompletion("never complete")));
        HttpSettings s = HttpSettings.defaults(server.baseUrl(), "").withTiming(100, 200, 1, 1, 5);
        try (CachedChat chat = chat(s, Map.of())) {
            long start = System.nanoTime();
            assertThat(chat.ask(key("hi", 0), BODY, TEXT)).isEqualTo("echo hi");
            assertThat((System.nanoTime() - start) / 1_000_000).as("bounded by connect + request timeout").isLessThan(3_000);
            assertThat(chat.requestCounts()).isEqualTo(new RequestCounts(2, 0, 1, 0, 0));
        }
    }

    @Test
    void reportsATimeoutWhenEveryReplyHangs() {
        server.respondWith(r -> ReplayServer.Reply.hang());
        HttpSettings s = HttpSettings.defaults(server.baseUrl(), "").withTiming(1_000, 200, 1, 1, 5);
        try (CachedChat chat = chat(s, Map.of())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> chat.ask(key("hi", 0), BODY, TEXT)).isInstanceOfSatisfying(EndpointException.class,
                    e -> assertThat(e.getMessage()).contains("timed out after 200 ms (request_timeout_ms)")
                            .contains("failed after 2 attempts"));
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(390L, 5_000L);
        }
        assertThat(server.requests()).hasSize(2);
        assertThat(tempDir.resolve("cache/test-provider")).as("failures are not cached").doesNotExist();
    }

    @Test
    void retriesConnectionFailures() {
        String deadUrl = server.baseUrl();
        server.close();
        HttpSettings s = HttpSettings.defaults(deadUrl, "").withTiming(500, 500, 2, 1, 5);
        try (CachedChat chat = chat(s, Map.of())) {
            assertThatThrownBy(() -> chat.ask(key("hi", 0), BODY, TEXT)).isInstanceOfSatisfying(EndpointException.class,
                    e -> assertThat(e.getMessage()).contains(deadUrl).contains("failed after 3 attempts")
                            .containsAnyOf("connection failed", "transport error"));
            assertThat(chat.requestCounts().retries()).isEqualTo(2);
        }
    }

    @Test
    void cachesMalformedAnswersAndCountsThemEachTime() {
        server.enqueue(ReplayServer.Reply.json("<!DOCTYPE html><html><body>Gateway</body></html>"),
                ReplayServer.Reply.json("{\"choices\": []}"));
        try (CachedChat chat = chat(0)) {
            assertThat(chat.ask(key("a", 0), body("a"), TEXT)).isEqualTo("MALFORMED");
            assertThat(chat.ask(key("b", 0), body("b"), TEXT)).isEqualTo("MALFORMED");
            assertThat(chat.ask(key("a", 0), body("a"), TEXT)).isEqualTo("MALFORMED");
            assertThat(chat.requestCounts()).isEqualTo(new RequestCounts(2, 1, 0, 0, 3));
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void boundsConcurrencyAndSendsIdenticalQuestionsOnce() throws Exception {
        server.respondWith(r -> ReplayServer.Reply.json(ReplayServer.openAiCompletion("echo " + r.prompt())).after(60));
        HttpSettings s = new HttpSettings(server.baseUrl(), "", "", 2_000, 5_000, 2, 0, 1, 5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (CachedChat chat = chat(s, Map.of())) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String p = "q" + i;
                answers.add(pool.submit(() -> chat.ask(key(p, 0), body(p), TEXT)));
            }
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> chat.ask(key("same", 0), body("same"), TEXT)));
            }
            for (int i = 0; i < 8; i++) {
                assertThat(answers.get(i).get()).isEqualTo("echo q" + i);
                assertThat(answers.get(8 + i).get()).isEqualTo("echo same");
            }
            assertThat(chat.requestCounts().requests()).isEqualTo(9);
            assertThat(chat.requestCounts().cacheHits()).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.maxConcurrent()).as("max_concurrency 2").isLessThanOrEqualTo(2).isGreaterThanOrEqualTo(1);
        assertThat(server.requests().stream().filter(r -> r.prompt().equals("same"))).hasSize(1);
    }

    @Test
    void rejectsQuestionsAfterCloseAndKeysOfAnotherProvider() {
        CachedChat chat = chat(0);
        assertThatThrownBy(() -> chat.ask(new AnswerKey("other", "m", "{}", "", "p", 0), BODY, TEXT))
                .isInstanceOf(IllegalArgumentException.class);
        chat.close();
        chat.close();
        assertThatThrownBy(() -> chat.ask(key("hi", 0), BODY, TEXT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void keepsTheApiKeyOutOfTheCache() throws Exception {
        try (CachedChat chat = chat(settings(0), Map.of("TEST_KEY", "sk-never-stored"))) {
            chat.ask(key("hi", 0), BODY, TEXT);
        }
        try (Stream<Path> files = Files.walk(tempDir.resolve("cache"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).doesNotContain("sk-never-stored");
            }
        }
    }
}
