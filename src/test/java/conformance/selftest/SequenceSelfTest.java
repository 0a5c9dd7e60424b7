package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stateful faults only a sequence of steps shows ({@link StatefulCorpus#awaitingSequences()}: a conversation that
 * cannot be fetched back, a list without the newest item, an update that does not stick, another contact's
 * conversation reachable, a resolve that is not kept) are each caught by the right check on the right operation by
 * the named sequences of a run with few cases and no walks. Faults of distinct operations share a run.
 */
class SequenceSelfTest {
    static Stream<FaultBatch> batches() {
        return FaultBatch.pack(StatefulCorpus.awaitingSequences(), f -> Map.of("tries", "2", "sequences", "0")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void eachFaultIsCaughtByItsCheckOnItsOperation(FaultBatch batch) {
        Set<Targets.Failure> failures = new Targets.Measured(Targets.run(batch.variant(), batch.settings()), Map.of()).failures();
        for (Corpus.Faulty faulty : batch.faults()) {
            assertTrue(failures.contains(faulty.expected()), faulty.name() + ": expected " + faulty.expected() + ", got " + failures);
        }
    }
}
