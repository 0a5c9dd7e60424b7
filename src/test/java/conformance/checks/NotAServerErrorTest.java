package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import conformance.exchange.TransportFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotAServerErrorTest {
    private final NotAServerError check = new NotAServerError();

    @Test
    void aServerErrorIsAFindingForValidAndInvalidInputAlike() {
        assertEquals(List.of("server error 500 for positive case"),
                check.judge(AnExchange.positive().status(500).build()).stream().map(Finding::message).toList());
        assertEquals(1, check.judge(AnExchange.negative("type").status(503).build()).size());
    }

    @Test
    void anyOtherStatusPasses() {
        for (int status : new int[] {200, 302, 401, 404, 422, 499}) {
            assertEquals(List.of(), check.judge(AnExchange.negative("type").status(status).build()), "status " + status);
        }
    }

    @Test
    void anExchangeWithoutAnAnswerIsNotItsConcern() {
        assertFalse(check.appliesTo(AnExchange.positive().failed(TransportFailure.Kind.CONNECTION_RESET, "reset").build()));
    }
}
