package conformance.generation;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A case that failed on an earlier run against the same target, kept to be tried first: the bytes and media type it
 * sent, its JSON payload when it had one (so it can be shrunk again), what it meant and the rule it broke. The
 * identifiers are not kept: the plan sends it with this run's.
 */
public record StoredCase(Intent intent, String label, Optional<JsonNode> payload, byte[] body,
                         Optional<String> contentType, Optional<BrokenRule> brokenRule) {

    public static StoredCase of(Case c) {
        return new StoredCase(c.intent(), c.label(), c.payload(), c.body(), c.contentType(), c.brokenRule());
    }
}
