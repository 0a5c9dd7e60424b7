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

    public StoredCase {
        query = Map.copyOf(query);
        header = Map.copyOf(header);
    }

    /** Kinds a stored case can be: the generated ones whose meaning survives new identifiers. */
    public static boolean storable(CaseKind kind) {
        return kind.equals(CaseKind.POSITIVE) || kind.equals(CaseKind.NEGATIVE) || kind.equals(CaseKind.PARAMETER_NEGATIVE);
    }

    public static StoredCase of(Case c) {
        return new StoredCase(c.kind(), c.label(), c.payload(), c.body(), c.contentType(), c.brokenRule(),
                c.parameters().query(), c.parameters().header());
    }
}
