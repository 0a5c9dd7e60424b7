package conformance.run;

import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * How the judging thread waits for the next delivery: it spins a little before it parks, while answers have been
 * coming back within {@link #SPIN_NANOS}. A parked thread is woken by the worker that finished, a system call and a
 * wake-up of the other core on the worker's path to its next request: against a target that answers in half a
 * millisecond (the embedded one, on loopback) that hand-off made the suite about 7% slower; parking after 0.2 ms of
 * spinning, 12% slower. Spinning, it yields its core at each turn: the makers, the JIT's compilers and the collector
 * can run there meanwhile (in one JVM, 20 rounds: 1.06 times the rate of a spin that
 * keeps its core). Against a slower target the recent waits are longer than the spin and the thread parks at once,
 * spending no CPU on waiting.
 */
final class AnswerWait {
    /** Longer than a loopback round trip (about 0.5 ms here), far shorter than a remote server's. */
    static final long SPIN_NANOS = 1_000_000;

    private final LongSupplier clock;
    /** A moving average of how long the recent waits took, the newest counted for a quarter. */
    private long averageNanos;

    AnswerWait() {
        this(System::nanoTime);
    }

    AnswerWait(LongSupplier clock) {
        this.clock = clock;
    }

    /** Spins until {@code future} is done, if recent waits were short; the caller then gets it, parking if need be. */
    void spin(Future<?> future) {
        if (!spins()) {
            return;
        }
        long start = clock.getAsLong();
        while (!future.isDone() && clock.getAsLong() - start < SPIN_NANOS) {
            Thread.yield();
        }
    }

    /** How long one whole wait took, spinning and then parking. */
    void took(long nanos) {
        averageNanos += (nanos - averageNanos) / 4;
    }

    boolean spins() {
        return averageNanos < SPIN_NANOS;
    }
}
