package conformance.reference;

import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A request the reference target received, with its decision; what a variant looks at. {@code operation} is the
 * operationId it was routed to ("" when none); {@code payload} its query and body parameters as understood.
 * {@code acceptAnyway} creates a conversation as if the request had been accepted, for variants that accept what they
 * should not.
 */
public record Call(String method, String path, String operation, Optional<String> contentType, byte[] body, Outcome outcome,
                   Optional<JsonNode> payload, Supplier<Reply> acceptAnyway) {
}
