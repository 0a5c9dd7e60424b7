package conformance.exchange;

import java.time.Duration;
import java.util.OptionalDouble;

/** Spaces requests so that no second ever holds more than the configured number of them. */
final class RateLimiter {
    private final long intervalNanos;
    private long next;

    RateLimiter(OptionalDouble perSecond) {
        this.intervalNanos = perSecond.isPresent() ? (long) Math.ceil(1e9 / perSecond.getAsDouble()) : 0;
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
