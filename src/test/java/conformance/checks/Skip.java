package conformance.checks;

import java.util.Locale;

/**
 * Why a check judged nothing in a run. A check that could not run (no second inbox, nothing created to compare) left
 * part of what was asked unjudged; one that does not apply (a profile or a selection leaves it out) had nothing to
 * judge, which is no gap.
 */
public record Skip(Kind kind, String reason) {

    public enum Kind {
        NOT_RUN, NOT_APPLICABLE;

        /** As the summary spells it: {@code not_run}, {@code not_applicable}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Skip notRun(String reason) {
        return new Skip(Kind.NOT_RUN, reason);
    }

    public static Skip notApplicable(String reason) {
        return new Skip(Kind.NOT_APPLICABLE, reason);
    }
}
