package ai.dfc.labeling.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Delays between attempts: exponential backoff with "equal jitter", overridden by a server's
 * {@code Retry-After}.
 *
 * <p>Retry {@code k} (0-based) waits a uniformly random time in {@code [b/2, b]} with
 * {@code b = min(max, initial·2^k)}: the jitter spreads the retries of many concurrent callers hit by the same
 * outage, while the lower bound keeps the exponential growth. When the server sends {@code Retry-After} (seconds
 * or an HTTP date) that delay is used instead, capped at {@link #RETRY_AFTER_CAP} so one misbehaving server cannot
 * park a labeling run for hours. Immutable and thread-safe.
 *
 * @param initial the backoff before the first retry (may be zero)
 * @param max     the cap of the exponential part, {@code >= initial}
 */
public record Backoff(Duration initial, Duration max) {

    /** The longest {@code Retry-After} honoured: 10 minutes. */
    public static final Duration RETRY_AFTER_CAP = Duration.ofMinutes(10);

    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

    /** Checks that the durations are present, non-negative and ordered. */
    public Backoff {
        if (initial == null || max == null || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, was " + initial + ", " + max);
        }
    }

    /**
     * The delay before retry {@code retry}.
     *
     * @param retry      0 for the first retry, 1 for the second, …
     * @param retryAfter the server's {@code Retry-After}, if it sent one
     * @param random     a uniform number in {@code [0, 1)} (the jitter)
     * @return the time to wait
     */
    public Duration delay(int retry, Optional<Duration> retryAfter, double random) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.isNegative() ? Duration.ZERO : asked.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : asked;
        }
        int k = Math.max(0, retry);
        long initialNanos = initial.toNanos();
        long maxNanos = max.toNanos();
        long base = k >= 62 || initialNanos > (maxNanos >> k) ? maxNanos : initialNanos << k;
        return Duration.ofNanos(base / 2 + (long) (random * (base - base / 2)));
    }

    /**
     * Reads an HTTP {@code Retry-After} header: a non-negative number of seconds, or an RFC 1123 date (then the
     * time from {@code now} until that date, zero if it has passed).
     *
     * @param header the header value, or null
     * @param now    the current time
     * @return the delay, or empty when the header is absent or unreadable
     */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (SECONDS.matcher(value).matches()) {
            double seconds = Math.min(Double.parseDouble(value), 1e9);
            return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
