package conformance.generation;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A case that failed on an earlier run against the same target, kept to be tried first: the bytes and media type it
 * sent, its JSON payload when it had one (so it can be shrunk again), the query and header values the document
 * declares, what it meant and the rule it broke. The identifiers are not kept: the plan sends it with this run's.
 */
public record StoredCase(CaseKind kind, String label, Optional<JsonNode> payload, byte[] body,
                         Optional<String> contentType, Optional<BrokenRule> brokenRule, Map<String, String> query,
                         Map<String, String> header) {
    /**
     * What a case sent again from a stored one says after its label. After, not before: a finding names the case as
     * its first run did, so that a waiver's message pattern matches it alike (one written for a label's start did not).
     */
    static final String MARK = " (stored failing case)";
    /** How earlier versions marked one, before the label, once more each time it was stored again. */
    private static final String EARLIER_MARK = "stored failing case: ";

    public StoredCase {
        query = Map.copyOf(query);
        header = Map.copyOf(header);
    }

    /** Kinds a stored case can be: the generated ones whose meaning survives new identifiers. */
    public static boolean storable(CaseKind kind) {
        return kind.equals(CaseKind.POSITIVE) || kind.equals(CaseKind.NEGATIVE) || kind.equals(CaseKind.PARAMETER_NEGATIVE);
    }

    public static StoredCase of(Case c) {
        return new StoredCase(c.kind(), firstLabel(c.label()), c.payload(), c.body(), c.contentType(), c.brokenRule(),
                c.parameters().query(), c.parameters().header());
    }

    /** The label of the case this one sends again: its first run's, marked. */
    public String sentLabel() {
        return firstLabel(label) + MARK;
    }

    /** A case's label as its first run gave it: what is stored again is never marked twice. */
    public static String firstLabel(String label) {
        String first = label.endsWith(MARK) ? label.substring(0, label.length() - MARK.length()) : label;
        while (first.startsWith(EARLIER_MARK)) {
            first = first.substring(EARLIER_MARK.length());
        }
        return first;
    }
}
