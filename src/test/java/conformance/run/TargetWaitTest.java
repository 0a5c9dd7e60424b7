package conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.exchange.HttpExchanger;
import conformance.exchange.ReceivedResponse;
import conformance.exchange.TransportFailure;
import conformance.verdict.Waited;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What counts as "not up yet" and what as up, how often the target is asked, and that the deadline holds. */
class TargetWaitTest {
    private static HttpExchanger.Attempt status(int code) {
        return new HttpExchanger.Attempt(Optional.of(ReceivedResponse.of(code, List.of(), new byte[0], false)), Optional.empty(),
                Duration.ofMillis(1));
    }

    private static HttpExchanger.Attempt failure(TransportFailure.Kind kind) {
        return new HttpExchanger.Attempt(Optional.empty(), Optional.of(new TransportFailure(kind, kind.name().toLowerCase())),
                Duration.ofMillis(1));
    }

    /** Answers as given, then the last one for ever; counts the questions. */
    private static final class Answers {
        private final Deque<HttpExchanger.Attempt> left;
        private HttpExchanger.Attempt last;
        private int asked;

        Answers(HttpExchanger.Attempt... answers) {
            left = new ArrayDeque<>(List.of(answers));
        }

        HttpExchanger.Attempt next() {
            asked++;
            last = left.isEmpty() ? last : left.poll();
            return last;
        }
    }

    @Test
    void refusedResetAndTimedOutConnectionsAndAGatewaysAnswersMeanNotYet() {
        for (HttpExchanger.Attempt notYet : List.of(failure(TransportFailure.Kind.CONNECTION_REFUSED),
                failure(TransportFailure.Kind.CONNECTION_RESET), failure(TransportFailure.Kind.TIMEOUT), status(502), status(503),
                status(504))) {
            Answers answers = new Answers(notYet, status(404));
            Waited waited = new TargetWait(answers::next, Duration.ofSeconds(5)).await();
            assertTrue(waited.up(), notYet.toString());
            assertEquals(2, answers.asked, "asked again after " + notYet);
            assertTrue(waited.waited().compareTo(TargetWait.FIRST_PAUSE) >= 0, "after a pause: " + waited.waited());
        }
    }

    @Test
    void anyOtherAnswerMeansUpAtOnce() {
        for (HttpExchanger.Attempt up : List.of(status(200), status(404), status(302), status(500), status(401),
                failure(TransportFailure.Kind.TLS), failure(TransportFailure.Kind.MALFORMED_HTTP))) {
            Answers answers = new Answers(up);
            Waited waited = new TargetWait(answers::next, Duration.ofSeconds(5)).await();
            assertTrue(waited.up(), up.toString());
            assertEquals(1, answers.asked, up.toString());
            assertTrue(waited.waited().compareTo(Duration.ofMillis(100)) < 0, "no wait: " + waited.waited());
        }
    }

    @Test
    void aTargetNeverUpIsAskedWithAGrowingPauseUntilTheDeadlineAndNotAfter() {
        Answers answers = new Answers(status(503));
        Waited waited = new TargetWait(answers::next, Duration.ofSeconds(2)).await();
        assertFalse(waited.up());
        // asked at 0, 0.25, 0.75 and 1.75 s, and at the deadline
        assertEquals(5, answers.asked);
        assertTrue(waited.waited().compareTo(Duration.ofSeconds(2)) >= 0 && waited.waited().compareTo(Duration.ofSeconds(3)) < 0,
                waited.waited().toString());
        assertEquals("the target did not come up within 2s (conformance.waitFor); the last try: HTTP 503; no case was sent",
                waited.notUp().orElseThrow());
    }

    @Test
    void aQuestionStillOnTheWireAtTheDeadlineCountsWhenItsAnswerComes() {
        Answers answers = new Answers(status(503), status(404));
        Waited waited = new TargetWait(() -> {
            HttpExchanger.Attempt a = answers.next();
            if (answers.asked == 2) {
                sleep(Duration.ofMillis(600));
            }
            return a;
        }, Duration.ofMillis(500)).await();
        assertTrue(waited.up(), "the first request of a run may be slow for reasons of the suite's own");
        assertTrue(waited.waited().compareTo(TargetWait.FIRST_PAUSE) >= 0 && waited.waited().compareTo(Duration.ofMillis(600)) < 0,
                "counted until the question that found it up was asked: " + waited.waited());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
