package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.ResponseSchemaConformance;
import conformance.checks.TransportCheck;
import conformance.config.Secret;
import conformance.generation.Json;
import conformance.reference.Inbox;
import conformance.reference.Outcome;
import conformance.reference.ReferenceTarget;
import conformance.reference.Reply;
import conformance.reference.Variant;
import conformance.report.ExchangeLog;
import conformance.report.ReportWriter;
import conformance.selftest.faults.RawFaults;
import conformance.selftest.faults.RawHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs in a JVM of their own, as users start them: with a small heap against bodies far larger than it, stopped
 * with SIGTERM halfway, and with known secrets whose every output file and console line is then searched.
 */
@Tag("external")
class ForkedRunTest {
    @TempDir
    Path folder;

    @Test
    void aSmallHeapSurvivesFiftyMegabyteBodiesAndGzipBombs() {
        RawHttpServer.Behaviour huge = RawFaults.hugeBody(50L << 20);
        RawHttpServer.Behaviour bomb = RawFaults.gzipBombBody(100 << 20);
        AtomicInteger requests = new AtomicInteger();
        try (RawHttpServer target = new RawHttpServer((request, socket) ->
                (requests.incrementAndGet() % 2 == 0 ? bomb : huge).serve(request, socket))) {
            Path reports = folder.resolve("reports");
            Map<String, String> s = new HashMap<>();
            s.put("baseUrl", target.baseUrl().toString());
            s.put("inboxIdentifier", "inbox");
            s.put("contactIdentifier", "contact");
            s.put("tries", "2");
            s.put("operations", "create-a-conversation");
            s.put("reports", reports.toString());
            Forked run = Forked.start(s, folder.resolve("console.txt"), "-Xmx64m", Command.SHORT_LIVED_JVM);
            int exit = run.exitCode(180);
            assertFalse(run.console().contains("OutOfMemoryError"), run.console());
            assertEquals(1, exit, run.console());
            JsonNode summary = summary(reports);
            assertEquals("NON_CONFORMANT", summary.get("verdict").asString());
            assertTrue(findings(summary, TransportCheck.ID).stream().anyMatch(f -> f.contains("cut at 1048576 bytes")),
                    summary.toString());
            assertTrue(requests.get() >= 20, "both kinds of answer were met many times: " + requests.get());
        }
    }

