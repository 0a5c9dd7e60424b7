package conformance.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.AnExchange;
import conformance.checks.Finding;
import conformance.checks.Skip;
import conformance.generation.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossInboxIsolationTest {
    private final CrossInboxIsolation check = new CrossInboxIsolation();

    @Test
    void aContactOfAnotherInboxAcceptedIsAFinding() {
        assertEquals(List.of("accepted with 200: foreign_identifier case"),
                check.judge(AnExchange.of(Intent.FOREIGN_IDENTIFIER).status(200).build()).stream().map(Finding::message).toList());
    }

    @Test
    void aContactOfAnotherInboxRejectedPasses() {
        assertEquals(List.of(), check.judge(AnExchange.of(Intent.FOREIGN_IDENTIFIER).status(404).build()));
        assertEquals(List.of(), check.judge(AnExchange.of(Intent.FOREIGN_IDENTIFIER).status(401).build()));
    }

    @Test
    void onlyForeignContactsConcernItAndWithoutASecondInboxItSaysWhatToSet() {
        assertTrue(check.appliesTo(AnExchange.of(Intent.FOREIGN_IDENTIFIER).build()));
        assertFalse(check.appliesTo(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).build()));
        assertFalse(check.appliesTo(AnExchange.positive().build()));
        assertEquals(Skip.Kind.NOT_RUN, check.skip().kind(), "without a second inbox it could not run");
        assertTrue(check.skip().reason().contains("conformance.otherInboxIdentifier"), check.skip().reason());
    }
}
