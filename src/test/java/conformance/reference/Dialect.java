package conformance.reference;

import java.util.Locale;

/**
 * How the embedded target answers: as the document describes ({@code document}, the conforming reference), or as
 * real Chatwoot does ({@code chatwoot}: 404 for unknown identifiers, 422 for long custom attributes, 400 for
 * malformed JSON, non-object attributes dropped, never a 401).
 */
public enum Dialect {
    DOCUMENT, CHATWOOT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
