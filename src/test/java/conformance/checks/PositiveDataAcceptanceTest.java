package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.generation.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositiveDataAcceptanceTest {
    private final PositiveDataAcceptance check = new PositiveDataAcceptance();

    @Test
    void aValidRequestRejectedIsAFinding() {
        assertEquals(List.of("a schema-valid payload with valid identifiers was rejected with 422"),
                check.judge(AnExchange.positive().status(422).build()).stream().map(Finding::message).toList());
        assertEquals(1, check.judge(AnExchange.positive().status(401).build()).size(), "even with a documented status");
        assertEquals(1, check.judge(AnExchange.positive().status(500).build()).size(), "a server error accepts nothing");
        assertEquals(1, check.judge(AnExchange.positive().status(302).build()).size(), "nor does a redirect");
    }

    @Test
    void aValidRequestAcceptedWithAny2xxPasses() {
        assertEquals(List.of(), check.judge(AnExchange.positive().status(200).build()));
        assertEquals(List.of(), check.judge(AnExchange.positive().status(204).build()));
    }

    @Test
    void onlyValidRequestsConcernIt() {
        assertTrue(check.appliesTo(AnExchange.positive().build()));
        for (Intent other : new Intent[] {Intent.NEGATIVE, Intent.UNKNOWN_IDENTIFIER, Intent.FOREIGN_IDENTIFIER, Intent.FIXTURE}) {
            assertFalse(check.appliesTo(AnExchange.of(other).status(422).build()), other.name());
        }
    }
}
