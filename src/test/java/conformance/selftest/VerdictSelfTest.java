package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.Catalog;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.verdict.Verdict;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every check fails on a target that breaks its rule and passes on the reference, which keeps them all. */
class VerdictSelfTest {

    static Stream<Corpus.Faulty> faulty() {
        return Corpus.faulty().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faulty")
    void aFaultyVariantIsFlaggedByItsCheck(Corpus.Faulty faulty) {
        ConformanceRun.Result r = Targets.run(faulty.variant(), faulty.settings());
        assertEquals(Verdict.NON_CONFORMANT, r.report().verdict(), r.report().headline());
        assertTrue(Targets.failedChecks(r).contains(faulty.expectedCheck()),
                "expected " + faulty.expectedCheck() + " among " + Targets.failedChecks(r));
    }

    @Test
    void theReferenceIsFlaggedByNoCheck() {
        ConformanceRun.Result r = Targets.run(Variant.CONFORMING, java.util.Map.of("profile", "strict"));
        assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
        assertEquals(Set.of(), Targets.failedChecks(r));
        r.report().checks().stream().filter(c -> c.operationId().equals("create-a-conversation"))
                .forEach(c -> assertEquals(conformance.verdict.Outcome.PASSED, c.outcome(), c.checkId()));
    }

    @Test
    void everyCheckOfTheCatalogHasAFaultyVariant() {
        assertEquals(Set.copyOf(Catalog.ids()), Corpus.faulty().stream().map(Corpus.Faulty::expectedCheck).collect(java.util.stream.Collectors.toSet()));
    }
}