    @Test
    void aRunStoppedWithSigtermHalfwayLeavesAnInconclusiveSummaryWithItsFindings() throws Exception {
        Variant slowAndWrong = (call, reply) -> {
            if (call.outcome() != Outcome.CONVERSATION_CREATED) {
                return reply;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reply.editJson(o -> o.put("status", "closed"));
        };
        Path reports = folder.resolve("reports");
        try (ReferenceTarget target = ReferenceTarget.start(slowAndWrong)) {
            Map<String, String> s = Targets.settingsFor(target);
            // the slow, wrong operation and its fixture: the whole API's fixtures for 1000 tries would come first
            s.put("operations", "create-a-conversation");
            s.put("tries", "1000");
            s.put("reports", reports.toString());
            Forked run = Forked.start(s, folder.resolve("console.txt"), Command.SHORT_LIVED_JVM);
            JsonNode before = awaitSummary(run, reports);
            List<String> findingsBefore = findings(before, ResponseSchemaConformance.ID);
            int exit = run.terminate(60);

            assertTrue(exit != 0, "a stopped run never exits as a pass: " + exit);
            JsonNode after = summary(reports);
            assertEquals("INCONCLUSIVE", after.get("verdict").asString(), after.toString());
            assertTrue(after.get("reason").asString().contains("did not finish"), after.get("reason").asString());
            assertTrue(findings(after, ResponseSchemaConformance.ID).containsAll(findingsBefore), "every finding made before the kill");
            assertTrue(after.get("requests").asLong() >= before.get("requests").asLong());
            assertTrue(after.get("requests").asLong() < 1000, "stopped halfway: " + after.get("requests"));
            long logged = Files.readAllLines(reports.resolve(ExchangeLog.FILE)).stream().filter(l -> !l.isBlank()).count();
            assertTrue(logged >= before.get("requests").asLong(), "the exchange log kept " + logged + " exchanges");
            assertTrue(Files.readString(reports.resolve(ReportWriter.CERTIFICATE)).contains("INCONCLUSIVE"));
            String allure = allureResults(reports);
            assertTrue(allure.contains("\"status\":\"broken\"") && allure.contains(ResponseSchemaConformance.ID), allure);
            assertTrue(run.console().contains("[conformance] INCONCLUSIVE — "), run.console());
        }
    }

    @Test
    void noSecretReachesAnyReportFileOrTheConsole() throws IOException {
        Set<String> secrets = ConcurrentHashMap.newKeySet();
        String authorization = "Bearer sk-live-" + Long.toHexString(System.nanoTime());
        String apiAccessToken = "tok-" + Long.toHexString(System.nanoTime() * 31);
        secrets.add(authorization.substring("Bearer ".length()));
        secrets.add(apiAccessToken);
        Variant leaky = (call, reply) -> {
            call.payload().map(p -> p.get("identifier_hash")).filter(JsonNode::isString).ifPresent(h -> secrets.add(h.asString()));
            Reply out = reply.withHeader("Authorization", authorization).withHeader("api_access_token", apiAccessToken);
            if (call.outcome() == Outcome.CONTACT_CREATED) {
                secrets.add(reply.json().get("pubsub_token").asString());
                // a finding on contact creation puts its request, identifier_hash included, into every report
                return out.withHeader("Content-Type", "text/plain");
            }
            if (call.outcome() == Outcome.CONVERSATION_CREATED) {
                String pubsub = "ps-" + Long.toHexString(System.nanoTime());
                secrets.add(pubsub);
                return out.editJson(o -> {
                    o.put("status", "closed");
                    ((tools.jackson.databind.node.ObjectNode) o.get("contact")).put("pubsub_token", pubsub);
                });
            }
            return out;
        };
        Path reports = folder.resolve("reports");
        Forked run;
        try (ReferenceTarget target = ReferenceTarget.start(leaky)) {
            Inbox hmacInbox = target.inboxes().get(2);
            assertTrue(hmacInbox.hmacMandatory());
            secrets.add(hmacInbox.hmacToken());
            Map<String, String> s = new HashMap<>();
            s.put("baseUrl", target.baseUrl().toString());
            s.put("inboxIdentifier", hmacInbox.identifier());
            s.put("hmacToken", hmacInbox.hmacToken());
            s.put("tries", "20");
            s.put("reports", reports.toString());
            run = Forked.start(s, folder.resolve("console.txt"), Command.SHORT_LIVED_JVM);
            assertEquals(1, run.exitCode(180), run.console());
        }
        assertTrue(secrets.size() >= 6, "the run carried secrets to look for: " + secrets.size());
        JsonNode summary = summary(reports);
        assertEquals("NON_CONFORMANT", summary.get("verdict").asString(), "the contact was created with its hash: " + summary);
        assertTrue(summary.toString().contains(Secret.PLACEHOLDER) && summary.toString().contains("put back the value"),
                "the curl reproductions carry the placeholder and say how to fill it");
        Map<String, String> outputs = new HashMap<>();
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                outputs.put(reports.relativize(f).toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        outputs.put("console", run.console());
        assertTrue(outputs.keySet().containsAll(Set.of(ReportWriter.SUMMARY, ReportWriter.CERTIFICATE, ExchangeLog.FILE, "console")),
                outputs.keySet().toString());
        Set<String> leaks = new HashSet<>();
        outputs.forEach((file, text) -> secrets.forEach(secret -> {
            if (text.contains(secret)) {
                leaks.add(file + " holds " + secret.substring(0, 3) + "…");
            }
        }));
        assertEquals(Set.of(), leaks);
    }

    private static JsonNode awaitSummary(Forked run, Path reports) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && run.alive()) {
            Optional<JsonNode> s = readSummary(reports);
            if (s.isPresent() && s.get().path("requests").asLong() >= 30 && !findings(s.get(), ResponseSchemaConformance.ID).isEmpty()) {
                return s.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run wrote no checkpoint with findings: " + run.console());
    }

    private static Optional<JsonNode> readSummary(Path reports) {
        try {
            return Optional.of(Json.MAPPER.readTree(Files.readString(reports.resolve(ReportWriter.SUMMARY))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonNode summary(Path reports) {
        return readSummary(reports).orElseThrow(() -> new AssertionError("no readable summary in " + reports));
    }

    private static List<String> findings(JsonNode summary, String checkId) {
        return summary.get("checks").valueStream().filter(c -> c.get("id").asString().equals(checkId))
                .flatMap(c -> c.get("findings").valueStream()).map(f -> f.get("message").asString()).toList();
    }

    private static String allureResults(Path reports) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(reports.resolve("allure-results"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }
}
