package conformance.verdict;

import java.util.Locale;

/** What became of one check on one operation. */
public enum Outcome {
    PASSED, FAILED, WAIVED, SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome ofId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /**
     * One check's outcome over several shards: a failure anywhere fails it, a waived finding anywhere outweighs a
     * pass, and it is skipped only where no shard judged anything for it.
     */
    public Outcome combine(Outcome other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case SKIPPED -> 0;
            case PASSED -> 1;
            case WAIVED -> 2;
            case FAILED -> 3;
        };
    }
}
