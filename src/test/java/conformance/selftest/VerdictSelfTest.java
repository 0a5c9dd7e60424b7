package conformance.selftest;

import conformance.Launch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.ContentTypeConformance;
import conformance.checks.NotAServerError;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.StatusCodeConformance;
import conformance.checks.UnknownIdentifierRejection;
import conformance.config.RunConfig;
import conformance.config.Selection;
import conformance.contract.Response;
import conformance.generation.Intent;
import conformance.reference.Variant;
import conformance.verdict.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accuracy of the verdict, measured over every operation: every faulty variant is flagged by exactly the checks
 * its fault breaks, on its operation and on no other; no conforming variant is flagged anywhere; and faults only
 * generated values show are found with every seed. Faults of distinct operations share a run ({@link FaultBatch}).
 * Each run has an embedded target of its own, so the runs go side by side. Writes {@code target/self-tests/accuracy.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class VerdictSelfTest {
    static final Path TABLE = Path.of("target", "self-tests", "accuracy.md");
    static final int SWEEP_RUNS = 20;
    /** Per operation: the faults show on the fixed cases and the first generated ones; those only generation shows get more. */
    static final int TRIES = 10;
    private static final Set<String> GENERATED_CASES = Set.of(Intent.POSITIVE.name(), Intent.NEGATIVE.name());
    private static final String EVERY_OPERATION = "every operation";
    /** The rules every operation has: each must be broken on each operation by some variant. */
    private static final List<String> GENERIC_RULES = List.of(StatusCodeConformance.ID, ContentTypeConformance.ID,
            ResponseSchemaConformance.ID, NotAServerError.ID, UnknownIdentifierRejection.ID);

    private final List<AccuracyTable.Row> rows = Collections.synchronizedList(new ArrayList<>());
    private final List<AccuracyTable.Sweep> sweeps = Collections.synchronizedList(new ArrayList<>());

    Stream<FaultBatch> batches() {
        return FaultBatch.pack(Corpus.everyOperation(), VerdictSelfTest::settings).stream();
    }

    Stream<ConformingCorpus.Conforming> conforming() {
        return ConformingCorpus.everyOperation().stream();
    }

    Stream<Corpus.Faulty> generated() {
        return Corpus.everyOperation().stream().filter(Corpus.Faulty::generated);
    }

    private static Map<String, String> settings(Corpus.Faulty faulty) {
        Map<String, String> s = new TreeMap<>(faulty.settings());
        s.put("tries", String.valueOf(faulty.generated() ? Targets.TRIES : TRIES));
        return s;
    }

    /**
     * What a batch's run selects: the operations its faults break (their fixtures come along, judged under their own
     * operations), since the assertions read those; and no random walks, which no fault here needs (the named sequences
     * still run). A batch whose faults also fail later steps on other operations runs every operation, so that the
     * named sequences that show those steps, which start at a created contact, are all sent.
     */
    private static Map<String, String> narrowed(FaultBatch batch) {
        Map<String, String> s = new TreeMap<>(batch.settings());
        s.put("sequences", "0");
        if (!batch.failsDownstream()) {
            s.put(Selection.OPERATIONS, String.join(",", batch.operations()));
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void faultyVariantsAreFlaggedByExactlyTheChecksTheyBreakOnTheirOperations(FaultBatch batch) {
        Map<String, String> settings = narrowed(batch);
        Set<Targets.Failure> ofTheReference = ofTheReference(batch, settings);
        assertEquals(Set.of(), intersection(ofTheReference, batch.mustFail()), "the reference itself fails what the faults must");
        Targets.Measured m = Targets.measure(batch.variant(), s -> s.putAll(settings));
        Verdict verdict = m.result().report().verdict();
        Set<Targets.Failure> failures = new TreeSet<>(m.failures());
        failures.removeAll(ofTheReference);
        List<String> missed = new ArrayList<>();
        for (Corpus.Faulty faulty : batch.faults()) {
            Set<Targets.Failure> got = batch.of(faulty, failures);
            Optional<Targets.FirstSeen> first = Optional.ofNullable(m.firstSeen().get(faulty.expected()));
            AccuracyTable.Row row = new AccuracyTable.Row(faulty.name(), faulty.operation(), true, faulty.expectedCheck(), verdict.name(),
                    got, first, verdict == Verdict.NON_CONFORMANT && got.equals(faulty.mustFail()));
            rows.add(row);
            if (!row.met()) {
                missed.add(faulty.name() + ": " + got);
            }
        }
        String headline = m.result().report().headline();
        assertEquals(Verdict.NON_CONFORMANT, verdict, headline);
        assertEquals(batch.mustFail(), failures, headline);
        // what the accuracy table says of each fault, which the batch's failures alone do not tell
        assertEquals(List.of(), missed, "faults whose own failures are not exactly theirs");
        batch.faults().stream().filter(Corpus.Faulty::generated).forEach(f -> assertTrue(
                GENERATED_CASES.contains(m.firstSeen().get(f.expected()).intent()),
                "a fault only generated values show was first seen on a fixed request: " + f.name()));
    }

    /**
     * What the reference itself fails with a fault's own settings: the strict profile asks for every documented
     * property, and the document dialect leaves optional ones out on some operations.
     */
    private static Set<Targets.Failure> ofTheReference(FaultBatch batch, Map<String, String> settings) {
        return batch.faults().get(0).settings().isEmpty() ? Set.of()
                : Targets.measure(Variant.CONFORMING, s -> s.putAll(settings)).failures();
    }

    private static Set<Targets.Failure> intersection(Set<Targets.Failure> a, Set<Targets.Failure> b) {
        Set<Targets.Failure> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conforming")
    void aConformingVariantIsFlaggedByNoCheckOnAnyOperation(ConformingCorpus.Conforming conforming) {
        Targets.Measured m = Targets.measure(conforming.variant().get(), s -> s.put("tries", String.valueOf(TRIES)));
        Verdict verdict = m.result().report().verdict();
        rows.add(new AccuracyTable.Row(conforming.name(), EVERY_OPERATION, false, "CONFORMANT", verdict.name(), m.failures(),
                Optional.empty(), verdict == Verdict.CONFORMANT));
        assertEquals(Verdict.CONFORMANT, verdict, m.result().report().headline());
        assertEquals(Set.of(), m.failures());
    }

    /** Seeds far apart, fixed so that a failure replays; the default number of tries per operation, as users run it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void aFaultOnlyGenerationShowsIsFoundWithEverySeed(Corpus.Faulty faulty) {
        List<Long> found = new ArrayList<>();
        List<Long> missed = new ArrayList<>();
        LongStream.range(0, SWEEP_RUNS).map(i -> Targets.SEED + i * 7_919_000_003L).forEach(seed ->
                Targets.untilDetected(faulty.variant().get(), faulty.expected(), s -> {
                    s.remove("tries");
                    s.put("seed", String.valueOf(seed));
                    // its operation alone (and the fixtures it needs): the others' requests would only come first
                    s.put(Selection.OPERATIONS, faulty.operation());
                }).ifPresentOrElse(f -> found.add(f.request()), () -> missed.add(seed)));
        sweeps.add(new AccuracyTable.Sweep(faulty.name(), faulty.operation(), faulty.expectedCheck(), RunConfig.DEFAULT_TRIES,
                SWEEP_RUNS, found));
        assertEquals(List.of(), missed, "seeds with which the suite missed " + faulty.name());
    }

    @Test
    void theCorpusCoversEveryCheckAndEveryGenericRuleOnEveryOperation() {
        // the faults only sequences show are proven by SequenceSelfTest
        Set<String> covered = Stream.concat(Corpus.everyOperation().stream(), StatefulCorpus.awaitingSequences().stream())
                .map(Corpus.Faulty::expectedCheck).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Launch.checkIds()), covered);
        Set<Targets.Failure> proven = Corpus.everyOperation().stream().map(Corpus.Faulty::expected).collect(Collectors.toSet());
        OperationCorpus.CONTRACT.operations().values().forEach(op -> GENERIC_RULES.stream()
                // a schema to break only where the operation documents a success body
                .filter(check -> !check.equals(ResponseSchemaConformance.ID) || op.success().flatMap(Response::schema).isPresent())
                .forEach(check -> assertTrue(proven.contains(new Targets.Failure(check, op.id())),
                        "no faulty variant breaks " + check + " on " + op.id())));
        assertTrue(ConformingCorpus.everyOperation().size() >= 8, "conforming variants: " + ConformingCorpus.everyOperation().size());
    }

    @AfterAll
    void writeTheAccuracyTable() {
        // in a stable order, whichever run ended first
        AccuracyTable.write(TABLE, rows.stream().sorted(Comparator.comparing(AccuracyTable.Row::operation)
                .thenComparing(AccuracyTable.Row::variant)).toList(),
                sweeps.stream().sorted(Comparator.comparing(AccuracyTable.Sweep::variant)).toList(), "seed " + Targets.SEED + ", " + TRIES
                + " tries per operation (" + Targets.TRIES + " for faults only generated values show), the faults of distinct "
                + "operations in one run of those operations alone (every operation where a fault fails later steps), the "
                + "conforming variants in runs of every operation with the random walks; the seed sweeps use " + SWEEP_RUNS + " seeds and the default " + RunConfig.DEFAULT_TRIES
                + " tries, and stop at the first detection");
    }
}
