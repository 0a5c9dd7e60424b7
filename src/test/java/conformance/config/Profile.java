package conformance.config;

import java.util.Locale;

/** How strictly the document is read: as written, or with every documented response property treated as required. */
public enum Profile {
    SPEC, STRICT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
