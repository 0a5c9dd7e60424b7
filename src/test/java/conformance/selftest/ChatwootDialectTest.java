package conformance.selftest;

import conformance.Launch;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.checks.Finding;
import conformance.checks.NegativeDataRejection;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.StatusCodeConformance;
import conformance.config.Settings;
import conformance.contract.ContractLoader;
import conformance.exchange.Exchange;
import conformance.generation.Json;
import conformance.report.SummaryJson;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What a run against real Chatwoot will report, seen on the embedded target's Chatwoot dialect. */
class ChatwootDialectTest {
    static final String SHIPPED_WAIVERS = "waivers/chatwoot-known-deviations.yaml";

    private static ConformanceRun.Result run(Map<String, String> extra) {
        // not the project's reports/: its stored failing cases would be sent first
        Map<String, String> s = new HashMap<>(Map.of("reference", "chatwoot", "seed", "7", "reports",
                Path.of("target", "selftest-reports", "chatwoot").toString()));
        s.putAll(extra);
        return Configuration.from(Settings.of(s)).run(Progress.SILENT).execute();
    }

    @Test
    void withoutWaiversEveryFindingIsOneOfTheKnownDeviations() {
        ConformanceRun.Result r = run(Map.of());
        assertEquals(Verdict.NON_CONFORMANT, r.report().verdict(), r.report().headline());
        assertEquals(Set.of(StatusCodeConformance.ID, PositiveDataAcceptance.ID, NegativeDataRejection.ID),
                Targets.failedChecks(r), r.report().headline());
        Set<String> statusFindings = new TreeSet<>();
        for (CheckResult c : r.report().checks()) {
            for (FindingGroup g : c.findings()) {
                String m = g.first().message();
                switch (c.checkId()) {
                    case StatusCodeConformance.ID -> statusFindings.add(m.contains("never observed") ? "401 never observed"
                            : String.valueOf(g.first().status()));
                    case PositiveDataAcceptance.ID -> assertEquals(422, g.first().status(), m);
                    case NegativeDataRejection.ID -> assertEquals(200, g.first().status(), m);
                    default -> throw new AssertionError("unexpected finding " + c.checkId() + ": " + m);
                }
            }
        }
        assertEquals(Set.of("400", "404", "422", "401 never observed"), statusFindings);
        CheckResult schema = r.report().checks().stream()
                .filter(c -> c.checkId().equals(ResponseSchemaConformance.ID) && c.operationId().equals("create-a-conversation"))
                .findFirst().orElseThrow();
        assertEquals(Outcome.PASSED, schema.outcome(), "the 200 bodies conform");
    }

    /**
     * Chatwoot answers 422 for a top-level custom attribute string over 1500 characters and for an integer above
     * 9,999,999,999, with a message of each: two causes, so two findings per check, each shrunk to a case that still
     * fails for its own cause (never a case of the other one).
     */
    @Test
    void the422ForALongStringAndForABigIntegerAreTwoFindingsEachShrunkToItsOwnCause() {
        ConformanceRun.Result r = run(Map.of());
        for (String check : List.of(StatusCodeConformance.ID, PositiveDataAcceptance.ID)) {
            List<Finding> unprocessable = r.report().checks().stream().filter(c -> c.checkId().equals(check))
                    .flatMap(c -> c.findings().stream()).map(FindingGroup::first).filter(f -> f.status() == 422).toList();
            assertEquals(2, unprocessable.size(), check + ": " + unprocessable.stream().map(Finding::signature).toList());
            Set<String> causes = new TreeSet<>();
            for (Finding f : unprocessable) {
                String cause = cause(f.exchange());
                Exchange shrunk = f.shrunk().orElseThrow(() -> new AssertionError("not shrunk: " + f.signature()));
                assertEquals(cause, cause(shrunk), check + " shrank into another cause: " + new String(shrunk.request().body(), UTF_8));
                JsonNode attributes = Json.MAPPER.readTree(shrunk.request().body()).get("custom_attributes");
                assertTrue(shrunk.request().body().length < f.exchange().request().body().length);
                // a shrink cut short by its time budget (a loaded machine) says so instead of claiming a minimal case
                Finding.Shrunk shrink = f.shrink().orElseThrow();
                assertTrue(!shrink.minimal() || attributes.size() == 1, "only the attribute that causes it is left: " + attributes);
                assertEquals(shrink.minimal(), !f.shrinkNote().orElseThrow().startsWith("not minimal"), f.shrinkNote().orElseThrow());
                assertTrue(attributes.properties().stream().map(Map.Entry::getValue).anyMatch(value -> cause.equals("length")
                        ? value.isString() && value.asString().length() > 1500
                        : value.isIntegralNumber() && value.asLong() > 9_999_999_999L), attributes.toString());
                causes.add(cause);
            }
            assertEquals(Set.of("length", "value"), causes, check);
        }
    }

    /** Which of Chatwoot's two 422 messages an answer gives: {@code length} (a long string) or {@code value} (a big integer). */
    private static String cause(Exchange e) {
        String answer = new String(e.response().orElseThrow().body(), UTF_8);
        boolean length = answer.contains("length should be < 1500");
        assertTrue(length != answer.contains("value should be < 9999999999"), answer);
        return length ? "length" : "value";
    }

