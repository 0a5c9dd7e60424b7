package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.generation.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownIdentifierRejectionTest {
    private final UnknownIdentifierRejection check = new UnknownIdentifierRejection();

    @Test
    void anUnknownContactOrInboxAcceptedIsAFinding() {
        assertEquals(List.of("accepted with 200: unknown_identifier case"),
                check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).status(200).build()).stream().map(Finding::message).toList());
        assertEquals(1, check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).status(204).build()).size());
    }

    @Test
    void anUnknownIdentifierRejectedPasses() {
        assertEquals(List.of(), check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).status(404).build()));
        assertEquals(List.of(), check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).status(401).build()));
    }

    @Test
    void onlyUnknownIdentifiersConcernIt() {
        assertTrue(check.appliesTo(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).build()));
        assertFalse(check.appliesTo(AnExchange.of(Intent.FOREIGN_IDENTIFIER).build()), "a foreign contact is cross_inbox_isolation's");
        assertFalse(check.appliesTo(AnExchange.positive().build()));
        assertFalse(check.appliesTo(AnExchange.negative("type").build()));
    }
}
