package conformance.verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Run reports built in memory for the reporters' unit tests: what a test names, and for the rest one short run (seed
 * 7, the default document, no waivers, nothing stored), so a new field of the report changes this class alone.
 */
public final class Reports {
    private Reports() {
    }

    public static RunReport of(Verdict verdict, List<CheckResult> checks) {
        return of(verdict, verdict == Verdict.INCONCLUSIVE ? Optional.of("connection refused") : Optional.empty(),
                "http://127.0.0.1:1", false, checks);
    }

    /** An embedded target runs the document dialect. */
    public static RunReport of(Verdict verdict, Optional<String> reason, String target, boolean embedded,
                               List<CheckResult> checks) {
        return of(verdict, reason, target, embedded ? Optional.of("document") : Optional.empty(), checks);
    }

    /** A run against the embedded target in this dialect. */
    public static RunReport embedded(Verdict verdict, String dialect) {
        return of(verdict, Optional.empty(), "http://127.0.0.1:40123", Optional.of(dialect), List.of());
    }

    private static RunReport of(Verdict verdict, Optional<String> reason, String target, Optional<String> dialect,
                                List<CheckResult> checks) {
        Replay replay = new Replay(new Replay.Limits(1, 1, Duration.ofSeconds(1), OptionalDouble.empty()),
                dialect, Optional.empty(), new Replay.StoredCases(true, 0),
                new Replay.Provenance(Optional.empty(), Optional.empty()), new Replay.Command(List.of(), List.of()));
        return new RunReport(verdict, reason, target, dialect.isPresent(), "spec/client_swagger.json", "0".repeat(64), 7, "spec",
                "test", Instant.EPOCH, 1, 1, checks, List.of(), "", replay);
    }
}
