package conformance.sequence;

/**
 * A sequence that failed on an earlier run, kept to be sent first and to be replayed: under {@code id} (the finding's
 * {@link conformance.checks.Finding#chainId}), the check that failed and the operation of the step it failed on; each
 * step holds its own request parts, shrunk when they could be.
 */
public record StoredSequence(String id, String check, String operation, Sequence sequence) {
}
