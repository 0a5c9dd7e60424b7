package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.RunConfig;
import conformance.contract.ContractLoader;
import conformance.reference.Outcome;
import conformance.reference.Reply;
import conformance.run.ConformanceRun;
import conformance.verdict.OperationCoverage;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A whole run is never green on an operation whose valid requests never got a documented success. */
class NoGreenWithoutCoverageTest {
    private static final Path WAIVERS = Path.of("target", "self-tests", "waive-every-rejection.yaml");

    @Test
    void everyOperationOfTheRunIsReportedWithTheStatusesItsRequestsGot() {
        RunReport r = Targets.run(conformance.reference.Variant.CONFORMING, Map.of("tries", "10")).report();
        assertEquals(Verdict.CONFORMANT, r.verdict(), r.headline());
        List<OperationCoverage> operations = r.operations();
        assertEquals(List.copyOf(new ContractLoader().load(RunConfig.DEFAULT_SPEC).operations().keySet()),
                operations.stream().map(OperationCoverage::operationId).toList(), "every operation, in the document's order");
        OperationCoverage conversations = operations.stream().filter(o -> o.operationId().equals("create-a-conversation"))
                .findFirst().orElseThrow();
        assertTrue(conversations.statuses().keySet().containsAll(List.of(200, 401)), operations.toString());
        assertTrue(operations.stream().allMatch(OperationCoverage::judged), operations.toString());
    }

    /** Every conversation refused with a documented 401, and that refusal waived: nothing was judged, so no pass. */
    @Test
    void aRunWhoseValidRequestsWereAllRefusedIsInconclusiveEvenWhenTheRefusalIsWaived() throws Exception {
        Files.createDirectories(WAIVERS.getParent());
        Files.writeString(WAIVERS, "waivers:\n  - check: positive_data_acceptance\n    operation: create-a-conversation\n"
                + "    reason: this target refuses every conversation\n");
        ConformanceRun.Result run = Targets.run(Corpus.on(Outcome.CONVERSATION_CREATED,
                (call, reply) -> Reply.json(401, Corpus.error("refused"))), Map.of("tries", "10", "waivers", WAIVERS.toString(), "operations", "create-a-conversation"));
        RunReport r = run.report();
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.headline());
        assertTrue(r.inconclusiveReason().orElseThrow().startsWith("1 operation could not be judged: create-a-conversation "
                + "(every valid request was rejected: status 401 ×"), r.headline());
    }
}
