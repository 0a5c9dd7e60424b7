package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.StatusCodeConformance;
import conformance.contract.ContractLoader;
import conformance.report.ReportWriter;
import conformance.report.SummaryJson;
import conformance.run.ConformanceRun;
import conformance.run.FailingCases;
import conformance.selftest.ChatwootDialectTest.Deviation;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the shipped waivers (waivers/chatwoot-known-deviations.yaml) must not do: cover faults of the document dialect
 * next to the deviations they accept, or a finding about the whole run through a narrowed waiver; and a waived run
 * replays to the same certificate. Small runs (few tries): these need fixed cases only.
 */
class ShippedWaiversTest {
    private static final String WAIVERS = ChatwootDialectTest.SHIPPED_WAIVERS;
    private static final String FEW_TRIES = "20";

    /**
     * The waivers name Chatwoot's answers, not whole checks: a 500 for an unknown inbox (Chatwoot's 500 is for a
     * non-blank identifier_hash only), and a contact body with a number or a boolean as email or phone number
     * (Chatwoot's 422) accepted, still fail their check with exactly those findings.
     */
    @Test
    void theShippedWaiversDoNotCoverFaultsOfTheDocumentDialectBesideTheDeviations() {
        Map<String, Corpus.Faulty> byName = OperationCorpus.faulty().stream()
                .collect(Collectors.toMap(Corpus.Faulty::name, Function.identity()));
        Map<String, Pattern> unwaivedFinding = Map.of(
                "create-a-contact: 500 for every request it must reject", Pattern.compile("server error 500 for unknown inbox identifier"),
                "update-a-contact: accepts a body that breaks its schema", Pattern.compile("type: /(email|phone_number) as (integer|number|boolean) "));
        unwaivedFinding.forEach((name, finding) -> {
            Corpus.Faulty fault = byName.get(name);
            ConformanceRun.Result r = Targets.run(fault.variant().get(), Map.of("waivers", WAIVERS, "tries", FEW_TRIES));
            assertEquals(Verdict.NON_CONFORMANT, r.report().verdict(), name + ": " + r.report().headline());
            Deviation broken = new Deviation(fault.expectedCheck(), fault.operation());
            List<String> unwaived = r.report().checks().stream().filter(c -> new Deviation(c.checkId(), c.operationId()).equals(broken))
                    .flatMap(c -> c.findings().stream()).filter(g -> g.waiver().isEmpty()).map(g -> g.first().message()).toList();
            assertTrue(unwaived.stream().anyMatch(m -> finding.matcher(m).find()), name + ": " + unwaived);
        });
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
     * The status_code_conformance findings on create-a-conversation of a run with the shipped waivers, its "never
     * observed" waiver narrowed by {@code narrowing} (lines added after its message); that check there is the only one
     * failing.
     */
    private static List<FindingGroup> statusFindingsWithNeverObservedNarrowed(Path dir, String narrowing) throws IOException {
        String neverObserved = "    operation: create-a-conversation\n    message: never observed\n";
        String shipped = Files.readString(Path.of(WAIVERS));
        String narrowed = shipped.replace(neverObserved, neverObserved + narrowing);
        assertNotEquals(shipped, narrowed);
        ConformanceRun.Result r = ChatwootDialectTest.embedded(Map.of("tries", FEW_TRIES,
                "waivers", Files.writeString(dir.resolve("narrowed.yaml"), narrowed).toString()));
        Deviation narrowedOne = new Deviation(StatusCodeConformance.ID, "create-a-conversation");
        assertEquals(Set.of(narrowedOne), ChatwootDialectTest.with(r, Outcome.FAILED), r.report().headline());
        return r.report().checks().stream().filter(c -> new Deviation(c.checkId(), c.operationId()).equals(narrowedOne))
                .flatMap(c -> c.findings().stream()).toList();
    }

    @Test
    void theSameSeedGivesTheSameCertificateApartFromTimesAndDurations() throws Exception {
        Map<String, String> settings = Map.of("tries", FEW_TRIES, "waivers", WAIVERS);
        ConformanceRun.Result one = ChatwootDialectTest.embedded(settings);
        ConformanceRun.Result other = ChatwootDialectTest.embedded(settings);
        String first = normalized(one);
        assertEquals(first, normalized(other));
        assertEquals(SummaryJson.render(one.report(), one.redactor()).get("replay"),
                SummaryJson.render(other.report(), other.redactor()).get("replay"));
        String sha = ContractLoader.sha256(Files.readAllBytes(Path.of(WAIVERS)));
        assertTrue(first.lines().findFirst().orElseThrow().startsWith("# Conformance certificate: CONFORMANT"), first);
        for (String row : List.of(" — http://127.0.0.1:PORT (embedded reference target, chatwoot dialect)\n", "| Tries | 20 |", "| Workers | 1 |",
                "| Timeout | 10s |", "| Rate limit | unlimited |", "| Dialect | chatwoot |",
                "| Waivers | `" + WAIVERS + "` sha256 `" + sha + "` |", "| Stored failing cases | none stored for this target |",
                "| Git commit | ", "| CI run | ", "mvn -q verify -Pconformance -Dconformance.reference=chatwoot -Dconformance.tries=20 "
                        + "-Dconformance.workers=1 -Dconformance.timeout=10s -Dconformance.profile=spec -Dconformance.waivers="
                        + WAIVERS + " -Dconformance.seed=7 -Dconformance.storedCases=false\n")) {
            assertTrue(first.contains(row), row + " in\n" + first);
        }
    }

    /**
     * The failing cases an unwaived run stores are sent first by the next run: their findings name them as their first
     * run did, so the waivers that cover those cover these, and stored again they are not marked twice.
     */
    @Test
    void aWaivedRunAfterAnUnwaivedOneSendsItsStoredFailingCasesFirstAndStaysConformant(@TempDir Path dir) throws Exception {
        ConformanceRun.Result unwaived = ChatwootDialectTest.embedded(Map.of("tries", FEW_TRIES, "reports", dir.toString()));
        assertEquals(Verdict.NON_CONFORMANT, unwaived.report().verdict(), unwaived.report().headline());
        new ReportWriter(dir).finish(unwaived);
        ConformanceRun.Result waived = ChatwootDialectTest.embedded(Map.of("tries", FEW_TRIES, "reports", dir.toString(), "waivers", WAIVERS));
        assertTrue(waived.report().replay().storedCases().sent() > 0, "the stored failing cases went first");
        assertEquals(Verdict.CONFORMANT, waived.report().verdict(), waived.report().headline());
        new ReportWriter(dir).finish(waived);
        String stored = Files.readString(dir.resolve(FailingCases.FILE));
        assertFalse(stored.contains("stored failing case"), "stored again under their first labels: " + stored);
    }

    private static String normalized(ConformanceRun.Result r) {
        return conformance.report.Certificate.render(r.report(), r.redactor())
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
                .replaceAll("\\| Started \\|[^\\n]*", "| Started |")
                .replaceAll("\\| Duration \\|[^\\n]*", "| Duration |")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME")
                // the Unix seconds of message and last-seen times, in the bodies of waived findings
                .replaceAll("\"(\\w+_at)\":\\d{10}", "\"$1\":TIME")
                .replaceAll("Conformance suite run [0-9a-f-]+", "Conformance suite run RUN")
                .replaceAll("conformance-[0-9a-f]+-[0-9a-f]+-", "conformance-RUN-");
    }
}
