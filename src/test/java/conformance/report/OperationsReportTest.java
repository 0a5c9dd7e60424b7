package conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.Skip;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.verdict.CheckResult;
import conformance.verdict.OperationCoverage;
import conformance.verdict.Outcome;
import conformance.verdict.Reports;
import conformance.verdict.RunReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The reports per operation: the certificate's table of operations by checks and statuses, the summary's operations. */
class OperationsReportTest {
    private static final String CONVERSATION = "create-a-conversation";
    private static final String MESSAGE = "update-a-message";

    private static CheckResult result(String check, String operation, Outcome outcome) {
        return new CheckResult(check, operation, outcome, 4, List.of(), Optional.empty(),
                outcome == Outcome.SKIPPED ? Optional.of(Skip.notApplicable("the spec profile leaves it out")) : Optional.empty());
    }

    /** Two operations by three checks, every kind of cell: passed, failed, waived, skipped, and no result. */
    private static RunReport report() {
        List<CheckResult> checks = List.of(
                result("status_code_conformance", CONVERSATION, Outcome.PASSED),
                result("schema_conformance", CONVERSATION, Outcome.FAILED),
                result("server_check", CONVERSATION, Outcome.WAIVED),
                result("status_code_conformance", MESSAGE, Outcome.SKIPPED),
                result("schema_conformance", MESSAGE, Outcome.PASSED));
        List<OperationCoverage> operations = List.of(
                Reports.judged(CONVERSATION, List.of("404"), 200, 12, 401, 3),
                new OperationCoverage(MESSAGE, new TreeMap<>(Map.of(422, 1L)), 2, List.of("200", "401"), Optional.of("its fixture failed: status 422")));
        return Reports.of(checks, operations);
    }

    @Test
    void theCertificateOpensWithOperationsByChecksEachCellTheOutcome() {
        String md = Certificate.render(report(), new Redactor());
        String table = """
                ## Operations by check

                | operation | SCC | SC | SC2 |
                |---|---|---|---|
                | `create-a-conversation` | ✓ | ✗ | W |
                | `update-a-message` | – | ✓ |  |

                ✓ passed · ✗ failed · W waived · – skipped · blank: the check has no result on that operation. \
                SCC `status_code_conformance`, SC `schema_conformance`, SC2 `server_check`
                """;
        String afterTitle = md.substring(md.indexOf("\n\n") + 2);
        assertTrue(afterTitle.startsWith(table), md);
    }

    @Test
    void theCertificateShowsPerOperationTheStatusesItsRequestsGotAndTheDocumentedOnesNeverSeen() {
        String md = Certificate.render(report(), new Redactor());
        assertTrue(md.contains("""
                | operation | requests | statuses | documented, never seen | judged |
                |---|---|---|---|---|
                | `create-a-conversation` | 15 | 200 ×12, 401 ×3 | 404 | yes |
                | `update-a-message` | 3 | 422 ×1, no answer ×2 | 200, 401 | **no**: its fixture failed: status 422 |
                """), md);
        assertTrue(md.indexOf("## Requests per operation") < md.indexOf("## Run"), "right after the table: " + md);
    }

    @Test
    void theSummaryListsEveryOperationAndKeepsOneCheckEntryPerCheckAndOperation() {
        JsonNode summary = SummaryJson.render(report(), new Redactor());
        assertEquals(Json.MAPPER.readTree("""
                [{"operation": "create-a-conversation", "statuses": {"200": 12, "401": 3}, "unanswered": 0,
                  "documentedNeverSeen": ["404"], "judged": true, "reason": null},
                 {"operation": "update-a-message", "statuses": {"422": 1}, "unanswered": 2,
                  "documentedNeverSeen": ["200", "401"], "judged": false, "reason": "its fixture failed: status 422"}]
                """).toString(), summary.get("operations").toString(), "field by field, in this order");
        assertEquals(5, summary.get("checks").size());
    }
}
