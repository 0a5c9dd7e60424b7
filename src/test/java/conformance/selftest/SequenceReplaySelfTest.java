package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.Launch;
import conformance.checks.EnsureResourceAvailability;
import conformance.checks.Finding;
import conformance.config.ConfigException;
import conformance.config.Settings;
import conformance.exchange.Exchange;
import conformance.reference.ReferenceTarget;
import conformance.reference.StatefulFaults;
import conformance.generation.Json;
import conformance.report.ReportWriter;
import conformance.run.ConformanceRun;
import conformance.run.FailingSequences;
import conformance.run.Progress;
import conformance.verdict.CheckResult;
import conformance.verdict.Outcome;
import conformance.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sequence finding is stored with its chain, and the chain replays: against a freshly started faulty variant (new
 * resources, new ids) the same check fails the same way on the same operation, against the conforming target it
 * passes. The fault is one only a sequence shows: a created conversation that cannot be fetched back.
 */
class SequenceReplaySelfTest {
    private static final Path REPORTS = Path.of("target", "sequence-replay-selftest");
    private static final String FETCH = "get-single-conversation";

    @BeforeEach
    void cleanReports() throws IOException {
        if (Files.exists(REPORTS)) {
            try (Stream<Path> files = Files.walk(REPORTS)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aStoredSequenceFindingFailsTheSameWayOnAFreshFaultyTargetAndPassesOnTheConformingOne() throws IOException {
        Finding found;
        try (ReferenceTarget faulty = ReferenceTarget.start(StatefulFaults.conversationNotFetchable())) {
            found = stored(faulty);
        }
        String id = found.chainId().orElseThrow();
        assertTrue(Files.readString(REPORTS.resolve(FailingSequences.FILE)).contains("\"" + id + "\""), "stored under " + id);

        List<Exchange> sent = new ArrayList<>();
        try (ReferenceTarget fresh = ReferenceTarget.start(StatefulFaults.conversationNotFetchable())) {
            ConformanceRun.Result replayed = run(fresh, Map.of("replay", id), sent);
            CheckResult again = availability(replayed);
            assertEquals(Outcome.FAILED, again.outcome(), again.toString());
            Finding same = again.findings().get(0).first();
            assertEquals(found.sameWayWithOtherIds(), same.sameWayWithOtherIds());
            assertEquals(Optional.of(id), same.chainId());
            assertEquals(Verdict.NON_CONFORMANT, replayed.report().verdict());
        }
        List<String> chain = SequenceShrinkingSelfTest.steps(found.shrunk().orElse(found.exchange()));
        assertTrue(sent.stream().allMatch(e -> chain.contains(e.operation().id())), "only the chain's operations: " + chain);
        assertTrue(sent.stream().noneMatch(e -> e.chain().isPresent() && !e.chain().get().sequence().equals(found.exchange().chain().get().sequence())),
                "no other sequence");

        try (ReferenceTarget conforming = ReferenceTarget.start()) {
            ConformanceRun.Result replayed = run(conforming, Map.of("replay", id), new ArrayList<>());
            assertEquals(Outcome.PASSED, availability(replayed).outcome());
            assertEquals(Verdict.CONFORMANT, replayed.report().verdict(), replayed.report().inconclusiveReason().orElse(""));
        }
    }

    @Test
    void theNextRunAgainstTheSameTargetSendsTheStoredSequenceFirst() {
        try (ReferenceTarget faulty = ReferenceTarget.start(StatefulFaults.conversationNotFetchable())) {
            List<String> stored = SequenceShrinkingSelfTest.steps(stored(faulty).shrunk().orElseThrow());
            List<Exchange> second = new ArrayList<>();
            run(faulty, Map.of(), second);
            assertEquals(stored, firstSequence(second));
            List<Exchange> pure = new ArrayList<>();
            run(faulty, Map.of("storedCases", "false"), pure);
            assertNotEquals(stored, firstSequence(pure), "without stored cases the run's own sequences come first");
        }
    }

    @Test
    void anUnknownIdStopsTheRunBeforeAnyRequestNamingTheStoredOnes() {
        try (ReferenceTarget faulty = ReferenceTarget.start(StatefulFaults.conversationNotFetchable())) {
            String known = stored(faulty).chainId().orElseThrow();
            List<Exchange> sent = new ArrayList<>();
            ConfigException e = assertThrows(ConfigException.class, () -> run(faulty, Map.of("replay", "seq-nosuchone"), sent));
            assertTrue(e.getMessage().startsWith(Settings.name("replay") + ": no stored sequence finding 'seq-nosuchone'"), e.getMessage());
            assertTrue(e.getMessage().contains(known), e.getMessage());
            assertEquals(List.of(), sent);
        }
    }

    @Test
    void anUnknownIdThroughTheRunCommandIsOneLineAndAnInconclusiveSummary() throws IOException {
        try (ReferenceTarget faulty = ReferenceTarget.start(StatefulFaults.conversationNotFetchable())) {
            String known = stored(faulty).chainId().orElseThrow();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Map<String, String> s = new HashMap<>(Targets.settingsFor(faulty));
            s.putAll(Map.of("reports", REPORTS.toString(), "replay", "seq-nosuchone"));
            Launch.Outcome o = Launch.run(Settings.of(s), new PrintStream(console, true, StandardCharsets.UTF_8));
            String out = console.toString(StandardCharsets.UTF_8).strip();
            assertEquals(1, out.lines().count(), out);
            assertTrue(out.startsWith("[conformance] INCONCLUSIVE — configuration: " + Settings.name("replay")
                    + ": no stored sequence finding 'seq-nosuchone'") && out.contains(known), out);
            assertFalse(out.contains("\tat "), "no trace on the console");
            assertTrue(o.result().isEmpty() && o.stopReason().isPresent(), "the run command fails on a stop reason");
            assertEquals("INCONCLUSIVE", Json.MAPPER.readTree(Files.readString(REPORTS.resolve(ReportWriter.SUMMARY)))
                    .get("verdict").asString());
            assertTrue(Files.readString(REPORTS.resolve(FailingSequences.FILE)).contains(known), "the stored chains are kept");
        }
    }

    /** A run whose reports (its failing sequences too) are written, as a launch writes them; its finding on the fetch. */
    private static Finding stored(ReferenceTarget faulty) {
        ConformanceRun.Result r = run(faulty, Map.of(), new ArrayList<>());
        new ReportWriter(REPORTS).finish(r);
        return availability(r).findings().get(0).first();
    }

    /** The operations of the first sequence sent: the steps up to the next root step. */
    private static List<String> firstSequence(List<Exchange> sent) {
        List<Exchange> steps = sent.stream().filter(e -> e.chain().isPresent()).toList();
        List<String> out = new ArrayList<>(List.of(steps.get(0).operation().id()));
        steps.stream().skip(1).takeWhile(e -> !e.chain().get().earlier().isEmpty()).forEach(e -> out.add(e.operation().id()));
        return out;
    }

    private static CheckResult availability(ConformanceRun.Result r) {
        return r.report().checks().stream().filter(c -> c.checkId().equals(EnsureResourceAvailability.ID) && c.operationId().equals(FETCH))
                .findFirst().orElseThrow();
    }

    /**
     * A run against {@code target} as a remote target, of the operations the named sequence that shows the fault
     * needs (create, resolve, fetch), with one case each and no walks, every exchange into {@code sent}.
     */
    private static ConformanceRun.Result run(ReferenceTarget target, Map<String, String> extra, List<Exchange> sent) {
        Map<String, String> s = new HashMap<>(Targets.settingsFor(target));
        s.putAll(Map.of("tries", "1", "sequences", "0", "reports", REPORTS.toString(),
                "operations", "create-a-contact,create-a-conversation,resolve-conversation," + FETCH));
        s.putAll(extra);
        return Configuration.from(Settings.of(s)).run(Progress.SILENT, (exchange, redactor) -> sent.add(exchange)).execute();
    }
}
