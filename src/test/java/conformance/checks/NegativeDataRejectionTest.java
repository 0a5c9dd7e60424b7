package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.generation.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegativeDataRejectionTest {
    private final NegativeDataRejection check = new NegativeDataRejection();

    @Test
    void anInvalidRequestAcceptedIsAFindingNamingTheRuleItBreaks() {
        assertEquals(List.of("accepted with 200: a request that breaks #/properties/custom_attributes type"),
                check.judge(AnExchange.negative("#/properties/custom_attributes type").status(200).build())
                        .stream().map(Finding::message).toList());
        assertEquals(1, check.judge(AnExchange.negative("malformed JSON").status(201).build()).size());
    }

    @Test
    void anInvalidRequestRejectedPassesWhateverTheStatus() {
        for (int status : new int[] {400, 401, 422, 500}) {
            assertEquals(List.of(), check.judge(AnExchange.negative("type").status(status).build()), "status " + status);
        }
    }

    @Test
    void onlyInvalidRequestsConcernIt() {
        assertTrue(check.appliesTo(AnExchange.negative("type").build()));
        assertFalse(check.appliesTo(AnExchange.positive().build()));
        assertFalse(check.appliesTo(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).build()));
    }
}
