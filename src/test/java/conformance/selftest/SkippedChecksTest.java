package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Launch;
import conformance.chatwoot.CrossInboxIsolation;
import conformance.checks.DocumentedPropertiesPresent;
import conformance.config.Settings;
import conformance.generation.Json;
import conformance.reference.ReferenceTarget;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A check that could not run is counted with its reason wherever the verdict is read, kept apart from one that does
 * not apply, and with {@code requireAllChecks} it makes the run INCONCLUSIVE.
 */
class SkippedChecksTest {
    private static final String NO_SECOND_INBOX = "1 not run: " + CrossInboxIsolation.ID + " (no second inbox";

    @TempDir
    Path reports;

    /** A run against the reference target, with its second inbox or without. */
    private RunReport run(boolean secondInbox, Map<String, String> extra) {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            Map<String, String> s = Targets.settingsFor(target);
            if (!secondInbox) {
                s.remove("otherInboxIdentifier");
            }
            s.put("tries", "20");
            // the checks of create-a-conversation, as a run of that operation alone reports them
            s.put("operations", "create-a-conversation");
            s.put("reports", reports.toString());
            s.putAll(extra);
            return Launch.run(Settings.of(s), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .result().orElseThrow().report();
        }
    }

    private JsonNode summary() throws Exception {
        return Json.MAPPER.readTree(Files.readString(reports.resolve("conformance-summary.json")));
    }

    private JsonNode check(JsonNode summary, String id) {
        return summary.get("checks").valueStream().filter(c -> c.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aCheckThatCouldNotRunIsCountedWithItsReasonInTheVerdictLineTitleAndSummary() throws Exception {
        RunReport r = run(false, Map.of());
        assertEquals(Verdict.CONFORMANT, r.verdict(), r.headline());
        assertTrue(r.headline().contains("checks passed, " + NO_SECOND_INBOX), r.headline());
        assertFalse(r.headline().contains(DocumentedPropertiesPresent.ID), "a check that does not apply is no gap: " + r.headline());
        String title = Files.readString(reports.resolve("certificate.md")).lines().findFirst().orElseThrow();
        assertTrue(title.matches("# Conformance certificate: CONFORMANT — http://127\\.0\\.0\\.1:\\d+ — "
                + Pattern.quote(NO_SECOND_INBOX) + ".*"), "verdict, target, what did not run: " + title);
        JsonNode s = summary();
        assertEquals("skipped", check(s, CrossInboxIsolation.ID).get("outcome").asString());
        assertEquals("not_run", check(s, CrossInboxIsolation.ID).get("skip").asString());
        assertTrue(check(s, CrossInboxIsolation.ID).get("skipReason").asString().contains("conformance.otherInboxIdentifier"));
        assertEquals("skipped", check(s, DocumentedPropertiesPresent.ID).get("outcome").asString());
        assertEquals("not_applicable", check(s, DocumentedPropertiesPresent.ID).get("skip").asString());
        assertTrue(check(s, "status_code_conformance").get("skip").isNull());
        assertEquals(1, s.get("checkCounts").get("notRun").asInt(), s.get("checkCounts").toString());
        // besides it, the strict-only check, message_semantics (create-a-conversation answers no message) and the four
        // stateful checks (one operation selected: no sequence has all its operations) do not apply
        assertEquals(7, s.get("checkCounts").get("skipped").asInt(), s.get("checkCounts").toString());
        assertEquals(1, s.get("notRun").size());
        assertEquals(CrossInboxIsolation.ID, s.get("notRun").get(0).get("id").asString());
    }

    @Test
    void requireAllChecksTurnsACheckThatCouldNotRunIntoInconclusive() throws Exception {
        RunReport r = run(false, Map.of("requireAllChecks", "true"));
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.headline());
        String reason = summary().get("reason").asString();
        assertTrue(reason.contains("conformance.requireAllChecks") && reason.contains(NO_SECOND_INBOX), reason);
    }

    @Test
    void requireAllChecksLeavesACheckThatDoesNotApplyAsItIs() throws Exception {
        RunReport r = run(true, Map.of("requireAllChecks", "true"));
        assertEquals(Verdict.CONFORMANT, r.verdict(), r.headline());
        assertTrue(r.notRunSummary().isEmpty(), r.headline());
        assertEquals("not_applicable", check(summary(), DocumentedPropertiesPresent.ID).get("skip").asString());
    }
}
