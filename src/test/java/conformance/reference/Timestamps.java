package conformance.reference;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Chatwoot's timestamps: ISO-8601 in UTC, always with three digits of milliseconds. {@link Instant#toString()} drops
 * them on a whole second, which made one answer in a thousand four bytes shorter than the same answer a moment later.
 */
final class Timestamps {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String millis(Instant at) {
        return MILLIS.format(at);
    }
}
