package conformance.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.contract.Operation;
import conformance.contract.Response;
import conformance.contract.ResponseKey;
import conformance.exchange.Exchange;
import conformance.exchange.ReceivedResponse;
import conformance.exchange.SentRequest;
import conformance.exchange.TransportFailure;
import conformance.generation.Case;
import conformance.generation.CaseKind;
import conformance.generation.Parameters;
import conformance.generation.Intent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What each operation got, and which ones a run could not judge, from exchanges built in memory. */
class CoverageTest {
    private static final Operation CONVERSATIONS = operation("create-a-conversation", "200", "401", "404");
    private static final Operation MESSAGES = operation("update-a-message", "200", "4XX", "default");

    private static Operation operation(String id, String... keys) {
        TreeMap<ResponseKey, Response> responses = new TreeMap<>();
        for (String key : keys) {
            ResponseKey k = ResponseKey.parse(key).orElseThrow();
            responses.put(k, new Response(k, key, Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return new Operation(id, List.of(), "POST", "/" + id, List.of(), Optional.empty(), responses);
    }

    /** A case of this intent sent to the operation, answered with this status (0: no answer at all). */
    private static Exchange exchange(Operation op, Intent intent, int status) {
        Case kase = Case.of(0, op.id(), new CaseKind(intent.name().toLowerCase(), intent), Parameters.NONE, Optional.empty(),
                Map.of(), "a case");
        Optional<ReceivedResponse> response = status == 0 ? Optional.empty()
                : Optional.of(ReceivedResponse.of(status, List.of(), new byte[0], false));
        Optional<TransportFailure> failure = status == 0
                ? Optional.of(new TransportFailure(TransportFailure.Kind.CONNECTION_REFUSED, "refused")) : Optional.empty();
        return new Exchange(kase, op, new SentRequest(op.method(), "http://127.0.0.1:1" + op.pathTemplate(), List.of(),
                new byte[0]), response, failure, Duration.ZERO);
    }

    private static Coverage fedWith(Exchange... exchanges) {
        Coverage coverage = new Coverage();
        for (Exchange e : exchanges) {
            coverage.judged(e);
        }
        return coverage;
    }

    @Test
    void countsTheStatusesOfEveryJudgedExchangeAndTheDocumentedStatusesNoneShowed() {
        OperationCoverage c = fedWith(exchange(CONVERSATIONS, Intent.POSITIVE, 200), exchange(CONVERSATIONS, Intent.POSITIVE, 200),
                exchange(CONVERSATIONS, Intent.NEGATIVE, 401), exchange(CONVERSATIONS, Intent.UNKNOWN_IDENTIFIER, 0))
                .entries(List.of(CONVERSATIONS)).get(0);
        assertEquals(Map.of(200, 2L, 401, 1L), c.statuses());
        assertEquals(1, c.unanswered());
        assertEquals(4, c.requests());
        assertEquals(List.of("404"), c.documentedNeverSeen());
        assertTrue(c.judged(), c.toString());
    }

    @Test
    void aStatusIsSeenUnderTheMostSpecificKeyThatDocumentsIt() {
        OperationCoverage c = fedWith(exchange(MESSAGES, Intent.POSITIVE, 200), exchange(MESSAGES, Intent.NEGATIVE, 422))
                .entries(List.of(MESSAGES)).get(0);
        assertEquals(List.of("default"), c.documentedNeverSeen(), "422 is documented by 4XX, not by default");
    }

    @Test
    void anOperationWhoseOnlyValidRequestWasAFailedFixtureCouldNotBeJudged() {
        OperationCoverage c = fedWith(exchange(MESSAGES, Intent.FIXTURE, 422)).entries(List.of()).get(0);
        assertEquals(Optional.of("its fixture failed: status 422"), c.unjudged());
    }

    @Test
    void anOperationWhoseValidRequestsWereAllRejectedCouldNotBeJudged() {
        OperationCoverage c = fedWith(exchange(CONVERSATIONS, Intent.POSITIVE, 422), exchange(CONVERSATIONS, Intent.FIXTURE, 401),
                exchange(CONVERSATIONS, Intent.POSITIVE, 422), exchange(CONVERSATIONS, Intent.NEGATIVE, 200),
                exchange(CONVERSATIONS, Intent.POSITIVE, 0)).entries(List.of(CONVERSATIONS)).get(0);
        assertEquals(Optional.of("every valid request was rejected: statuses 422 ×2, 401, no answer"), c.unjudged(),
                "an accepted negative case is no success of a valid request");
    }

    @Test
    void aSuccessTheOperationDoesNotDocumentIsNone() {
        OperationCoverage c = fedWith(exchange(CONVERSATIONS, Intent.POSITIVE, 201)).entries(List.of(CONVERSATIONS)).get(0);
        assertEquals(Optional.of("every valid request was rejected: status 201"), c.unjudged());
    }

    @Test
    void validRequestsThatGotNoAnswerAreNamedSo() {
        OperationCoverage c = fedWith(exchange(CONVERSATIONS, Intent.POSITIVE, 0), exchange(CONVERSATIONS, Intent.POSITIVE, 0))
                .entries(List.of(CONVERSATIONS)).get(0);
        assertEquals(Optional.of("every valid request was rejected: no answer ×2"), c.unjudged());
    }

    @Test
    void anOperationOfTheRunThatGotNoValidRequestCouldNotBeJudged() {
        List<OperationCoverage> entries = fedWith(exchange(CONVERSATIONS, Intent.NEGATIVE, 401))
                .entries(List.of(CONVERSATIONS, MESSAGES));
        assertEquals(Optional.of("no valid request was sent"), entries.get(0).unjudged());
        assertEquals(Optional.of("no valid request was sent"), entries.get(1).unjudged());
        assertEquals(List.of("200", "4XX", "default"), entries.get(1).documentedNeverSeen());
        assertEquals(0, entries.get(1).requests());
    }

    @Test
    void theOperationsOfTheRunComeFirstThenTheOthersThatGotAnExchange() {
        List<OperationCoverage> entries = fedWith(exchange(MESSAGES, Intent.FIXTURE, 200), exchange(CONVERSATIONS, Intent.POSITIVE, 200))
                .entries(List.of(CONVERSATIONS));
        assertEquals(List.of("create-a-conversation", "update-a-message"), entries.stream().map(OperationCoverage::operationId).toList());
        assertTrue(entries.stream().allMatch(OperationCoverage::judged), entries.toString());
    }
}
