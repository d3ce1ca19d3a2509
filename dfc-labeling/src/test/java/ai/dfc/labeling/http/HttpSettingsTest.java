package ai.dfc.labeling.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.plugin.SettingException;
import ai.dfc.runtime.config.ConfigMappers;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
    private static HttpSettings withBase(String url) {
        return HttpSettings.defaults(url, "");
    }

    @Test
    void buildsTheChatCompletionsEndpointFromTheBaseUrl() {
        assertThat(withBase("http://10.0.0.5:8000").chatCompletionsUri()).hasToString("http://10.0.0.5:8000/v1/chat/completions");
        assertThat(withBase("https://api.openai.com/").chatCompletionsUri()).hasToString("https://api.openai.com/v1/chat/completions");
        assertThat(withBase("https://openrouter.ai/api/v1").chatCompletionsUri()).hasToString("https://openrouter.ai/api/v1/chat/completions");
        assertThat(withBase("https://openrouter.ai/api/v1/").chatCompletionsUri()).hasToString("https://openrouter.ai/api/v1/chat/completions");
    }

    @Test
    void rejectsUnusableValuesNamingTheKey() {
        assertThatThrownBy(() -> withBase("ftp://host")).isInstanceOfSatisfying(SettingException.class,
                e -> assertThat(e.key()).isEqualTo("base_url"));
        assertThatThrownBy(() -> withBase("http://")).isInstanceOfSatisfying(SettingException.class,
                e -> assertThat(e.key()).isEqualTo("base_url"));
        assertThatThrownBy(() -> withBase("http://user:hunter2@host")).isInstanceOfSatisfying(SettingException.class,
                e -> assertThat(e.getMessage()).contains("base_url").doesNotContain("hunter2"));
        assertThatThrownBy(() -> HttpSettings.defaults("http://h", "NOT-A-NAME")).isInstanceOfSatisfying(SettingException.class,
                e -> assertThat(e.key()).isEqualTo("api_key_env"));
        HttpSettings ok = withBase("http://h");
        assertThatThrownBy(() -> ok.withTiming(0, 1, 1, 1, 1)).hasMessageStartingWith("connect_timeout_ms");
        assertThatThrownBy(() -> ok.withTiming(1, -5, 1, 1, 1)).hasMessageStartingWith("request_timeout_ms");
        assertThatThrownBy(() -> ok.withTiming(1, 1, -1, 1, 1)).hasMessageStartingWith("max_retries");
        assertThatThrownBy(() -> ok.withTiming(1, 1, 1, -1, 1)).hasMessageStartingWith("initial_backoff_ms");
        assertThatThrownBy(() -> ok.withTiming(1, 1, 1, 10, 5)).hasMessageStartingWith("max_backoff_ms");
        assertThatThrownBy(() -> new HttpSettings("http://h", "", "", 1, 1, 0, 1, 1, 1)).hasMessageStartingWith("max_concurrency");
        assertThatThrownBy(() -> new HttpSettings("http://h", "", "a\nb", 1, 1, 1, 1, 1, 1)).hasMessageStartingWith("api_key");
    }

    @Test
    void neverShowsAnInlineKeyInDumpsOrToString() throws Exception {
        HttpSettings s = new HttpSettings("http://h", "MY_KEY", "sk-secret-123", 1, 1, 1, 1, 1, 1);
        assertThat(s.toString()).doesNotContain("sk-secret-123").contains("<redacted>").contains("MY_KEY");
        String dump = ConfigMappers.redacting().writeValueAsString(s);
        assertThat(dump).doesNotContain("sk-secret-123").contains("<redacted>");
        assertThat(ConfigMappers.yaml().writeValueAsString(s)).doesNotContain("sk-secret-123");
        assertThat(HttpSettings.defaults("http://h", "").toString()).contains("apiKey=,");
    }
}
