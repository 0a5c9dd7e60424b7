package conformance.verdict;

/** The run's answer. INCONCLUSIVE means the run could not judge; it is never a pass. */
public enum Verdict {
    CONFORMANT, NON_CONFORMANT, INCONCLUSIVE
}
