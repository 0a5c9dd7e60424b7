package conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.Finding;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.ResponseSignatureTest;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.Reports;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A shrunk finding is shown by its shrunk case first, with the answer it got, and says when it is not minimal. */
class ShrunkFindingReportTest {
    private static final String ANSWER = "{\"message\":\"Custom attributes n length should be < 1500\"}";

    private static RunReport report(Finding.Shrunk shrink) {
        Exchange original = ResponseSignatureTest.answered("{\"custom_attributes\":{\"n\":\"" + "x".repeat(1600)
                + "\",\"other\":\"" + "y".repeat(600) + "\"}}", 422, ANSWER);
        Finding f = new Finding(PositiveDataAcceptance.ID, "create-a-conversation", "rejected with 422", 422,
                Optional.empty(), original, false, Optional.of(shrink));
        CheckResult c = new CheckResult(PositiveDataAcceptance.ID, "create-a-conversation", Outcome.FAILED, 1,
                List.of(new FindingGroup(f, 1, Optional.empty())), Optional.empty(), Optional.empty());
        return Reports.of(Verdict.NON_CONFORMANT, List.of(c));
    }

    private static Exchange shrunk() {
        return ResponseSignatureTest.answered("{\"custom_attributes\":{\"n\":\"" + "x".repeat(1501) + "\"}}", 422, ANSWER);
    }

    @Test
    void theShrunkCaseComesFirstWithItsResponse() {
        RunReport r = report(new Finding.Shrunk(Optional.of(shrunk()), 60, true));
        String md = Certificate.render(r, new Redactor());
        int shrunkAt = md.indexOf("shrunk to");
        assertTrue(shrunkAt > 0 && shrunkAt < md.indexOf("response: status 422") && md.indexOf("response: status 422")
                < md.indexOf("original body"), md);
        assertTrue(md.contains("shrunk from 2241 to 1531 bytes in 60 tries"), md);
        JsonNode finding = SummaryJson.render(r, new Redactor()).at("/checks/0/findings/0");
        assertEquals(422, finding.at("/response/status").asInt());
        assertEquals(ANSWER, finding.at("/response/body").asString());
        assertTrue(finding.at("/shrink/minimal").asBoolean());
        assertEquals(1531, finding.at("/shrink/shrunkBytes").asInt());
    }

    @Test
    void aShrinkCutShortByItsBudgetSaysTheCaseIsNotMinimalAndHowFarItGot() {
        RunReport r = report(new Finding.Shrunk(Optional.of(shrunk()), 200, false));
        String note = "not minimal: the shrink budget ran out after 200 tries (from 2241 to 1531 bytes)";
        assertTrue(Certificate.render(r, new Redactor()).contains(note));
        JsonNode shrink = SummaryJson.render(r, new Redactor()).at("/checks/0/findings/0/shrink");
        assertFalse(shrink.get("minimal").asBoolean());
        assertEquals(note, shrink.get("note").asString());
        RunReport none = report(new Finding.Shrunk(Optional.empty(), 200, false));
        assertTrue(Certificate.render(none, new Redactor()).contains(
                "not minimal: the shrink budget ran out after 200 tries (no smaller case failed the same way)"));
    }
}
