package ai.dfc.labeling.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends chat-completion requests to one OpenAI-compatible endpoint ({@code POST {base_url}/v1/chat/completions})
 * over {@code java.net.http}, with bounded concurrency and retries. No caching: see {@link CachedChat}.
 *
 * <p><b>Retries.</b> Timeouts (connect or request), connection failures (any {@link IOException} of the
 * transport), HTTP 429 and HTTP 5xx are retried up to {@code max_retries} times, waiting as {@link Backoff} says
 * (exponential with jitter, or the server's {@code Retry-After}). Any other status outside 2xx (400, 401, 404, a
 * redirect, …) fails at once: retrying an invalid request only costs money. A 2xx reply is returned whatever its
 * body; deciding whether it is a usable answer is the caller's job ({@link ChatReply}).
 *
 * <p><b>Concurrency.</b> At most {@code max_concurrency} requests are in flight from one instance; further callers
 * block until a slot frees. A slot is held only while a request is on the wire, not during backoff sleeps.
 *
 * <p><b>Authentication.</b> With an API key, every request carries {@code Authorization: Bearer <key>}. The key
 * never appears in messages, logs or {@link #toString()}.
 *
 * <p>Thread-safe. {@link #close()} makes further calls fail; requests already running finish.
 */
public final class ChatEndpoint implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChatEndpoint.class.getName());
    private static final int EXCERPT = 300;

    private final URI uri;
    private final HttpSettings settings;
    private final String apiKey;
    private final HttpClient client;
    private final Semaphore slots;
    private final Backoff backoff;
    private final RequestCounters counters;
    private volatile boolean closed;

    /**
     * @param settings the endpoint, timeouts, concurrency and retry settings
     * @param apiKey   the API key, or empty for none (see {@link ApiKeys})
     * @param counters where requests, retries and failures are counted
     */
    public ChatEndpoint(HttpSettings settings, Optional<String> apiKey, RequestCounters counters) {
        this.settings = settings;
        this.uri = settings.chatCompletionsUri();
        this.apiKey = apiKey.filter(k -> !k.isBlank()).orElse(null);
        this.counters = counters;
        this.slots = new Semaphore(settings.maxConcurrency(), true);
        this.backoff = new Backoff(Duration.ofMillis(settings.initialBackoffMs()), Duration.ofMillis(settings.maxBackoffMs()));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The URL requests go to. */
    public URI uri() {
        return uri;
    }

    /**
     * Posts one JSON request body and returns the first 2xx reply.
     *
     * @param jsonBody the request, e.g. {@code {"model": …, "messages": […]}}
     * @return the reply (its content may still be missing: see {@link ChatReply#problem()})
     * @throws EndpointException when the status is not retryable, or retries are exhausted, or the thread is
     *                           interrupted; the message names the endpoint and the last status or failure
     */
    public ChatReply post(String jsonBody) {
        if (closed) {
            throw new IllegalStateException("the client of " + uri + " is closed");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest request = builder.build();
        int attempts = 0;
        while (true) {
            attempts++;
            String failure;
            Throwable cause = null;
            int status = EndpointException.NO_STATUS;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = send(request);
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return ChatReply.parse(response.body());
                }
                String body = ChatReply.excerpt(response.body(), EXCERPT);
                if (status != 429 && status < 500) {
                    counters.failed();
                    throw new EndpointException(uri, status, attempts, "POST " + uri + " answered HTTP " + status
                            + " (not retried)" + hint(status) + (body.isEmpty() ? "" : ": " + body), null);
                }
                retryAfter = Backoff.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
                failure = "HTTP " + status + (body.isEmpty() ? "" : ": " + body);
            } catch (HttpConnectTimeoutException e) {
                failure = "connect timed out after " + settings.connectTimeoutMs() + " ms (connect_timeout_ms)";
                cause = e;
            } catch (HttpTimeoutException e) {
                failure = "timed out after " + settings.requestTimeoutMs() + " ms (request_timeout_ms)";
                cause = e;
            } catch (ConnectException e) {
                failure = "connection failed: " + describe(e);
                cause = e;
            } catch (IOException e) {
                failure = "transport error: " + e.getClass().getSimpleName() + " " + describe(e);
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counters.failed();
                throw new EndpointException(uri, EndpointException.NO_STATUS, attempts,
                        "interrupted while asking " + uri, e);
            }
            if (attempts > settings.maxRetries()) {
                counters.failed();
                throw new EndpointException(uri, status, attempts, "POST " + uri + " failed after " + attempts
                        + (attempts == 1 ? " attempt" : " attempts") + " (max_retries " + settings.maxRetries()
                        + "); last: " + failure, cause);
            }
            Duration wait = backoff.delay(attempts - 1, retryAfter, ThreadLocalRandom.current().nextDouble());
            LOG.log(System.Logger.Level.WARNING, "POST {0}: {1}; retry {2} of {3} in {4} ms", uri, failure,
                    String.valueOf(attempts), String.valueOf(settings.maxRetries()), String.valueOf(wait.toMillis()));
            counters.retried();
            sleep(wait, attempts);
        }
    }

    /**
     * One attempt. {@code HttpRequest.timeout} bounds only the wait for the response headers, so the whole exchange
     * (headers and body) is also bounded, by {@code connect_timeout_ms + request_timeout_ms}: a server that sends
     * headers and then stalls in the body cannot hold a caller forever.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        slots.acquire();
        CompletableFuture<HttpResponse<String>> exchange = null;
        try {
            counters.requestSent();
            exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return exchange.get(settings.connectTimeoutMs() + settings.requestTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("the response did not complete within connect_timeout_ms + request_timeout_ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? e.toString() : cause.toString(), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } finally {
            slots.release();
        }
    }

    /** The first message along the cause chain (the JDK client often wraps "Connection refused"). */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private void sleep(Duration wait, int attempts) {
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counters.failed();
            throw new EndpointException(uri, EndpointException.NO_STATUS, attempts,
                    "interrupted while waiting to retry " + uri, e);
        }
    }

    private String hint(int status) {
        return switch (status) {
            case 401, 403 -> apiKey != null
                    ? "; check the API key (" + (settings.apiKeyEnv().isEmpty() ? "http.api_key" : "$" + settings.apiKeyEnv()
                            + " or http.api_key") + ")"
                    : settings.apiKeyEnv().isEmpty()
                            ? "; no API key was sent: name the environment variable holding it in http.api_key_env"
                            : "; no API key was sent: the environment variable " + settings.apiKeyEnv()
                                    + " (http.api_key_env) is not set";
            case 404 -> "; check http.base_url (requests go to {base_url}/v1/chat/completions) and the model name";
            default -> status >= 300 && status < 400 ? "; redirects are not followed, set http.base_url to the final address" : "";
        };
    }

    /** Makes further {@link #post} calls fail with {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    /** The endpoint URL (no credentials). */
    @Override
    public String toString() {
        return "ChatEndpoint[" + uri + "]";
    }
}
