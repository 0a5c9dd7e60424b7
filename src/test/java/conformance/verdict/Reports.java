package conformance.verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Run reports built in memory for the reporters' unit tests: what a test names, and for the rest one short run (seed
 * 7, the default document, no waivers, nothing stored, no operation's coverage), so a new field of the report changes
 * this class alone.
 */
public final class Reports {
    private Reports() {
    }

    public static RunReport of(Verdict verdict, List<CheckResult> checks) {
        return of(verdict, checks, List.of());
    }

    /** A run whose operations got this: its verdict and reason as {@link Decision} decides them. */
    public static RunReport of(List<CheckResult> checks, List<OperationCoverage> operations) {
        Decision d = Decision.of(Optional.empty(), checks, operations);
        return of(d.verdict(), d.inconclusiveReason(), "http://127.0.0.1:1", Optional.empty(), checks, operations);
    }

    public static RunReport of(Verdict verdict, List<CheckResult> checks, List<OperationCoverage> operations) {
        return of(verdict, verdict == Verdict.INCONCLUSIVE ? Optional.of("connection refused") : Optional.empty(),
                "http://127.0.0.1:1", Optional.empty(), checks, operations);
    }

    /** An embedded target runs the document dialect. */
    public static RunReport of(Verdict verdict, Optional<String> reason, String target, boolean embedded,
                               List<CheckResult> checks) {
        return of(verdict, reason, target, embedded ? Optional.of("document") : Optional.empty(), checks, List.of());
    }

    /** A run against the embedded target in this dialect. */
    public static RunReport embedded(Verdict verdict, String dialect) {
        return of(verdict, Optional.empty(), "http://127.0.0.1:40123", Optional.of(dialect), List.of(), List.of());
    }

    /** An operation whose valid requests got a documented success; {@code statuses}: status, count, status, count… */
    public static OperationCoverage judged(String operationId, List<String> documentedNeverSeen, long... statuses) {
        return new OperationCoverage(operationId, statuses(statuses), 0, documentedNeverSeen, Optional.empty());
    }

    /** An operation that could not be judged, for this reason. */
    public static OperationCoverage unjudged(String operationId, String why, long... statuses) {
        return new OperationCoverage(operationId, statuses(statuses), 0, List.of(), Optional.of(why));
    }

    private static TreeMap<Integer, Long> statuses(long... pairs) {
        TreeMap<Integer, Long> out = new TreeMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.put((int) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static RunReport of(Verdict verdict, Optional<String> reason, String target, Optional<String> dialect,
                                List<CheckResult> checks, List<OperationCoverage> operations) {
        Replay replay = new Replay(new Replay.Limits(1, 1, Duration.ofSeconds(1), OptionalDouble.empty()),
                dialect, Optional.empty(), new Replay.StoredCases(true, 0),
                new Replay.Provenance(Optional.empty(), Optional.empty()), new Replay.Command(List.of(), List.of()), "none");
        return new RunReport(verdict, reason, target, dialect.isPresent(), "spec/client_swagger.json", "0".repeat(64), 7, "spec",
                "test", Instant.EPOCH, 1, 1, checks, operations, List.of(), "", replay, Optional.empty());
    }
}
