package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.Launch;
import conformance.checks.DocumentedPropertiesPresent;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.StatusCodeConformance;
import conformance.config.ConfigException;
import conformance.config.Settings;
import conformance.generation.Json;
import conformance.reference.Reply;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.verdict.Outcome;
import conformance.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesAndWaiversTest {
    @TempDir
    Path dir;

    @Test
    void strictPassesOnTheReferenceAndCatchesAMissingDocumentedProperty() {
        ConformanceRun.Result clean = Targets.run(Variant.CONFORMING, Map.of("profile", "strict", "operations", "create-a-conversation"));
        assertEquals(Verdict.CONFORMANT, clean.report().verdict(), clean.report().headline());
        assertTrue(clean.report().checks().stream().anyMatch(c -> c.checkId().equals(DocumentedPropertiesPresent.ID)
                && c.outcome() == Outcome.PASSED));
        Variant noMessages = Corpus.created((call, r) -> r.editJson(o -> o.remove("messages")));
        ConformanceRun.Result strict = Targets.run(noMessages, Map.of("profile", "strict", "operations", "create-a-conversation"));
        assertEquals(java.util.Set.of(DocumentedPropertiesPresent.ID), Targets.failedChecks(strict));
        assertTrue(strict.report().checks().stream().flatMap(c -> c.findings().stream())
                .anyMatch(g -> g.first().pointer().equals(java.util.Optional.of("/messages"))));
        ConformanceRun.Result spec = Targets.run(noMessages, Map.of("operations", "create-a-conversation"));
        assertEquals(Verdict.CONFORMANT, spec.report().verdict(), "the document makes no property required");
        assertTrue(spec.report().checks().stream().anyMatch(c -> c.checkId().equals(DocumentedPropertiesPresent.ID)
                && c.outcome() == Outcome.SKIPPED && c.skipReason().orElse("").contains("strict")));
    }

    private String waiverError(String yaml) throws Exception {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, yaml);
        Configuration configuration = Configuration.from(Settings.of(Map.of("waivers", file.toString(), "tries", "5")));
        return assertThrows(ConfigException.class, () -> configuration.run(Progress.SILENT).execute()).getMessage();
    }

    @Test
    void badWaiversStopTheRunWithOneMessage() throws Exception {
        assertTrue(waiverError("waivers:\n  - check: status_code_conformance\n    operation: create-a-conversation\n"
                + "    reason: old\n    expires: 2020-01-01\n").contains("expired on 2020-01-01"));
        assertTrue(waiverError("waivers: [unclosed").contains("does not parse as YAML"));
        assertTrue(waiverError("waivers:\n  - check: no_such_check\n    operation: create-a-conversation\n    reason: x\n")
                .contains("unknown check 'no_such_check'"));
        assertTrue(waiverError("waivers:\n  - check: transport\n    operation: create-a-conversation\n").contains("needs a 'reason'"));
        assertTrue(waiverError("nothing: here\n").contains("'waivers:'"));
        assertTrue(waiverError("waivers:\n  - check: transport\n    operation: create-a-conversation\n    reason: x\n"
                + "    cases: [positive, nobody]\n").contains("cases names 'nobody', not a kind of case; known: [positive, negative"));
        assertTrue(waiverError("waivers:\n  - check: transport\n    operation: create-a-conversation\n    reason: x\n"
                + "    cases: [[positive]]\n").contains("cases names '[\"positive\"]', not a kind of case"));
    }

    /** Unknown contacts answered 404: a waiver for that kind of case accepts it; one for other kinds does not. */
    @Test
    void aWaiverCoversOnlyTheKindsOfCaseItNames() throws Exception {
        Variant notFound = Corpus.on(conformance.reference.Outcome.UNKNOWN_CONTACT,
                (call, r) -> Reply.json(404, Json.NODES.objectNode().put("error", "Not Found")));
        Path file = dir.resolve("w.yaml");
        String waiver = "waivers:\n  - check: status_code_conformance\n    operation: create-a-conversation\n    status: 404\n"
                + "    reason: Rails answers RecordNotFound with 404\n    cases: ";
        Files.writeString(file, waiver + "unknown_contact\n");
        ConformanceRun.Result covered = Targets.run(notFound, Map.of("waivers", file.toString(), "operations", "create-a-conversation"));
        assertTrue(covered.report().headline().startsWith("CONFORMANT (with 1 waiver)"), covered.report().headline());
        Files.writeString(file, waiver + "[unknown-inbox, foreign_contact]\n");
        ConformanceRun.Result other = Targets.run(notFound, Map.of("waivers", file.toString(), "operations", "create-a-conversation"));
        assertEquals(java.util.Set.of(StatusCodeConformance.ID), Targets.failedChecks(other), other.report().headline());
        assertTrue(other.report().unusedWaivers().get(0).describe().contains("cases unknown_inbox, foreign_contact"));
        // the same 404 to every seventh valid request as well: the waiver for unknown contacts no longer covers it
        AtomicInteger created = new AtomicInteger();
        Variant alsoValid = (call, r) -> call.outcome() == conformance.reference.Outcome.CONVERSATION_CREATED
                && created.incrementAndGet() % 7 == 0 ? Reply.json(404, Json.NODES.objectNode().put("error", "Not Found"))
                : notFound.answer(call, r);
        Files.writeString(file, waiver + "[unknown_contact]\n");
        ConformanceRun.Result mixed = Targets.run(alsoValid, Map.of("waivers", file.toString(), "operations", "create-a-conversation"));
        assertTrue(mixed.report().checks().stream().anyMatch(c -> c.checkId().equals(StatusCodeConformance.ID)
                && c.outcome() == Outcome.FAILED), mixed.report().headline());
    }

    @Test
    void aWaivedFindingDoesNotFailTheRunAndAnUnusedWaiverIsReported() throws Exception {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, "waivers:\n"
                + "  - check: response_schema_conformance\n    operation: create-a-conversation\n    pointer: /status\n"
                + "    reason: our server says closed\n"
                + "  - check: transport\n    operation: create-a-conversation\n    reason: never needed\n");
        ConformanceRun.Result r = Targets.run(Corpus.created((call, rep) -> rep.editJson(o -> o.put("status", "closed"))),
                Map.of("waivers", file.toString()));
        assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
        assertTrue(r.report().headline().startsWith("CONFORMANT (with 1 waiver)"), r.report().headline());
        assertTrue(r.report().checks().stream().anyMatch(c -> c.checkId().equals(ResponseSchemaConformance.ID)
                && c.outcome() == Outcome.WAIVED && c.waiver().orElse("").contains("our server says closed")));
        assertEquals(1, r.report().unusedWaivers().size());
        assertEquals("transport", r.report().unusedWaivers().get(0).check());
    }
}
