package conformance.contract;

import java.util.Optional;

/**
 * A documented response of an operation: the key it is documented under (a status, a range or default), its media
 * type and body schema (any of them may be absent), and the strict reading of that schema (every documented property
 * required) for the {@code strict} profile.
 */
public record Response(ResponseKey key, String description, Optional<String> mediaType, Optional<JsonSchema> schema,
                       Optional<JsonSchema> strictSchema) {
}
