package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.config.ConfigException;
import conformance.config.Settings;
import conformance.generation.Intent;
import conformance.reference.ReferenceTarget;
import conformance.run.Progress;
import conformance.verdict.CheckResult;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the selection settings do to a whole run: which operations get cases, which checks judge them. */
class SelectionRunTest {

    private static RunReport run(Map<String, String> extra, List<String> operationsSent) {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            Map<String, String> s = Targets.settingsFor(target);
            s.put("tries", "5");
            s.putAll(extra);
            return Configuration.from(Settings.of(s)).run(Progress.SILENT,
                    (e, redactor) -> operationsSent.add(e.operation().id() + (e.kase().intent() == Intent.FIXTURE ? " fixture" : "")))
                    .execute().report();
        }
    }

    @Test
    void oneOperationGetsCasesAloneItsFixturesAreStillJudgedUnderTheirOwn() {
        List<String> sent = new CopyOnWriteArrayList<>();
        RunReport r = run(Map.of("operations", "create-a-conversation"), sent);
        assertEquals(Verdict.CONFORMANT, r.verdict(), r.headline());
        assertEquals(Set.of("create-a-conversation", "create-a-contact fixture"), new TreeSet<>(sent), "the contacts are its fixtures");
        assertEquals(2, sent.stream().filter(op -> op.startsWith("create-a-contact")).count(), "one contact per inbox");
        assertEquals(List.of("create-a-conversation", "create-a-contact"),
                r.checks().stream().map(CheckResult::operationId).distinct().toList());
    }

    @Test
    void aTagSelectsItsOperationsAndChecksNarrowWhatJudges() {
        List<String> sent = new CopyOnWriteArrayList<>();
        RunReport r = run(Map.of("operations", "messages api", "excludeChecks", "transport,conversation_semantics"), sent);
        assertEquals(Verdict.CONFORMANT, r.verdict(), r.headline());
        Set<String> judged = r.checks().stream().map(CheckResult::operationId).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(judged.containsAll(Set.of("create-a-message", "list-all-conversation-messages", "update-a-message")), judged.toString());
        assertTrue(r.checks().stream().noneMatch(c -> c.checkId().equals("transport") || c.checkId().equals("conversation_semantics")));
        RunReport only = run(Map.of("operations", "get-details-of-a-contact", "checks", "status_code_conformance"), sent);
        assertEquals(Set.of("status_code_conformance"), only.checks().stream().map(CheckResult::checkId).collect(Collectors.toSet()));
    }

    @Test
    void anUnknownOperationStopsTheRunBeforeAnyRequestListingTheKnownOnes() {
        List<String> sent = new CopyOnWriteArrayList<>();
        ConfigException e = assertThrows(ConfigException.class, () -> run(Map.of("operations", "create-a-conversaton"), sent));
        assertTrue(e.getMessage().contains("create-a-conversaton") && e.getMessage().contains("create-a-conversation")
                && e.getMessage().contains("update-a-message"), e.getMessage());
        assertEquals(List.of(), sent);
    }
}
