package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Launch;
import conformance.checks.Finding;
import conformance.config.Settings;
import conformance.generation.Json;
import conformance.reference.ReferenceTarget;
import conformance.report.ExchangeLog;
import conformance.report.ReportWriter;
import conformance.run.FailingCases;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A failing case is stored under the reports folder and is the first case of the next run against the same target. */
class FailingCasesSelfTest {
    @TempDir
    Path reports;

    private void launch(ReferenceTarget target, String seed) {
        launch(target, seed, Map.of());
    }

    private void launch(ReferenceTarget target, String seed, Map<String, String> extra) {
        Map<String, String> s = Targets.settingsFor(target);
        // the faults here are create-a-conversation's
        s.put("operations", "create-a-conversation");
        s.putAll(extra);
        s.put("reports", reports.toString());
        s.put("seed", seed);
        Launch.run(Settings.of(s), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private JsonNode read(String file) throws Exception {
        return Json.MAPPER.readTree(Files.readString(reports.resolve(file)));
    }

    /** The first exchange of the run after the contacts it created. */
    private JsonNode firstCase() throws Exception {
        return Files.readAllLines(reports.resolve(ExchangeLog.FILE)).stream().map(Json.MAPPER::readTree)
                .filter(line -> !line.get("intent").asString().equals("FIXTURE")).findFirst().orElseThrow();
    }

    /**
     * Against the embedded target, the cases are stored under its dialect, not its random port, so the next run
     * replays them; every distinct finding keeps its case (today's chatwoot dialect shows about twenty).
     */
    @Test
    void theEmbeddedTargetsCasesAreKeyedByDialectOnePerDistinctFindingAndReplayed() throws Exception {
        Map<String, String> s = Map.of("reference", "chatwoot", "reports", reports.toString(), "seed", "7",
                "operations", "create-a-conversation");
        Launch.Outcome first = Launch.run(Settings.of(s), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        JsonNode file = read(FailingCases.FILE);
        assertEquals(List.of("embedded:chatwoot"), List.copyOf(file.propertyNames()), file.toString());
        Set<String> stored = new HashSet<>();
        file.path("embedded:chatwoot").path("create-a-conversation").forEach(c -> stored.add(c.get("body").asString()));
        List<Finding> distinct = first.result().orElseThrow().report().checks().stream()
                .filter(c -> c.outcome() == Outcome.FAILED).flatMap(c -> c.findings().stream())
                .map(FindingGroup::first).filter(f -> f.exchange().kase().intent().name().matches("POSITIVE|NEGATIVE"))
                .toList();
        assertTrue(distinct.size() > 10, distinct.size() + " distinct findings");
        for (Finding f : distinct) {
            String body = Base64.getEncoder().encodeToString(f.shrunk().orElse(f.exchange()).kase().body());
            assertTrue(stored.contains(body), "no stored case for " + f.signature());
        }

        Launch.run(Settings.of(Map.of("reference", "chatwoot", "reports", reports.toString(), "seed", "8",
                        "operations", "create-a-conversation")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(firstCase().get("label").asString().endsWith(" (stored failing case)"), firstCase().toString());
    }

    @Test
    void aFailingCaseIsStoredAndSentFirstByTheNextRunUntilTheTargetIsFixed() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        try (ReferenceTarget target = ReferenceTarget.start(PropertyEngineSelfTest.serverErrorWhen(
                a -> broken.get() && AttributeFaults.nonAsciiLetterInAKey(a)))) {
            String key = target.baseUrl().toString();
            launch(target, "1");
            assertEquals("NON_CONFORMANT", read(ReportWriter.SUMMARY).get("verdict").asString());
            String certificate = Files.readString(reports.resolve(ReportWriter.CERTIFICATE));
            assertTrue(certificate.contains("original body") && certificate.contains("shrunk to")
                    && certificate.contains("## Generated cases"), certificate);
            JsonNode stored = read(FailingCases.FILE).path(key).path("create-a-conversation");
            assertFalse(stored.isEmpty(), read(FailingCases.FILE).toString());
            String storedBody = new String(Base64.getDecoder().decode(stored.get(0).get("body").asString()), StandardCharsets.UTF_8);

            launch(target, "2");
            JsonNode first = firstCase();
            assertEquals(0, first.get("case").asLong());
            assertTrue(first.get("label").asString().endsWith(" (stored failing case)"), first.toString());
            assertTrue(first.get("request").asString().endsWith("\n\n" + storedBody), first + " vs " + storedBody);
            assertEquals(500, first.get("status").asInt());

            broken.set(false);
            launch(target, "3");
            assertEquals("CONFORMANT", read(ReportWriter.SUMMARY).get("verdict").asString());
            assertFalse(read(FailingCases.FILE).has(key), "a fixed target keeps no stored cases");
        }
    }

    @Test
    void storedCasesFalseSendsNoStoredCaseForAPureSeedReplay() throws Exception {
        try (ReferenceTarget target = ReferenceTarget.start(PropertyEngineSelfTest.serverErrorWhen(AttributeFaults::nonAsciiLetterInAKey))) {
            launch(target, "1");
            launch(target, "2", Map.of("storedCases", "false"));
            assertFalse(firstCase().get("label").asString().endsWith(" (stored failing case)"), firstCase().toString());
            JsonNode replay = read(ReportWriter.SUMMARY).get("replay");
            assertFalse(replay.get("storedCases").asBoolean(), replay.toString());
            assertEquals(0, replay.get("storedCasesSent").asInt(), replay.toString());
            assertTrue(replay.get("command").asString().endsWith(" -Dconformance.seed=2 -Dconformance.storedCases=false"), replay.toString());

            launch(target, "2");
            assertTrue(firstCase().get("label").asString().endsWith(" (stored failing case)"), firstCase().toString());
            assertTrue(read(ReportWriter.SUMMARY).get("replay").get("storedCasesSent").asInt() > 0);
        }
    }
}
