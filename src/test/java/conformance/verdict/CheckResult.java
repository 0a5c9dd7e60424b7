package conformance.verdict;

import java.util.List;
import java.util.Optional;

/** One check on one operation: outcome, how many exchanges it judged, its findings, and why it was skipped or waived. */
public record CheckResult(String checkId, String operationId, Outcome outcome, long requests,
                         List<FindingGroup> findings, Optional<String> waiver, Optional<String> skipReason) {
}
