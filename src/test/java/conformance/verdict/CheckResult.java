package conformance.verdict;

import conformance.checks.Skip;
import java.util.List;
import java.util.Optional;

/** One check on one operation: outcome, how many exchanges it judged, its findings, and why it was skipped or waived. */
public record CheckResult(String checkId, String operationId, Outcome outcome, long requests,
                         List<FindingGroup> findings, Optional<String> waiver, Optional<Skip> skip) {

    public Optional<String> skipReason() {
        return skip.map(Skip::reason);
    }

    /** Skipped because it could not run, not because it does not apply. */
    public boolean notRun() {
        return skip.filter(s -> s.kind() == Skip.Kind.NOT_RUN).isPresent();
    }
}
