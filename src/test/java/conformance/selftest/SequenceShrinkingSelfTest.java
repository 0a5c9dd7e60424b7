package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.EnsureResourceAvailability;
import conformance.checks.Finding;
import conformance.checks.UpdatePersisted;
import conformance.exchange.Exchange;
import conformance.reference.StatefulFaults;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A failing sequence is shrunk against the target: a step the failure does not need is dropped, a step a later one
 * takes a value from stays, and a reduction after which the step no longer fails the same way is not taken.
 */
class SequenceShrinkingSelfTest {

    @Test
    void aStepTheFailureDoesNotNeedIsDroppedAndTheStepsItTakesValuesFromStay() {
        // create, resolve, fetch: the fetch shows another uuid whether or not the conversation was resolved
        Finding f = finding(StatefulFaults.conversationWithAnotherUuid(), EnsureResourceAvailability.ID, "get-single-conversation",
                "create-a-contact,create-a-conversation,resolve-conversation,get-single-conversation");
        assertEquals(List.of("create-a-contact", "create-a-conversation", "resolve-conversation", "get-single-conversation"), steps(f.exchange()));
        assertEquals(List.of("create-a-contact", "create-a-conversation", "get-single-conversation"), steps(f.shrunk().orElseThrow()));
        assertTrue(f.shrinkNote().orElseThrow().startsWith("shrunk from 4 steps"), f.shrinkNote().orElseThrow());
    }

    @Test
    void aReductionAfterWhichTheStepNoLongerFailsTheSameWayIsNotTaken() {
        // the fault keeps what the first fetch showed: without that fetch, or without the update, nothing fails
        Finding f = finding(StatefulFaults.contactUpdateNotStored(), UpdatePersisted.ID, "get-details-of-a-contact",
                "create-a-contact,get-details-of-a-contact,update-a-contact");
        List<String> all = List.of("create-a-contact", "get-details-of-a-contact", "update-a-contact", "get-details-of-a-contact");
        assertEquals(all, steps(f.exchange()));
        assertEquals(all, steps(f.shrunk().orElse(f.exchange())));
        assertTrue(f.shrink().orElseThrow().tries() >= 2, "both the fetch and the update were tried without");
    }

    private static Finding finding(Variant variant, String check, String operation, String operations) {
        ConformanceRun.Result r = Targets.run(variant, Map.of("tries", "1", "sequences", "0", "operations", operations));
        return r.report().checks().stream().filter(c -> c.checkId().equals(check) && c.operationId().equals(operation))
                .flatMap(c -> c.findings().stream()).findFirst().orElseThrow(() -> new AssertionError(check + " did not fail on " + operation))
                .first();
    }

    /** The operations of a step's chain, and its own. */
    static List<String> steps(Exchange step) {
        return Stream.concat(step.chain().orElseThrow().earlier().stream(), Stream.of(step)).map(e -> e.operation().id()).toList();
    }
}
