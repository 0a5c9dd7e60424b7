package conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.checks.Finding;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.ResponseSignatureTest;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.Reports;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class FailingCasesTest {
    @TempDir
    Path folder;

    /** {@code n} distinct findings of one check, each a 422 with a message of its own and a case of its own. */
    private static RunReport distinctFindings(int n) {
        List<FindingGroup> groups = IntStream.range(0, n).mapToObj(i -> new FindingGroup(new Finding(PositiveDataAcceptance.ID,
                "create-a-conversation", "rejected with 422", 422, Optional.empty(),
                ResponseSignatureTest.answered("{\"custom_attributes\":{\"k\":" + i + "}}", 422, "{\"message\":\"rule " + (char) ('a' + i % 26)
                        + (char) ('a' + i / 26) + " broken\"}"), false, Optional.empty()), 1, Optional.empty())).toList();
        CheckResult c = new CheckResult(PositiveDataAcceptance.ID, "create-a-conversation", Outcome.FAILED, n, groups,
                Optional.empty(), Optional.empty());
        return Reports.of(Verdict.NON_CONFORMANT, List.of(c));
    }

    private JsonNode stored(int distinct) {
        String file = FailingCases.updated(folder, "embedded:chatwoot", distinctFindings(distinct), new Redactor()).orElseThrow();
        return Json.MAPPER.readTree(file).path("embedded:chatwoot").path("create-a-conversation");
    }

    @Test
    void everyDistinctFindingKeepsItsCaseUpToFiftyPerTargetAndOperation() {
        assertEquals(20, stored(20).size(), "one case per distinct finding, not one per check and place");
        assertEquals(FailingCases.MAX_PER_OPERATION, stored(60).size());
        assertEquals(50, FailingCases.MAX_PER_OPERATION);
    }
}
