package conformance.exchange;

import java.util.List;

/**
 * One case delivered: every attempt in order, the last being the answer the case got. A retried 503 still counts
 * (a retry never hides a server error); a 429 the suite honoured is flow control, not an answer to the case, so it
 * is recorded but not judged.
 */
public record Delivery(List<Exchange> attempts) {
    public Delivery {
        attempts = List.copyOf(attempts);
    }

    public Exchange last() {
        return attempts.get(attempts.size() - 1);
    }

    /** Whether the checks judge this attempt. */
    public boolean counts(Exchange attempt) {
        return attempt == last() || attempt.status() != RetryPolicy.TOO_MANY_REQUESTS;
    }
}
