package ai.dfc.labeling.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void doublesPerRetryWithEqualJitterAndCaps() {
        assertThat(backoff.delay(0, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.delay(0, Optional.empty(), 0.999999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(backoff.delay(1, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(300));
        assertThat(backoff.delay(3, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(4, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(500)); // capped at 1000
        assertThat(backoff.delay(70, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(500)); // no overflow
        assertThat(new Backoff(Duration.ZERO, Duration.ZERO).delay(3, Optional.empty(), 0.7)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterOverridesTheBackoffUpToTheCap() {
        assertThat(backoff.delay(0, Optional.of(Duration.ofSeconds(3)), 0.3)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(5, Optional.of(Duration.ZERO), 0.3)).isEqualTo(Duration.ZERO);
        assertThat(backoff.delay(0, Optional.of(Duration.ofHours(5)), 0.3)).isEqualTo(Backoff.RETRY_AFTER_CAP);
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2024-05-01T12:00:00Z");
        assertThat(Backoff.parseRetryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(Backoff.parseRetryAfter(" 0.5 ", now)).contains(Duration.ofMillis(500));
        assertThat(Backoff.parseRetryAfter("Wed, 01 May 2024 12:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(Backoff.parseRetryAfter("Wed, 01 May 2024 11:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(Backoff.parseRetryAfter("-3", now)).isEmpty();
        assertThat(Backoff.parseRetryAfter("soon", now)).isEmpty();
        assertThat(Backoff.parseRetryAfter("1d", now)).isEmpty();
        assertThat(Backoff.parseRetryAfter(null, now)).isEmpty();
    }
}
