package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.verdict.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Concurrent workers change how fast a run goes, never what it reports (apart from order). */
class WorkersTest {

    private static List<String> outcomes(ConformanceRun.Result r) {
        return r.report().checks().stream().map(c -> c.checkId() + " " + c.operationId() + " " + c.outcome() + " " + c.requests())
                .toList();
    }

    private static Set<String> findings(ConformanceRun.Result r) {
        return r.report().checks().stream().map(CheckResult::findings).flatMap(List::stream)
                .map(g -> g.first().signature() + " ×" + g.occurrences()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void fourWorkersReportWhatOneWorkerReports() {
        Variant faulty = Corpus.created((call, r) -> r.editJson(o -> o.put("status", "closed")));
        for (Variant v : List.of(Variant.CONFORMING, faulty)) {
            ConformanceRun.Result one = Targets.run(v, Map.of("workers", "1"));
            ConformanceRun.Result four = Targets.run(v, Map.of("workers", "4"));
            assertEquals(one.report().verdict(), four.report().verdict());
            assertEquals(one.report().requests(), four.report().requests());
            assertEquals(outcomes(one), outcomes(four));
            assertEquals(findings(one), findings(four));
        }
    }
}
