package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import conformance.Launch;
import conformance.checks.AnExchange;
import conformance.config.Settings;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.exchange.TransportFailure;
import conformance.generation.Json;
import conformance.reference.Inbox;
import conformance.reference.ReferenceTarget;
import conformance.reference.Variant;
import conformance.report.HarLog;
import conformance.run.ConformanceRun;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code exchanges.har}: valid HAR 1.2, every exchange of the run with its case, checks and findings, no secret, capped. */
class HarTest {
    private static final Path REPORTS = Path.of("target", "selftest-har");

    private static Schema har12() throws Exception {
        try (InputStream in = HarTest.class.getResourceAsStream("/har-1.2.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(Json.MAPPER.readTree(in));
        }
    }

    private static JsonNode validHar(Path file) throws Exception {
        JsonNode har = Json.MAPPER.readTree(Files.readString(file));
        List<Error> errors = har12().validate(har);
        assertTrue(errors.isEmpty(), "HAR 1.2: " + errors);
        return har;
    }

    private static List<JsonNode> entries(JsonNode har) {
        return StreamSupport.stream(har.get("log").get("entries").spliterator(), false).toList();
    }

    @Test
    void aShortRunsHarIsValidHar12AndHoldsEveryExchangeWithItsChecksAndFindingsAndNoSecret() throws Exception {
        // a fault the checks find: every contact fetched comes back as text
        Variant textContacts = (call, reply) -> "get-details-of-a-contact".equals(call.operation())
                ? reply.withHeader("Content-Type", "text/plain") : reply;
        Path reports = REPORTS.resolve("run");
        try (ReferenceTarget target = ReferenceTarget.start(textContacts)) {
            // the inbox that requires an identifier_hash, so the run holds its HMAC token and hashes made with it
            Inbox hmac = target.inboxes().stream().filter(Inbox::hmacMandatory).findFirst().orElseThrow();
            Map<String, String> s = Targets.settingsFor(target);
            s.putAll(Map.of("inboxIdentifier", hmac.identifier(), "hmacToken", hmac.hmacToken(), "tries", "3",
                    "reports", reports.toString()));
            ConformanceRun.Result r = Launch.run(Settings.of(s), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8)).result().orElseThrow();
            String text = Files.readString(reports.resolve(HarLog.FILE));
            JsonNode har = validHar(reports.resolve(HarLog.FILE));
            List<JsonNode> entries = entries(har);
            assertEquals(r.report().requests(), entries.size(), "one entry per request of the run");
            assertEquals("every exchange of the run: " + entries.size(), har.get("log").get("comment").asString());
            assertFalse(text.contains(hmac.hmacToken()), "the HMAC token is nowhere in the HAR");
            assertTrue(entries.stream().anyMatch(e -> e.get("request").path("postData").path("text").asString()
                    .contains("\"identifier_hash\":\"<redacted>\"")), "the identifier hashes it made are redacted");
            for (JsonNode e : entries) {
                JsonNode c = e.get("_conformance");
                assertTrue(c.get("case").isNumber() && !c.get("operation").asString().isEmpty() && !c.get("label").asString().isEmpty(), c.toString());
                assertTrue(!c.get("judged").asBoolean() || !c.get("checks").isEmpty(), "a judged exchange names its checks: " + c);
            }
            assertTrue(entries.stream().map(e -> e.get("_conformance")).anyMatch(c -> "get-details-of-a-contact".equals(c.get("operation").asString())
                    && StreamSupport.stream(c.get("findings").spliterator(), false)
                    .anyMatch(f -> "content_type_conformance".equals(f.get("check").asString()) && !f.get("message").asString().isEmpty())),
                    "the entries of the faulty operation carry their findings");
        }
    }

    @Test
    void pastItsCapTheHarKeepsTheFirstEntriesAndTheFileAndTheConsoleSaySo() throws Exception {
        Path reports = REPORTS.resolve("capped");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConformanceRun.Result r = Launch.run(Settings.of(Map.of("tries", "1", "harMaxEntries", "3", "reports", reports.toString())),
                new PrintStream(console, true, StandardCharsets.UTF_8)).result().orElseThrow();
        JsonNode har = validHar(reports.resolve(HarLog.FILE));
        assertEquals(3, entries(har).size());
        assertEquals("capped: the first 3 of the run's " + r.report().requests() + " exchanges (conformance.harMaxEntries); "
                + "exchanges.ndjson has every one", har.get("log").get("comment").asString());
        String printed = console.toString(StandardCharsets.UTF_8);
        String notice = "[conformance] exchanges.har holds the first 3 exchanges (conformance.harMaxEntries); exchanges.ndjson has every one";
        assertEquals(1, printed.lines().filter(notice::equals).count(), printed);
    }

    @Test
    void aRequestThatGotNoAnswerIsAValidEntryWithStatusZeroAndItsFailure() throws Exception {
        Path folder = REPORTS.resolve("failure");
        Redactor redactor = new Redactor();
        try (HarLog har = new HarLog(folder, redactor, 10, notice -> { })) {
            Exchange refused = AnExchange.positive().failed(TransportFailure.Kind.CONNECTION_REFUSED, "refused").build();
            har.accept(refused, redactor.redacted(refused), new ConformanceRun.Judged(true, List.of("transport"), List.of()));
        }
        JsonNode entry = entries(validHar(folder.resolve(HarLog.FILE))).get(0);
        assertEquals(0, entry.get("response").get("status").asInt());
        assertEquals("CONNECTION_REFUSED: refused", entry.get("_conformance").get("failure").asString());
    }
}
