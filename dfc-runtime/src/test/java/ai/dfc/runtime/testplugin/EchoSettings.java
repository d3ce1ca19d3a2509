package ai.dfc.runtime.testplugin;

import ai.dfc.api.plugin.Secret;
import ai.dfc.api.plugin.Settings;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Settings of the test-only text encoder: one component of each kind the binder must handle. */
public record EchoSettings(
        @JsonPropertyDescription("embedding size") int dimension,
        @JsonPropertyDescription("sampling temperature") double temperature,
        @JsonPropertyDescription("server URL") String endpoint,
        @JsonPropertyDescription("layers to use") List<Integer> layers,
        @JsonPropertyDescription("API key") @Secret String apiKey,
        @JsonPropertyDescription("speed") Mode mode,
        @JsonPropertyDescription("retry policy") Retry retry) {

    public enum Mode { FAST, EXACT }

    public record Retry(
            @JsonPropertyDescription("attempts per request") int attempts,
            @JsonPropertyDescription("first backoff in seconds") double backoff) {
        public Retry {
            Settings.positive("attempts", attempts);
            Settings.nonNegative("backoff", backoff);
        }
    }

    public static final EchoSettings DEFAULTS = new EchoSettings(16, 0.9, "http://localhost:8000", List.of(9, 10, 11),
            "", Mode.EXACT, new Retry(3, 0.5));

    public EchoSettings {
        Settings.positive("dimension", dimension);
        Settings.inRange("temperature", temperature, 0.0, 2.0);
        Settings.present("layers", layers);
        layers = List.copyOf(layers);
        Settings.present("retry", retry);
    }
}
