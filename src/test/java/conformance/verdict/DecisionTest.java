package conformance.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No green on an operation the run could not reach, and what the verdict line says of it. */
class DecisionTest {
    private static final OperationCoverage CONVERSATIONS = Reports.judged("create-a-conversation", List.of(), 200, 12, 401, 3);
    private static final OperationCoverage MESSAGES = Reports.unjudged("update-a-message", "its fixture failed: status 422", 422, 1);
    private static final OperationCoverage CONTACTS = Reports.unjudged("get-a-contact", "no valid request was sent");

    private static CheckResult check(String operation, Outcome outcome) {
        return new CheckResult("status_code_conformance", operation, outcome, 3, List.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void aRunThatJudgedEveryOperationIsConformant() {
        RunReport r = Reports.of(List.of(check("create-a-conversation", Outcome.PASSED)), List.of(CONVERSATIONS));
        assertEquals(Verdict.CONFORMANT, r.verdict());
        assertEquals(Optional.empty(), r.inconclusiveReason());
    }

    @Test
    void anOperationThatCouldNotBeJudgedMakesAPassingRunInconclusiveAndTheLineNamesItAndWhy() {
        RunReport r = Reports.of(List.of(check("create-a-conversation", Outcome.PASSED), check("update-a-message", Outcome.WAIVED)),
                List.of(CONVERSATIONS, MESSAGES, CONTACTS));
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        String why = "2 operations could not be judged: update-a-message (its fixture failed: status 422), "
                + "get-a-contact (no valid request was sent)";
        assertEquals(Optional.of(why), r.inconclusiveReason());
        assertTrue(r.headline().startsWith("INCONCLUSIVE — http://127.0.0.1:1 — " + why + " — "), r.headline());
    }

    @Test
    void aFailedCheckKeepsTheRunNonConformantAndTheLineStillNamesWhatCouldNotBeJudged() {
        RunReport r = Reports.of(List.of(check("create-a-conversation", Outcome.FAILED)), List.of(CONVERSATIONS, MESSAGES));
        assertEquals(Verdict.NON_CONFORMANT, r.verdict());
        assertTrue(r.headline().contains("1 check failed: status_code_conformance on create-a-conversation (0); "
                + "1 operation could not be judged: update-a-message (its fixture failed: status 422) — "), r.headline());
    }

    @Test
    void aRunThatCouldNotJudgeKeepsItsOwnReason() {
        Decision d = Decision.of(Optional.of("the target answered none of the 12 requests"),
                List.of(check("create-a-conversation", Outcome.FAILED)), List.of(MESSAGES));
        assertEquals(new Decision(Verdict.INCONCLUSIVE, Optional.of("the target answered none of the 12 requests")), d);
    }
}
