package conformance.selftest;

import conformance.chatwoot.ChatwootExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Launch;
import conformance.checks.Catalog;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.StatusCodeConformance;
import conformance.config.ConfigException;
import conformance.config.Settings;
import conformance.contract.Contract;
import conformance.generation.Json;
import conformance.reference.Reply;
import conformance.report.ReportWriter;
import conformance.run.ConformanceRun;
import conformance.verdict.Verdict;
import conformance.verdict.Waivers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What a waivers file tells the run beyond which findings it accepts: its errors, its expiry, its response patterns. */
class WaiversTest {
    @TempDir
    Path dir;

    private String loadError(String yaml) throws Exception {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, yaml);
        return assertThrows(ConfigException.class, () -> Waivers.load(file, new Waivers.Known(Launch.checkIds(),
                List.of(Contract.CREATE_CONVERSATION), new ChatwootExtension(null).caseKindIds()), LocalDate.now(ZoneOffset.UTC))).getMessage();
    }

    @Test
    void aYamlErrorNamesItsLineAndColumnOnOneLine() throws Exception {
        String message = loadError("waivers:\n  - check: transport\n    operation: create-a-conversation\n"
                + "    reason: [unclosed\n");
        assertTrue(message.contains("does not parse as YAML at line 5, column 1: "), message);
        assertFalse(message.contains("\n"), message);
        assertTrue(loadError("waivers:\n  - check: transport\n    operation: create-a-conversation\n    reason: x\n"
                + "    response: '(unclosed'\n").contains("response '(unclosed' is not a regular expression"));
    }

    /** Expiring in 14 days is announced (quiet run included); in 15 days is not yet. */
    @Test
    void aWaiverThatExpiresWithinTwoWeeksIsAnnouncedInConsoleSummaryAndCertificate() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, "waivers:\n"
                + "  - check: transport\n    operation: create-a-conversation\n    reason: soon\n    expires: " + today.plusDays(14) + "\n"
                + "  - check: transport\n    operation: create-a-conversation\n    reason: later\n    expires: " + today.plusDays(15) + "\n");
        Path reports = dir.resolve("reports");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Launch.run(Settings.of(Map.of("waivers", file.toString(), "tries", "5", "quiet", "true", "reports", reports.toString())),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        List<String> lines = console.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("[conformance] WARNING: waiver #1 (transport on create-a-conversation) expires in 14 days, on "
                + today.plusDays(14) + ": after that the run stops until it is renewed with a later 'expires' or removed", lines.get(0));
        assertTrue(lines.get(1).startsWith("[conformance] CONFORMANT"), lines.get(1));

        JsonNode expiring = Json.MAPPER.readTree(Files.readString(reports.resolve(ReportWriter.SUMMARY))).get("expiringWaivers");
        assertEquals(1, expiring.size(), expiring.toString());
        assertEquals(1, expiring.get(0).get("index").asInt());
        assertEquals(14, expiring.get(0).get("daysLeft").asInt());
        assertEquals(today.plusDays(14).toString(), expiring.get(0).get("expires").asString());
        String certificate = Files.readString(reports.resolve(ReportWriter.CERTIFICATE));
        assertTrue(certificate.contains("- **expires soon**: waiver #1 (transport on create-a-conversation) expires in 14 days"), certificate);
        assertFalse(certificate.contains("waiver #2 (transport on create-a-conversation) expires"), certificate);
    }

    private static ConformanceRun.Result unprocessable(String body) {
        return Targets.run(Corpus.every(5, (call, r) -> Reply.json(422, Json.MAPPER.readTree(body))),
                Map.of("waivers", ChatwootDialectTest.SHIPPED_WAIVERS));
    }

    /** The shipped 422 waivers name Chatwoot's message: the same status with another message is not waived. */
    @Test
    void theShipped422WaiversCoverChatwootsMessageAndNoOther422() {
        ConformanceRun.Result chatwoot = unprocessable(
                "{\"message\":\"Custom attributes notes length should be < 1500\",\"attributes\":[\"custom_attributes\"]}");
        assertEquals(Verdict.CONFORMANT, chatwoot.report().verdict(), chatwoot.report().headline());
        ConformanceRun.Result other = unprocessable(
                "{\"message\":\"Phone number should be in e164 format\",\"attributes\":[\"phone_number\"]}");
        assertEquals(Set.of(StatusCodeConformance.ID, PositiveDataAcceptance.ID), Targets.failedChecks(other),
                other.report().headline());
    }
}
