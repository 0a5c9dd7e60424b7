package conformance.verdict;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How the wait for the target before the first case went ({@code conformance.waitFor}): how long it could last, how
 * long it did, and, when the target never came up, why the run could not go on.
 */
public record Waited(Duration within, Duration waited, Optional<String> notUp) {

    public boolean up() {
        return notUp.isEmpty();
    }

    /** For people: {@code 3.1 s (conformance.waitFor: at most 10s)}, or that the target did not come up. */
    public String describe() {
        return up() ? seconds(waited) + " (conformance.waitFor: at most " + text(within) + ")"
                : "did not come up within " + text(within) + " (conformance.waitFor)";
    }

    /** A duration as the settings take it: {@code 10s}, {@code 500ms}. */
    public static String text(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
