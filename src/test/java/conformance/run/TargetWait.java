package conformance.run;

import conformance.exchange.HttpExchanger;
import conformance.exchange.TransportFailure;
import conformance.verdict.Waited;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code conformance.waitFor}: before the first request of the run (fixtures included), asks the target whether it is
 * up until it is or the time is over, pausing 250 ms, then twice as long each time up to 2 s, never past the deadline.
 * A refused, reset or timed-out connection, and a gateway's 502, 503 or 504, mean "not yet"; any other answer, whatever
 * its status, means up (a TLS or HTTP failure too: waiting would not mend it, the cases report it). The questions are
 * not cases: they are neither judged nor counted.
 * <p>
 * The question is a GET of the base URL, not an operation of the document: a GET is safe (RFC 9110 §9.2.1) and the base
 * URL is no operation's path, so it creates nothing whatever the target makes of it, while every GET of the client API
 * needs a resource that only a create would make.
 */
final class TargetWait {
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    private static final Set<Integer> GATEWAY_NOT_YET = Set.of(502, 503, 504);
    private static final Set<TransportFailure.Kind> NOT_YET = EnumSet.of(TransportFailure.Kind.CONNECTION_REFUSED,
            TransportFailure.Kind.CONNECTION_RESET, TransportFailure.Kind.TIMEOUT);

    private final Supplier<HttpExchanger.Attempt> ask;
    private final Duration within;

    TargetWait(Supplier<HttpExchanger.Attempt> ask, Duration within) {
        this.ask = ask;
        this.within = within;
    }

    /**
     * Waits for the target of {@code exchanger}; says on {@code progress} what it waits for and how long it took. A
     * question on the wire at the deadline is not cut: it ends within the request timeout, as any request does, and
     * the first request of a run also pays for setting the HTTP client up (seconds on a loaded machine), which is no
     * sign of the target's state.
     */
    static Waited await(HttpExchanger exchanger, Duration within, Progress progress) {
        String url = exchanger.baseUrl() + "/";
        progress.stage("waiting up to " + Waited.text(within) + " for " + url + " to come up (conformance.waitFor)");
        Waited waited = new TargetWait(() -> exchanger.get(url), within).await();
        if (waited.up()) {
            progress.stage("the target is up: waited " + waited.describe());
        }
        return waited;
    }

    Waited await() {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            long asked = System.nanoTime();
            HttpExchanger.Attempt attempt = ask.get();
            long now = System.nanoTime();
            Optional<String> notYet = notYet(attempt);
            // the wait is until the question that found the target up: how long that one took is the client's, not the wait
            if (notYet.isEmpty()) {
                return new Waited(within, Duration.ofNanos(asked - start), Optional.empty());
            }
            if (now >= deadline) {
                return new Waited(within, Duration.ofNanos(now - start), Optional.of("the target did not come up within "
                        + Waited.text(within) + " (conformance.waitFor); the last try: " + notYet.get() + "; no case was sent"));
            }
            // the last question is asked at the deadline, none after it
            if (!sleep(Math.min(pause.toNanos(), deadline - now))) {
                return new Waited(within, Duration.ofNanos(System.nanoTime() - start),
                        Optional.of("the wait for the target was interrupted; no case was sent"));
            }
            pause = min(pause.multipliedBy(2), LONGEST_PAUSE);
        }
    }

    /** What says the target is not up yet, or empty when this attempt says it is. */
    private static Optional<String> notYet(HttpExchanger.Attempt attempt) {
        if (attempt.response().isPresent()) {
            int status = attempt.response().get().status();
            return GATEWAY_NOT_YET.contains(status) ? Optional.of("HTTP " + status) : Optional.empty();
        }
        TransportFailure failure = attempt.failure().orElseThrow();
        return NOT_YET.contains(failure.kind()) ? Optional.of(failure.message()) : Optional.empty();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
