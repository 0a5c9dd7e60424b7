package conformance.verdict;

import java.util.Collection;

/** The run's answer. INCONCLUSIVE means the run could not judge; it is never a pass. */
public enum Verdict {
    CONFORMANT, NON_CONFORMANT, INCONCLUSIVE;

    /**
     * The verdict rule, for one run and for shards merged alike: a run that could not judge is INCONCLUSIVE whatever
     * it found (part of what it was asked to judge was never judged); otherwise any failed check makes it
     * NON_CONFORMANT; waived, passed and skipped checks do not.
     */
    public static Verdict decide(boolean judged, Collection<Outcome> outcomes) {
        if (!judged) {
            return INCONCLUSIVE;
        }
        return outcomes.contains(Outcome.FAILED) ? NON_CONFORMANT : CONFORMANT;
    }
}
