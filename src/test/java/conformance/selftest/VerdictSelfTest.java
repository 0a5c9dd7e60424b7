package conformance.selftest;

import conformance.Launch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.Catalog;
import conformance.config.RunConfig;
import conformance.generation.Intent;
import conformance.verdict.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accuracy of the verdict, measured: every faulty variant is flagged by exactly the checks its fault breaks, no
 * conforming variant is flagged, and faults only generated values show are found with every seed. Writes
 * {@code target/self-tests/accuracy.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerdictSelfTest {
    static final Path TABLE = Path.of("target", "self-tests", "accuracy.md");
    static final int SWEEP_RUNS = 20;
    private static final Set<String> GENERATED_CASES = Set.of(Intent.POSITIVE.name(), Intent.NEGATIVE.name());

    private final List<AccuracyTable.Row> rows = Collections.synchronizedList(new ArrayList<>());
    private final List<AccuracyTable.Sweep> sweeps = Collections.synchronizedList(new ArrayList<>());

    Stream<Corpus.Faulty> faulty() {
        return Corpus.faulty().stream();
    }

    Stream<ConformingCorpus.Conforming> conforming() {
        return ConformingCorpus.all().stream();
    }

    Stream<Corpus.Faulty> generated() {
        return Corpus.faulty().stream().filter(Corpus.Faulty::generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faulty")
    void aFaultyVariantIsFlaggedByExactlyTheChecksItBreaks(Corpus.Faulty faulty) {
        Targets.Measured m = Targets.measure(faulty.variant().get(), s -> s.putAll(faulty.settings()));
        Verdict verdict = m.result().report().verdict();
        boolean met = verdict == Verdict.NON_CONFORMANT && m.failedChecks().equals(faulty.mustFail());
        Optional<Targets.FirstSeen> first = Optional.ofNullable(m.firstSeen().get(faulty.expectedCheck()));
        rows.add(new AccuracyTable.Row(faulty.name(), true, faulty.expectedCheck(), verdict.name(), m.failedChecks(), first, met));
        assertEquals(Verdict.NON_CONFORMANT, verdict, m.result().report().headline());
        assertEquals(faulty.mustFail(), m.failedChecks(), m.result().report().headline());
        if (faulty.generated()) {
            assertTrue(GENERATED_CASES.contains(first.orElseThrow().intent()),
                    "a fault only generated values show was first seen on a fixed request: " + first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conforming")
    void aConformingVariantIsFlaggedByNoCheck(ConformingCorpus.Conforming conforming) {
        Targets.Measured m = Targets.measure(conforming.variant().get(), s -> { });
        Verdict verdict = m.result().report().verdict();
        rows.add(new AccuracyTable.Row(conforming.name(), false, "CONFORMANT", verdict.name(), m.failedChecks(),
                Optional.empty(), verdict == Verdict.CONFORMANT));
        assertEquals(Verdict.CONFORMANT, verdict, m.result().report().headline());
        assertEquals(Set.of(), m.failedChecks());
    }

    /** Seeds far apart, fixed so that a failure replays; the default number of tries, as users run it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void aFaultOnlyGenerationShowsIsFoundWithEverySeed(Corpus.Faulty faulty) {
        List<Long> found = new ArrayList<>();
        List<Long> missed = new ArrayList<>();
        LongStream.range(0, SWEEP_RUNS).map(i -> Targets.SEED + i * 7_919_000_003L).forEach(seed ->
                Targets.untilDetected(faulty.variant().get(), faulty.expectedCheck(), s -> {
                    s.remove("tries");
                    s.put("seed", String.valueOf(seed));
                }).ifPresentOrElse(f -> found.add(f.request()), () -> missed.add(seed)));
        sweeps.add(new AccuracyTable.Sweep(faulty.name(), faulty.expectedCheck(), RunConfig.DEFAULT_TRIES, SWEEP_RUNS, found));
        assertEquals(List.of(), missed, "seeds with which the suite missed " + faulty.name());
    }

    @Test
    void theCorpusCoversEveryCheckAndIsLargeEnough() {
        Set<String> covered = Corpus.faulty().stream().map(Corpus.Faulty::expectedCheck)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Launch.checkIds()), covered);
        assertTrue(Corpus.faulty().size() >= 30, "faulty variants: " + Corpus.faulty().size());
        assertTrue(ConformingCorpus.all().size() >= 8, "conforming variants: " + ConformingCorpus.all().size());
    }

    @AfterAll
    void writeTheAccuracyTable() {
        AccuracyTable.write(TABLE, List.copyOf(rows), List.copyOf(sweeps), "seed " + Targets.SEED + ", " + Targets.TRIES
                + " tries per run; the seed sweeps use " + SWEEP_RUNS + " seeds and the default " + RunConfig.DEFAULT_TRIES
                + " tries, and stop at the first detection");
    }
}
