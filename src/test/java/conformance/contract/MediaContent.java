package conformance.contract;

import java.util.Optional;

/** One media type a request body may be sent as, with its schema (absent when the document gives none). */
public record MediaContent(String mediaType, Optional<JsonSchema> schema) {
}
