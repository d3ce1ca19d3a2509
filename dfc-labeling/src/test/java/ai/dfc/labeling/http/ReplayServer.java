package ai.dfc.labeling.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on loopback (JDK {@link HttpServer}, port 0) that replays recorded answers of the
 * chat-completions protocols: scripted replies first (FIFO), then a responder computing the reply from the
 * request. Records every request it receives and the largest number handled at once.
 */
public final class ReplayServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One reply.
     *
     * @param status  HTTP status
     * @param body    body text
     * @param type    content type
     * @param headers extra headers
     * @param delayMs wait before answering
     * @param hanging never answer (until the server closes)
     * @param stalled send the headers and half the body, then stall (until the server closes)
     */
    public record Reply(int status, String body, String type, Map<String, String> headers, long delayMs, boolean hanging,
            boolean stalled) {
        /** 200 with a JSON body. */
        public static Reply json(String body) {
            return new Reply(200, body, "application/json", Map.of(), 0, false, false);
        }

        /** A status with a body. */
        public static Reply status(int status, String body) {
            return new Reply(status, body, body.startsWith("<") ? "text/html" : "application/json", Map.of(), 0, false, false);
        }

        /** A reply that never comes. */
        public static Reply hang() {
            return new Reply(200, "", "application/json", Map.of(), 0, true, false);
        }

        /** 200 with headers and the first half of {@code body}, then nothing. */
        public static Reply stalled(String body) {
            return new Reply(200, body, "application/json", Map.of(), 0, false, true);
        }

        /** The same reply with one more header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, type, h, delayMs, hanging, stalled);
        }

        /** The same reply after a delay. */
        public Reply after(long ms) {
            return new Reply(status, body, type, headers, ms, hanging, stalled);
        }
    }

    /**
     * One received request.
     *
     * @param method  HTTP method
     * @param path    request path
     * @param headers headers (lower-case names, first value)
     * @param body    body text
     */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A header by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** The concatenated text parts of the last message (the prompt). */
        public String prompt() {
            JsonNode messages = json().get("messages");
            JsonNode content = messages.get(messages.size() - 1).get("content");
            if (content.isTextual()) {
                return content.asText();
            }
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText())) {
                    sb.append(part.get("text").asText());
                }
            }
            return sb.toString();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<Request, Reply> responder;

    private ReplayServer(Function<Request, Reply> responder) throws IOException {
        this.responder = responder;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "replay-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server answering with {@code responder} once the script is used up. */
    public static ReplayServer start(Function<Request, Reply> responder) {
        try {
            return new ReplayServer(responder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the responder. */
    public void respondWith(Function<Request, Reply> next) {
        this.responder = next;
    }

    /** Queues replies served before the responder is asked, in order. */
    public synchronized void enqueue(Reply... replies) {
        script.addAll(List.of(replies));
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The requests received so far, in arrival order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The largest number of requests being handled at once. */
    public int maxConcurrent() {
        return maxConcurrent.get();
    }

    /** A chat completion as the reference CogVLM server writes it (SPEC §3.3). */
    public static String cogVlmCompletion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "cogvlm-chat-17b").put("object", "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).putObject("message").put("role", "assistant").put("content", content);
        root.put("created", 1700000000);
        root.putObject("usage").put("prompt_tokens", 0).put("total_tokens", 0).put("completion_tokens", 0);
        return root.toString();
    }

    /** A chat completion as OpenAI and vLLM write it. */
    public static String openAiCompletion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-9x").put("object", "chat.completion").put("created", 1714000000).put("model", "m");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", 512).put("completion_tokens", 40).put("total_tokens", 552);
        return root.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = current.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
            Reply reply;
            synchronized (this) {
                requests.add(request);
                reply = script.pollFirst();
            }
            if (reply == null) {
                reply = responder.apply(request);
            }
            if (reply.hanging()) {
                closing.await(30, TimeUnit.SECONDS);
                return;
            }
            if (reply.delayMs() > 0) {
                Thread.sleep(reply.delayMs());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.type());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (reply.stalled()) {
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    closing.await(30, TimeUnit.SECONDS);
                    return;
                }
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        } finally {
            current.decrementAndGet();
            exchange.close();
        }
    }

    /** Releases hanging replies and stops the server. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
