package conformance.reference;

import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A request the reference target received, with its decision; what a variant looks at. {@code operation} is the
 * operationId it was routed to ("" when none); {@code payload} its query and body parameters as understood.
 * {@code acceptAnyway} is what the routed operation answers on success (a contact, a conversation, a list, a message, an
 * empty 200), as if the request had been accepted, for variants that accept what they should not; where no operation
 * was routed to, the reference's own reply.
 */
public record Call(String method, String path, String operation, Optional<String> contentType, byte[] body, Outcome outcome,
                   Optional<JsonNode> payload, Supplier<Reply> acceptAnyway) {
}
