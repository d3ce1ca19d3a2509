package ai.dfc.labeling.http;

import ai.dfc.api.plugin.PluginContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The client the remote plugins use: every question goes to the {@link AnswerCache} first and to the
 * {@link ChatEndpoint} only when no answer is stored; every answer that arrives is stored before it is returned.
 * So an interrupted run resumes without asking again, and a re-run sends no request at all.
 *
 * <p>The plugin supplies an {@link Interpreter} that turns a reply into its value (boxes, parts) and says whether
 * it was malformed. Cached replies are interpreted again on every read, with the current parser and settings, so a
 * parser fix or a changed coordinate convention applies to old answers without paying for them twice; the stored
 * parsed result is a record for people and tools.
 *
 * <p><b>Concurrency.</b> Thread-safe. Identical questions asked at the same time by several threads are sent
 * once; the others wait for that answer (counted as cache hits). Distinct questions run in parallel up to
 * {@code max_concurrency}.
 *
 * <p><b>Failures.</b> Endpoint failures surface as {@link EndpointException} (counted in {@code failures}) and are
 * not cached; malformed 2xx answers are answers: counted, logged, cached and handed to the interpreter.
 * A cache file that cannot be written is logged and the answer still returned.
 */
public final class CachedChat implements AutoCloseable, CountsRequests {
    private static final System.Logger LOG = System.getLogger(CachedChat.class.getName());

    /**
     * Turns a reply into a plugin's value.
     *
     * @param <T> the value type
     */
    @FunctionalInterface
    public interface Interpreter<T> {
        /**
         * Interprets a reply; must not throw for malformed text (return a malformed interpretation instead).
         *
         * @param reply the reply, fresh or from the cache
         * @return the value, its JSON form for the cache, and whether the reply was malformed
         */
        Interpretation<T> interpret(ChatReply reply);
    }

    /**
     * A reply as a plugin understood it.
     *
     * @param value     the plugin's value
     * @param parsed    the value as JSON, stored in the cache file
     * @param malformed whether the reply was unusable
     * @param <T>       the value type
     */
    public record Interpretation<T>(T value, JsonNode parsed, boolean malformed) {
    }

    private final String provider;
    private final ChatEndpoint endpoint;
    private final AnswerCache cache;
    private final RequestCounters counters;
    private final Map<String, CompletableFuture<ChatReply>> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param provider the plugin name (first field of every {@link AnswerKey}, and the cache sub-directory)
     * @param endpoint the transport
     * @param cache    the answer cache
     * @param counters the counters shared with {@code endpoint}
     */
    public CachedChat(String provider, ChatEndpoint endpoint, AnswerCache cache, RequestCounters counters) {
        this.provider = provider;
        this.endpoint = endpoint;
        this.cache = cache;
        this.counters = counters;
    }

    /**
     * A client for plugin {@code pluginName}: endpoint and API key from {@code settings} and the context's
     * environment, cache in {@code <context.cacheDirectory()>/<pluginName>/}.
     *
     * @param pluginName the plugin's permanent name
     * @param settings   its HTTP settings
     * @param context    the run context
     * @return the client; the caller closes it
     */
    public static CachedChat open(String pluginName, HttpSettings settings, PluginContext context) {
        RequestCounters counters = new RequestCounters();
        ChatEndpoint endpoint = new ChatEndpoint(settings, ApiKeys.resolve(settings, context), counters);
        return new CachedChat(pluginName, endpoint, new AnswerCache(context.cacheDirectory().resolve(pluginName)), counters);
    }

    /** The plugin name this client keys its answers under. */
    public String provider() {
        return provider;
    }

    /** The URL requests go to. */
    public URI uri() {
        return endpoint.uri();
    }

    /** The answer cache. */
    public AnswerCache cache() {
        return cache;
    }

    /**
     * Answers one question, from the cache when possible.
     *
     * @param key         the question's identity; its provider must be this client's
     * @param jsonBody    the request body to send when the answer is not cached
     * @param interpreter turns the reply into the plugin's value
     * @param <T>         the value type
     * @return the interpreted value
     * @throws EndpointException when the endpoint fails (see {@link ChatEndpoint#post})
     */
    public <T> T ask(AnswerKey key, String jsonBody, Interpreter<T> interpreter) {
        if (closed) {
            throw new IllegalStateException("the " + provider + " client of " + endpoint.uri() + " is closed");
        }
        if (!provider.equals(key.provider())) {
            throw new IllegalArgumentException("key of provider '" + key.provider() + "' asked of the " + provider + " client");
        }
        Optional<AnswerCache.Entry> stored = cache.read(key);
        if (stored.isPresent()) {
            counters.cacheHit();
            return deliver(interpreter.interpret(stored.get().reply()), stored.get().reply(), key, false);
        }
        String digest = key.digest();
        CompletableFuture<ChatReply> mine = new CompletableFuture<>();
        CompletableFuture<ChatReply> running = inFlight.putIfAbsent(digest, mine);
        if (running != null) {
            ChatReply shared = await(running);
            counters.cacheHit();
            return deliver(interpreter.interpret(shared), shared, key, false);
        }
        try {
            Optional<AnswerCache.Entry> justStored = cache.read(key); // written by a thread that finished meanwhile
            if (justStored.isPresent()) {
                mine.complete(justStored.get().reply());
                counters.cacheHit();
                return deliver(interpreter.interpret(justStored.get().reply()), justStored.get().reply(), key, false);
            }
            ChatReply reply = endpoint.post(jsonBody);
            Interpretation<T> interpretation = interpreter.interpret(reply);
            store(key, reply, interpretation);
            mine.complete(reply);
            return deliver(interpretation, reply, key, true);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(digest, mine);
        }
    }

    private <T> void store(AnswerKey key, ChatReply reply, Interpretation<T> interpretation) {
        try {
            cache.write(key, new AnswerCache.Entry(reply, interpretation.malformed(), interpretation.parsed(),
                    endpoint.uri().toString()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the answer cache file {0} ({1}); a re-run will ask again",
                    cache.fileOf(key), e.toString());
        }
    }

    private <T> T deliver(Interpretation<T> interpretation, ChatReply reply, AnswerKey key, boolean fresh) {
        if (interpretation.malformed()) {
            counters.malformedAnswer();
            // fresh ones are news; cached ones were reported when they arrived and would flood a re-run's log
            LOG.log(fresh ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                    "malformed {0} answer{1}, sample {2}: ''{3}'' (kept in {4}; delete the file to ask again)", provider,
                    fresh ? " from " + endpoint.uri() : " (cached)", String.valueOf(key.sampleIndex()),
                    reply.hasContent() ? ChatReply.excerpt(reply.content(), 120) : reply.problem(), cache.fileOf(key));
        }
        return interpretation.value();
    }

    private ChatReply await(CompletableFuture<ChatReply> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counters.failed();
            throw new EndpointException(endpoint.uri(), EndpointException.NO_STATUS, 0,
                    "interrupted while waiting for an identical request to " + endpoint.uri(), e);
        } catch (ExecutionException e) {
            counters.failed();
            Throwable cause = e.getCause();
            if (cause instanceof EndpointException ee) {
                throw new EndpointException(ee.endpoint(), ee.status(), ee.attempts(), ee.getMessage(), ee);
            }
            throw new IllegalStateException("an identical request to " + endpoint.uri() + " failed: " + cause, cause);
        }
    }

    /** {@inheritDoc} */
    @Override
    public RequestCounts requestCounts() {
        return counters.snapshot();
    }

    /** Closes the endpoint; further {@link #ask} calls fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        endpoint.close();
    }
}
