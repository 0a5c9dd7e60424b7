package conformance.contract;

import java.util.Optional;

/**
 * A documented response of an operation: its status, media type and body schema (any of them may be absent), and
 * the strict reading of that schema (every documented property required) for the {@code strict} profile.
 */
public record Response(int status, String description, Optional<String> mediaType, Optional<JsonSchema> schema,
                       Optional<JsonSchema> strictSchema) {
}
