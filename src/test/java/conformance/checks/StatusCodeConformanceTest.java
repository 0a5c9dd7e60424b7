package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.exchange.TransportFailure;
import conformance.generation.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusCodeConformanceTest {
    private final StatusCodeConformance check = new StatusCodeConformance();

    @Test
    void aDocumentedStatusPasses() {
        assertEquals(List.of(), check.judge(AnExchange.positive().status(200).build()));
        assertEquals(List.of(), check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).status(401).build()));
    }

    @Test
    void anUndocumentedStatusIsAFindingThatNamesTheDocumentedOnes() {
        List<Finding> findings = check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).status(404).build());
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("undocumented status 404 (documented: [200, 401])", f.message());
        assertEquals(404, f.status());
        assertEquals("create-a-conversation", f.operationId());
        assertFalse(f.specGap(), "an identifier the target must reject has a documented answer: 401");
    }

    @Test
    void rejectingInvalidInputWithAnUndocumented4xxIsTheDocumentsGap() {
        assertTrue(check.judge(AnExchange.negative("type").status(422).build()).get(0).specGap());
        assertFalse(check.judge(AnExchange.negative("type").status(500).build()).get(0).specGap(), "a 5xx is no rejection");
        assertFalse(check.judge(AnExchange.positive().status(422).build()).get(0).specGap(), "a valid request had to pass");
    }

    @Test
    void statusesDocumentedByARangeOrByDefaultPass() {
        var ranged = Documented.operation("ranged", Documented.json("2XX", Documented.CONVERSATION), Documented.empty("401"));
        assertEquals(List.of(), check.judge(AnExchange.positive().to(ranged).status(201).build()));
        assertEquals(1, check.judge(AnExchange.positive().to(ranged).status(404).build()).size());
        var anything = Documented.operation("anything", Documented.empty("200"), Documented.empty("default"));
        assertEquals(List.of(), check.judge(AnExchange.negative("type").to(anything).status(418).build()));
    }

    @Test
    void anExchangeWithoutAnAnswerIsNotItsConcern() {
        assertFalse(check.appliesTo(AnExchange.positive().failed(TransportFailure.Kind.TIMEOUT, "no answer").build()));
        assertTrue(check.appliesTo(AnExchange.positive().build()));
    }

    @Test
    void aDocumentedRejectionNeverObservedForRequestsThatHadToBeRejectedIsOneFindingAboutTheRun() {
        check.judge(AnExchange.positive().status(200).build());
        check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).status(404).build());
        check.judge(AnExchange.negative("type").status(422).build());
        List<Finding> concluded = check.conclude();
        assertEquals(1, concluded.size(), concluded.toString());
        Finding f = concluded.get(0);
        assertTrue(f.message().startsWith("documented status [401] never observed"), f.message());
        assertTrue(f.message().endsWith("were answered [404, 422]"), f.message());
        assertEquals(0, f.status(), "about the run, not one answer");
        assertEquals("create-a-conversation", f.operationId());
    }

    @Test
    void oneDocumentedRejectionSeenIsEnough() {
        check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).status(404).build());
        check.judge(AnExchange.of(Intent.FOREIGN_IDENTIFIER).status(401).build());
        assertEquals(List.of(), check.conclude());
    }

    @Test
    void aRejectionDocumentedByARangeCounts() {
        var ranged = Documented.operation("ranged", Documented.empty("200"), Documented.empty("4XX"));
        check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).to(ranged).status(404).build());
        assertEquals(List.of(), check.conclude());
    }

    @Test
    void validRequestsAloneAskForNoRejection() {
        check.judge(AnExchange.positive().status(200).build());
        check.judge(AnExchange.of(Intent.FIXTURE).status(200).build());
        assertEquals(List.of(), check.conclude());
    }

    @Test
    void eachOperationIsConcludedOnItsOwn() {
        var other = Documented.operation("get-single-conversation", Documented.empty("200"), Documented.empty("401"),
                Documented.empty("404"));
        check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).status(401).build());
        check.judge(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).to(other).status(422).build());
        List<Finding> concluded = check.conclude();
        assertEquals(List.of("get-single-conversation"), concluded.stream().map(Finding::operationId).toList());
        assertTrue(concluded.get(0).message().startsWith("documented status [401, 404] never observed"), concluded.get(0).message());
    }
}
