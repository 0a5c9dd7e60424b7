package conformance.generation;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A request that breaks one named rule. {@code payload} is present when the body is still JSON (a schema rule
 * broken); byte-level and media-type breakages carry only bytes. {@code pointer} and {@code keyword} say where the
 * schema must reject it (empty for breakages below the schema).
 */
public record Breakage(String rule, Optional<JsonNode> payload, byte[] body, String contentType,
                       Optional<String> pointer, Optional<String> keyword) {
}
