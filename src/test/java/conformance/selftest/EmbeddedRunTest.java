package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.verdict.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedRunTest {
    @Test
    void theEmbeddedReferenceIsConformant() {
        ConformanceRun.Result r = new ConformanceRun(RunConfig.from(Settings.of(Map.of("seed", "1"))), Progress.console(System.out)).execute();
        r.report().checks().forEach(c -> System.out.println(c.checkId() + " " + c.operationId() + " " + c.outcome() + " " + c.requests() + " " + c.findings().stream().map(g -> g.first().message()).toList()));
        System.out.println(r.report().headline());
        assertEquals(Verdict.CONFORMANT, r.report().verdict());
    }
}
