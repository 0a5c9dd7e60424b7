package conformance.verdict;

import java.util.List;
import java.util.Optional;

/**
 * A run's verdict and, when it is INCONCLUSIVE, why. {@link Verdict#decide} on its checks first: a run that could
 * not judge stays INCONCLUSIVE and a failed check makes it NON_CONFORMANT (the target broke the document, whatever
 * went unreached); otherwise an operation that could not be judged keeps it from being CONFORMANT.
 */
public record Decision(Verdict verdict, Optional<String> inconclusiveReason) {

    public static Decision of(Optional<String> inconclusiveReason, List<CheckResult> checks, List<OperationCoverage> operations) {
        Verdict verdict = Verdict.decide(inconclusiveReason.isEmpty(), checks.stream().map(CheckResult::outcome).toList());
        Optional<String> unjudged = RunReport.unjudgedSummary(operations);
        if (verdict == Verdict.CONFORMANT && unjudged.isPresent()) {
            return new Decision(Verdict.INCONCLUSIVE, unjudged);
        }
        return new Decision(verdict, inconclusiveReason);
    }
}
