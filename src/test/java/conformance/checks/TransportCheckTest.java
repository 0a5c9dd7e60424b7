package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.exchange.TransportFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportCheckTest {
    private final TransportCheck check = new TransportCheck();

    private List<String> messages(AnExchange e) {
        return check.judge(e.build()).stream().map(Finding::message).toList();
    }

    @Test
    void aCompleteAnswerPasses() {
        assertEquals(List.of(), messages(AnExchange.positive()));
        assertEquals(List.of(), messages(AnExchange.positive().status(500)), "a server error is another check's");
    }

    @Test
    void aTransportFailureIsAFindingNamingItsKind() {
        AnExchange timedOut = AnExchange.positive().failed(TransportFailure.Kind.TIMEOUT, "no answer within 10s");
        assertTrue(check.appliesTo(timedOut.build()));
        assertEquals(List.of("timeout: no answer within 10s"), messages(timedOut));
        assertEquals(List.of("connection refused: 127.0.0.1:9"),
                messages(AnExchange.positive().failed(TransportFailure.Kind.CONNECTION_REFUSED, "127.0.0.1:9")));
    }

    @Test
    void aBodyCutAtTheSizeCapIsAFinding() {
        assertEquals(List.of("the body exceeds the size cap and was cut at 2 bytes (conformance.maxBodyBytes)"),
                messages(AnExchange.positive().cutAtTheSizeCap()));
    }

    @Test
    void aRedirectIsAFindingThatSaysWhereItLeads() {
        String prefix = "redirect 302 not followed (the suite never re-sends a request elsewhere): ";
        assertEquals(List.of(prefix + "no Location header"), messages(AnExchange.positive().status(302)));
        assertEquals(List.of(prefix + "to /elsewhere on the same host"),
                messages(AnExchange.positive().status(302).header("Location", "/elsewhere")));
        assertEquals(List.of(prefix + "to another host, https://evil.example"),
                messages(AnExchange.positive().status(302).header("Location", "https://evil.example/x")));
        String self = AnExchange.positive().build().request().url();
        assertEquals(List.of(prefix + "Location is the request's own URL (a redirect loop)"),
                messages(AnExchange.positive().status(302).header("Location", self)));
        assertEquals(List.of(prefix + "an invalid Location 'http://[broken'"),
                messages(AnExchange.positive().status(302).header("Location", "http://[broken")));
    }

    @Test
    void aStanding429IsAFindingWithAdvice() {
        assertEquals(List.of("throttled: 429 Too Many Requests without Retry-After; lower conformance.rateLimit"),
                messages(AnExchange.positive().status(429)));
        assertTrue(messages(AnExchange.positive().status(429).header("Retry-After", "30")).get(0)
                .contains("with Retry-After: 30 still"));
    }
}
