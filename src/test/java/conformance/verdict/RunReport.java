package conformance.verdict;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything a run found out, decided; reporters only render it. {@code statistics}: a few lines on what was generated. */
public record RunReport(
        Verdict verdict,
        Optional<String> inconclusiveReason,
        String target,
        boolean embeddedTarget,
        String specPath,
        String specSha256,
        long seed,
        String profile,
        String suiteVersion,
        Instant startedAt,
        long durationMs,
        long requests,
        List<CheckResult> checks,
        String statistics) {

    public long failedChecks() {
        return checks.stream().filter(c -> c.outcome() == Outcome.FAILED).count();
    }

    public long waivedChecks() {
        return checks.stream().filter(c -> c.outcome() == Outcome.WAIVED).count();
    }

    /** The one line a person or a CI log reads first. */
    public String headline() {
        String v = verdict.name();
        if (verdict == Verdict.CONFORMANT && waivedChecks() > 0) {
            v += " (with " + waivedChecks() + " waiver" + (waivedChecks() == 1 ? "" : "s") + ")";
        }
        String detail = switch (verdict) {
            case INCONCLUSIVE -> inconclusiveReason.orElse("the run could not judge the target");
            case NON_CONFORMANT -> failedChecks() + " check" + (failedChecks() == 1 ? "" : "s") + " failed: "
                    + String.join(", ", checks.stream().filter(c -> c.outcome() == Outcome.FAILED)
                    .map(c -> c.checkId() + " (" + c.findings().stream().mapToInt(FindingGroup::occurrences).sum() + ")")
                    .distinct().toList());
            case CONFORMANT -> checks.stream().filter(c -> c.outcome() == Outcome.PASSED).count() + " checks passed";
        };
        return v + " — " + target + " — " + detail + " — " + requests + " requests, seed " + seed + ", " + durationMs + " ms";
    }
}
