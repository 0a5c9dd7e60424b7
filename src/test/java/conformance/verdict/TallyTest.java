package conformance.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.checks.Finding;
import conformance.checks.NotAServerError;
import conformance.checks.StatusCodeConformance;
import conformance.checks.AnExchange;
import conformance.exchange.Exchange;
import org.junit.jupiter.api.Test;

/** The count of distinct findings asked after every case is the number {@link Tally#distinct} lists. */
class TallyTest {
    private final Tally tally = new Tally();
    private final Exchange answered = AnExchange.positive().status(500).build();

    @Test
    void theDistinctCountIsHowManyDistinctFindingsAreKeptAcrossChecksAndOperations() {
        assertEquals(0, tally.distinctCount());
        tally.found(Finding.of(new NotAServerError(), answered, "status 500"));
        tally.found(Finding.of(new NotAServerError(), answered, "status 500"));
        tally.found(Finding.of(new StatusCodeConformance(), answered, "status 500 is not documented"));
        assertEquals(2, tally.distinctCount(), "a repeat is counted once, a finding of another check apart");
        for (int i = 0; i < Tally.MAX_DISTINCT + 5; i++) {
            tally.found(Finding.of(new NotAServerError(), answered, "status 500, case " + i).at("/n" + i));
        }
        assertEquals(tally.distinct().size(), tally.distinctCount(), "past the cap, as many as are kept");
        assertEquals(Tally.MAX_DISTINCT + 1, tally.distinctCount());
    }
}
