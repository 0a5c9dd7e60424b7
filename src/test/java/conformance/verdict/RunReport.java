package conformance.verdict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything a run found out, decided; reporters only render it. {@code operations}: what each operation of the run
 * got ({@link Coverage}); {@code statistics}: a few lines on what was generated; {@code replay}: the rest of what a
 * replay needs; {@code waited}: how the wait for the target went, when the run was asked to wait.
 */
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
        List<OperationCoverage> operations,
        List<Waiver> unusedWaivers,
        String statistics,
        Replay replay,
        Optional<Waited> waited) {

    /** The waivers that accepted at least one finding, each once, in the file's order. */
    public List<Waiver> appliedWaivers() {
        return applied(checks);
    }

    /** The waivers that accepted at least one finding of these results, each once, in the file's order. */
    public static List<Waiver> applied(List<CheckResult> results) {
        return results.stream().flatMap(c -> c.findings().stream()).flatMap(g -> g.waiver().stream()).distinct()
                .sorted(Comparator.comparingInt(Waiver::number)).toList();
    }

    /** Every waiver of the file, in its order: each one either accepted a finding or matched nothing. */
    public List<Waiver> waivers() {
        return Stream.concat(appliedWaivers().stream(), unusedWaivers.stream())
                .sorted(Comparator.comparingInt(Waiver::number)).toList();
    }

    /** The day the run started (UTC): what a waiver's expiry is measured against. */
    public LocalDate runDate() {
        return startedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The waivers that expire within {@link Waiver#EXPIRY_NOTICE_DAYS} days of the run, announced on every run. */
    public List<Waiver> expiringWaivers() {
        return waivers().stream().filter(w -> w.expiresWithinNotice(runDate()).isPresent()).toList();
    }

    /** {@code embedded} (the suite's own reference target) or {@code remote}: what a reader must not mistake. */
    public String targetKind() {
        return embeddedTarget ? "embedded" : "remote";
    }

    /** The target as the verdict line names it: an embedded one says so, with its dialect. */
    public String describedTarget() {
        return target + embeddedTargetName().map(name -> " (" + name + ")").orElse("");
    }

    /**
     * The embedded target named without its port, which changes from run to run while the target stays the same,
     * and with its dialect, which makes it another target; empty for a remote target.
     */
    public Optional<String> embeddedTargetName() {
        return embeddedTarget ? Optional.of("embedded reference target" + replay.dialect().map(d -> ", " + d + " dialect").orElse(""))
                : Optional.empty();
    }

    /** The checks that could not run, each once with its reason ({@code 1 not run: x (why)}); empty when all ran or do not apply. */
    public Optional<String> notRunSummary() {
        return notRunSummary(checks);
    }

    public static Optional<String> notRunSummary(List<CheckResult> checks) {
        List<String> notRun = checks.stream().filter(CheckResult::notRun)
                .map(c -> c.checkId() + " (" + c.skipReason().orElseThrow() + ")").distinct().toList();
        return notRun.isEmpty() ? Optional.empty() : Optional.of(notRun.size() + " not run: " + String.join(", ", notRun));
    }

    /**
     * The operations that could not be judged, each with why ({@code 1 operation could not be judged: x (why)});
     * empty when a valid request got a documented success on each.
     */
    public Optional<String> unjudgedSummary() {
        return unjudgedSummary(operations);
    }

    public static Optional<String> unjudgedSummary(List<OperationCoverage> operations) {
        List<String> unjudged = operations.stream().filter(o -> !o.judged())
                .map(o -> o.operationId() + " (" + o.unjudged().orElseThrow() + ")").toList();
        return unjudged.isEmpty() ? Optional.empty() : Optional.of(unjudged.size() + " operation"
                + (unjudged.size() == 1 ? "" : "s") + " could not be judged: " + String.join(", ", unjudged));
    }

    public long failedChecks() {
        return checks.stream().filter(c -> c.outcome() == Outcome.FAILED).count();
    }

    /**
     * The failed checks in catalog order, each with where it failed and how often (its findings no waiver accepted):
     * {@code 2 checks failed: status_code_conformance on 9 operations (219), negative_data_rejection on create-a-message (12)}.
     */
    private String failedSummary() {
        Map<String, List<CheckResult>> byCheck = checks.stream().filter(c -> c.outcome() == Outcome.FAILED)
                .collect(Collectors.groupingBy(CheckResult::checkId, LinkedHashMap::new, Collectors.toList()));
        return byCheck.size() + " check" + (byCheck.size() == 1 ? "" : "s") + " failed: " + byCheck.entrySet().stream()
                .map(e -> e.getKey() + " on " + (e.getValue().size() == 1 ? e.getValue().get(0).operationId()
                        : e.getValue().size() + " operations") + " (" + e.getValue().stream().flatMap(c -> c.findings().stream())
                        .filter(g -> g.waiver().isEmpty()).mapToInt(FindingGroup::occurrences).sum() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The one line a person or a CI log reads first. */
    public String headline() {
        String v = verdict.name();
        int waivers = appliedWaivers().size();
        if (verdict == Verdict.CONFORMANT && waivers > 0) {
            v += " (with " + waivers + " waiver" + (waivers == 1 ? "" : "s") + ")";
        }
        String detail = switch (verdict) {
            case INCONCLUSIVE -> inconclusiveReason.orElse("the run could not judge the target");
            case NON_CONFORMANT -> failedSummary() + notRunSummary().map(n -> "; " + n).orElse("")
                    + unjudgedSummary().map(u -> "; " + u).orElse("");
            case CONFORMANT -> checks.stream().filter(c -> c.outcome() == Outcome.PASSED).count() + " checks passed"
                    + notRunSummary().map(n -> ", " + n).orElse("");
        };
        return v + " — " + describedTarget() + " — " + detail + " — " + requests + " requests, seed " + seed + ", " + durationMs + " ms";
    }
}
