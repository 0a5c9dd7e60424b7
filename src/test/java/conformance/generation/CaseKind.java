package conformance.generation;

import java.util.List;

/**
 * A kind of case with a stable id, as waivers ({@code cases:}) and reports name it: what the case is meant to show
 * ({@link Intent}) and, finer, how. The engine's own kinds are below; an extension adds the identifier scenarios of
 * its API (e.g. {@code unknown_contact}).
 */
public record CaseKind(String id, Intent intent) {
    public static final CaseKind POSITIVE = new CaseKind("positive", Intent.POSITIVE);
    /** a body that breaks a rule of the request schema or the media type */
    public static final CaseKind NEGATIVE = new CaseKind("negative", Intent.NEGATIVE);
    /** a query or header parameter missing when required, of the wrong type, or outside its enum */
    public static final CaseKind PARAMETER_NEGATIVE = new CaseKind("parameter_negative", Intent.NEGATIVE);
    /** an integer path parameter given a value that is not an integer ({@code abc}, {@code 12abc}) */
    public static final CaseKind MALFORMED_IDENTIFIER = new CaseKind("malformed_identifier", Intent.NEGATIVE);
    /** a step of a sequence that reaches a resource through another parent's identifier than its own */
    public static final CaseKind FOREIGN_PARENT = new CaseKind("foreign_parent", Intent.FOREIGN_PARENT);
    public static final CaseKind FIXTURE = new CaseKind("fixture", Intent.FIXTURE);

    public static List<CaseKind> engine() {
        return List.of(POSITIVE, NEGATIVE, PARAMETER_NEGATIVE, MALFORMED_IDENTIFIER, FOREIGN_PARENT, FIXTURE);
    }

    @Override
    public String toString() {
        return id;
    }
}
