package conformance.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * One parameter of an operation, path-level and operation-level declarations merged: where it goes, whether the
 * document requires it, and its schema compiled like every other (absent when the document gives none).
 */
public record Parameter(String name, Location in, boolean required, Optional<JsonSchema> schema) {

    public enum Location {
        PATH, QUERY, HEADER, COOKIE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
