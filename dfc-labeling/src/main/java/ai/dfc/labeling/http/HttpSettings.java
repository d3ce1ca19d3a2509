package ai.dfc.labeling.http;

import ai.dfc.api.plugin.Secret;
import ai.dfc.api.plugin.SettingException;
import ai.dfc.api.plugin.Settings;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How a remote plugin reaches its OpenAI-compatible chat-completions endpoint: the nested {@code http} section
 * of the {@code cogvlm}, {@code openai-vlm} and {@code openai-chat} settings.
 *
 * <p>The endpoint is {@code {base_url}/v1/chat/completions}; a base URL that already ends in {@code /v1} gets
 * only {@code /chat/completions} appended (so both {@code https://api.openai.com} and
 * {@code https://openrouter.ai/api/v1} work).
 *
 * <p>API key: read from the environment variable named by {@code api_key_env} when that is set and the variable
 * is non-empty, otherwise {@code api_key} (inline, discouraged: it is redacted in every dump, so a saved
 * configuration cannot be re-run without supplying it again), otherwise none (no {@code Authorization} header; the
 * reference CogVLM server needs none). {@link #toString()} never shows the inline key.
 *
 * @param baseUrl          {@code http://} or {@code https://} address of the server, without the
 *                         {@code /v1/chat/completions} path
 * @param apiKeyEnv        name of the environment variable holding the API key, or empty for none
 * @param apiKey           the API key inline ({@link Secret}); empty for none
 * @param connectTimeoutMs TCP/TLS connect timeout in milliseconds
 * @param requestTimeoutMs time allowed for one whole request (until the response headers arrive), milliseconds
 * @param maxConcurrency   most requests in flight at once from one plugin instance (across all calling threads)
 * @param maxRetries       retries after the first attempt on timeouts, connection failures, 429 and 5xx
 * @param initialBackoffMs backoff before the first retry; doubles with each retry (with jitter)
 * @param maxBackoffMs     cap of the exponential backoff
 */
public record HttpSettings(
        @JsonPropertyDescription("server address (http or https), without /v1/chat/completions") String baseUrl,
        @JsonPropertyDescription("environment variable holding the API key; empty for none") String apiKeyEnv,
        @JsonPropertyDescription("API key given inline (redacted in every dump; prefer api_key_env); empty for none")
        @Secret String apiKey,
        @JsonPropertyDescription("connect timeout in milliseconds") long connectTimeoutMs,
        @JsonPropertyDescription("timeout of one request in milliseconds") long requestTimeoutMs,
        @JsonPropertyDescription("most requests in flight at once") int maxConcurrency,
        @JsonPropertyDescription("retries on timeouts, connection failures, 429 and 5xx (other 4xx are never retried)")
        int maxRetries,
        @JsonPropertyDescription("backoff before the first retry in milliseconds; doubles per retry, with jitter")
        long initialBackoffMs,
        @JsonPropertyDescription("cap of the exponential backoff in milliseconds") long maxBackoffMs) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Validates every component; errors name the snake_case key. */
    public HttpSettings {
        Settings.nonBlank("base_url", baseUrl);
        validateBaseUrl(baseUrl);
        Settings.present("api_key_env", apiKeyEnv);
        if (!apiKeyEnv.isEmpty() && !ENV_NAME.matcher(apiKeyEnv).matches()) {
            throw new SettingException("api_key_env", "must be an environment variable name (letters, digits, '_') or empty, was '"
                    + apiKeyEnv + "'");
        }
        Settings.present("api_key", apiKey);
        if (apiKey.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new SettingException("api_key", "must not contain control characters or line breaks");
        }
        Settings.positive("connect_timeout_ms", connectTimeoutMs);
        Settings.positive("request_timeout_ms", requestTimeoutMs);
        Settings.inRange("max_concurrency", maxConcurrency, 1, 1024);
        Settings.inRange("max_retries", maxRetries, 0, 100);
        if (initialBackoffMs < 0) {
            throw new SettingException("initial_backoff_ms", "must be >= 0, was " + initialBackoffMs);
        }
        if (maxBackoffMs < initialBackoffMs) {
            throw new SettingException("max_backoff_ms", "must be >= initial_backoff_ms (" + initialBackoffMs + "), was "
                    + maxBackoffMs);
        }
    }

    /**
     * Production defaults for a server at {@code baseUrl}: 10 s connect timeout, 120 s request timeout (a 17B VLM
     * can take tens of seconds under load), 4 concurrent requests, 5 retries, backoff 1 s doubling up to 60 s.
     *
     * @param baseUrl   the server address
     * @param apiKeyEnv the environment variable holding the key, or empty
     * @return the settings
     */
    public static HttpSettings defaults(String baseUrl, String apiKeyEnv) {
        return new HttpSettings(baseUrl, apiKeyEnv, "", 10_000, 120_000, 4, 5, 1_000, 60_000);
    }

    /**
     * The same settings with another base URL (tests point plugins at a loopback server with it).
     *
     * @param url the new base URL
     * @return a copy
     */
    public HttpSettings withBaseUrl(String url) {
        return new HttpSettings(url, apiKeyEnv, apiKey, connectTimeoutMs, requestTimeoutMs, maxConcurrency, maxRetries,
                initialBackoffMs, maxBackoffMs);
    }

    /**
     * The same settings with other timeouts, retries and backoff (tests use milliseconds).
     *
     * @param connectMs {@code connect_timeout_ms}
     * @param requestMs {@code request_timeout_ms}
     * @param retries   {@code max_retries}
     * @param initialMs {@code initial_backoff_ms}
     * @param maxMs     {@code max_backoff_ms}
     * @return a copy
     */
    public HttpSettings withTiming(long connectMs, long requestMs, int retries, long initialMs, long maxMs) {
        return new HttpSettings(baseUrl, apiKeyEnv, apiKey, connectMs, requestMs, maxConcurrency, retries, initialMs,
                maxMs);
    }

    /** The chat-completions endpoint: {@code {base_url}/v1/chat/completions} (see the class comment). */
    public URI chatCompletionsUri() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions");
    }

    /** The connect timeout. */
    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMs);
    }

    /** The timeout of one request. */
    public Duration requestTimeout() {
        return Duration.ofMillis(requestTimeoutMs);
    }

    private static void validateBaseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new SettingException("base_url", "is not a valid URL: '" + url + "' (" + e.getReason() + ")");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new SettingException("base_url", "must start with http:// or https://, was '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new SettingException("base_url", "must name a host, was '" + url + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new SettingException("base_url", "must not contain a query, a fragment or credentials, was '"
                    + redactUserInfo(uri) + "'");
        }
    }

    private static String redactUserInfo(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo(), Secret.REDACTED);
    }

    /** Shows every setting except the inline API key, which prints as {@value Secret#REDACTED} when set. */
    @Override
    public String toString() {
        return "HttpSettings[baseUrl=" + baseUrl + ", apiKeyEnv=" + apiKeyEnv + ", apiKey="
                + (apiKey.isEmpty() ? "" : Secret.REDACTED) + ", connectTimeoutMs=" + connectTimeoutMs
                + ", requestTimeoutMs=" + requestTimeoutMs + ", maxConcurrency=" + maxConcurrency + ", maxRetries="
                + maxRetries + ", initialBackoffMs=" + initialBackoffMs + ", maxBackoffMs=" + maxBackoffMs + "]";
    }
}
