package conformance.exchange;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Spaces requests so that no second ever holds more than the configured number of them, as the target counts them
 * too: the spacing keeps a margin of {@link #MARGIN} so that network jitter cannot crowd one more into a second.
 */
final class RateLimiter {
    static final double MARGIN = 0.05;
    private final long intervalNanos;
    private long next;

    RateLimiter(OptionalDouble perSecond) {
        this.intervalNanos = perSecond.isPresent() ? (long) Math.ceil(1e9 * (1 + MARGIN) / perSecond.getAsDouble()) : 0;
    }

    synchronized void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (next > now) {
            sleep(Duration.ofNanos(next - now));
            now = System.nanoTime();
        }
        next = Math.max(now, next) + intervalNanos;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
