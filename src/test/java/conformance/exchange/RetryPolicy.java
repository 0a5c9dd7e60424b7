package conformance.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a target says "later" (429, or 503, with Retry-After), the suite waits as told and sends the case again, up
 * to a bound: {@link #MAX_RETRIES} retries per case, {@link #MAX_WAIT} per wait, {@link #MAX_TOTAL_WAIT} over a run.
 * Past the bound the last answer stands and is judged (and reported) like any other.
 */
final class RetryPolicy {
    static final int TOO_MANY_REQUESTS = 429;
    static final int SERVICE_UNAVAILABLE = 503;
    static final int MAX_RETRIES = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_TOTAL_WAIT = Duration.ofMinutes(5);

    private Duration waited = Duration.ZERO;

    /** How long to wait before retry number {@code retry} (1-based) after this answer; empty: do not retry. */
    synchronized Optional<Duration> waitBefore(int retry, ReceivedResponse answer, Instant now) {
        if (retry > MAX_RETRIES || (answer.status() != TOO_MANY_REQUESTS && answer.status() != SERVICE_UNAVAILABLE)) {
            return Optional.empty();
        }
        Optional<Duration> wait = answer.header("Retry-After").flatMap(v -> parse(v, now))
                .filter(w -> w.compareTo(MAX_WAIT) <= 0 && waited.plus(w).compareTo(MAX_TOTAL_WAIT) <= 0);
        wait.ifPresent(w -> waited = waited.plus(w));
        return wait;
    }

    /** RFC 9110 §10.2.3: a number of seconds, or an HTTP date. */
    static Optional<Duration> parse(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
