package conformance.reference;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A request the reference target received, with its decision; what a variant looks at. */
public record Call(String method, String path, Optional<String> contentType, byte[] body, Outcome outcome,
                   Optional<JsonNode> payload) {
}
