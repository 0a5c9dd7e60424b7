package conformance.verdict;

import java.util.Locale;

/** What became of one check on one operation. */
public enum Outcome {
    PASSED, FAILED, WAIVED, SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
