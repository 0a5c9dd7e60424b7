package conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The judging thread spins for an answer only while answers come fast, and never longer than the spin. */
class AnswerWaitTest {
    /** A clock that moves a tenth of a millisecond each time it is read. */
    private final AtomicLong now = new AtomicLong();
    private final AnswerWait waiting = new AnswerWait(() -> now.addAndGet(100_000));

    @Test
    void aDoneAnswerIsTakenAtOnce() {
        waiting.spin(CompletableFuture.completedFuture("answer"));
        assertEquals(100_000, now.get(), "the clock was read once: no spinning for an answer already there");
    }

    @Test
    void anAnswerThatDoesNotComeIsSpunForNoLongerThanTheSpin() {
        waiting.spin(new CompletableFuture<>());
        assertTrue(now.get() >= AnswerWait.SPIN_NANOS && now.get() <= AnswerWait.SPIN_NANOS + 200_000,
                "spun for the spin's length and then let the caller park: " + now.get() + " ns");
    }

    @Test
    void afterSlowAnswersItParksAtOnceAndAfterFastOnesItSpinsAgain() {
        assertTrue(waiting.spins(), "a new run spins");
        for (int i = 0; i < 8; i++) {
            waiting.took(5_000_000);
        }
        assertFalse(waiting.spins(), "answers that took 5 ms: spinning would only burn CPU");
        long before = now.get();
        waiting.spin(new CompletableFuture<>());
        assertEquals(before, now.get(), "parked at once: the clock was not even read for a loop");
        for (int i = 0; i < 16; i++) {
            waiting.took(300_000);
        }
        assertTrue(waiting.spins(), "answers back in 0.3 ms again: it spins again");
    }
}