    @Test
    void withTheShippedWaiversTheRunIsConformantWithEveryWaiverApplied() {
        ConformanceRun.Result r = run(Map.of("waivers", SHIPPED_WAIVERS));
        assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
        assertTrue(r.report().headline().startsWith("CONFORMANT (with 6 waivers)"), r.report().headline());
        assertEquals(0, r.report().unusedWaivers().size());
        String certificate = conformance.report.Certificate.render(r.report(), r.redactor());
        for (int n = 1; n <= 6; n++) {
            assertTrue(certificate.contains("waiver #" + n + " "), "certificate lists waiver #" + n);
        }
        JsonNode summary = SummaryJson.render(r.report(), r.redactor());
        JsonNode waivers = summary.get("waivers");
        assertEquals(6, waivers.size(), waivers.toString());
        for (int n = 1; n <= 6; n++) {
            JsonNode w = waivers.get(n - 1);
            assertEquals(n, w.get("index").asInt());
            assertTrue(w.get("check").isString() && w.get("operation").isString() && w.get("reason").isString(), w.toString());
            assertEquals("2027-12-31", w.get("expires").asString());
        }
        assertEquals("Custom attributes .* (length should be < 1500|value should be < 9999999999)",
                waivers.get(2).get("response").asString());
        for (JsonNode check : summary.get("checks")) {
            for (JsonNode f : check.get("findings")) {
                int index = f.get("waiverIndex").asInt();
                assertTrue(f.get("waiver").asString().startsWith("waiver #" + index + " ("), f.toString());
            }
        }
    }

    /** A response pattern is about one answer: a finding about the whole run has none, so it never matches one. */
    @Test
    void aResponsePatternDoesNotCoverAFindingAboutTheWholeRun(@TempDir Path dir) throws Exception {
        assertTrue(statusFindingsWithNeverObservedNarrowed(dir, "    response: .*\n").stream()
                .allMatch(g -> g.waiver().isEmpty() == g.first().message().contains("never observed")));
    }

    /** "401 never observed" is about the whole run: a waiver naming some kinds of case does not cover it. */
    @Test
    void aWaiverForSomeKindsOfCaseDoesNotCoverAFindingAboutTheWholeRun(@TempDir Path dir) throws Exception {
        assertTrue(statusFindingsWithNeverObservedNarrowed(dir, "    cases: [unknown_contact, unknown_inbox, foreign_contact]\n")
                .stream().anyMatch(g -> g.waiver().isEmpty() && g.first().message().contains("never observed")));
    }

    /**
     * The status_code_conformance findings of a run with the shipped waivers, the "never observed" one narrowed by
     * {@code narrowing} (lines added after its message); that check is the only one failing.
     */
    private static List<FindingGroup> statusFindingsWithNeverObservedNarrowed(Path dir, String narrowing) throws IOException {
        String neverObserved = "    message: never observed\n";
        String shipped = Files.readString(Path.of(SHIPPED_WAIVERS));
        String narrowed = shipped.replace(neverObserved, neverObserved + narrowing);
        assertNotEquals(shipped, narrowed);
        ConformanceRun.Result r = run(Map.of("waivers", Files.writeString(dir.resolve("narrowed.yaml"), narrowed).toString()));
        assertEquals(Set.of(StatusCodeConformance.ID), Targets.failedChecks(r), r.report().headline());
        return r.report().checks().stream().filter(c -> c.checkId().equals(StatusCodeConformance.ID))
                .flatMap(c -> c.findings().stream()).toList();
    }

    @Test
    void theSameSeedGivesTheSameCertificateApartFromTimesAndDurations() throws Exception {
        Map<String, String> settings = Map.of("tries", "60", "waivers", SHIPPED_WAIVERS);
        ConformanceRun.Result one = run(settings);
        ConformanceRun.Result other = run(settings);
        String first = normalized(one);
        assertEquals(first, normalized(other));
        assertEquals(SummaryJson.render(one.report(), one.redactor()).get("replay"),
                SummaryJson.render(other.report(), other.redactor()).get("replay"));
        String sha = ContractLoader.sha256(Files.readAllBytes(Path.of(SHIPPED_WAIVERS)));
        assertTrue(first.lines().findFirst().orElseThrow().startsWith("# Conformance certificate: CONFORMANT"), first);
        for (String row : List.of(" — http://127.0.0.1:PORT (embedded reference target, chatwoot dialect)\n", "| Tries | 60 |", "| Workers | 1 |",
                "| Timeout | 10s |", "| Rate limit | unlimited |", "| Dialect | chatwoot |",
                "| Waivers | `" + SHIPPED_WAIVERS + "` sha256 `" + sha + "` |", "| Stored failing cases | none stored for this target |",
                "| Git commit | ", "| CI run | ", "mvn -q verify -Pconformance -Dconformance.reference=chatwoot -Dconformance.tries=60 "
                        + "-Dconformance.workers=1 -Dconformance.timeout=10s -Dconformance.profile=spec -Dconformance.waivers="
                        + SHIPPED_WAIVERS + " -Dconformance.seed=7 -Dconformance.storedCases=false\n")) {
            assertTrue(first.contains(row), row + " in\n" + first);
        }
    }

    private static String normalized(ConformanceRun.Result r) {
        return conformance.report.Certificate.render(r.report(), r.redactor())
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
                .replaceAll("\\| Started \\|[^\\n]*", "| Started |")
                .replaceAll("\\| Duration \\|[^\\n]*", "| Duration |")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME")
                .replaceAll("Conformance suite run [0-9a-f-]+", "Conformance suite run RUN")
                .replaceAll("conformance-[0-9a-f]+-[0-9a-f]+-", "conformance-RUN-");
    }
}
