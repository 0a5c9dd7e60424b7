package conformance.generation;

/** What a case is meant to show, and so what the target should answer. */
public enum Intent {
    /** a valid request with valid identifiers: should be accepted */
    POSITIVE,
    /** a request that breaks a rule of the document (body, parameter, media type): should not be accepted */
    NEGATIVE,
    /** a path parameter with a value the target never issued */
    UNKNOWN_IDENTIFIER,
    /** a path parameter with a value the target issued to someone else: should not be accepted here */
    FOREIGN_IDENTIFIER,
    /** a resource of one parent reached through another parent's identifier: should not be accepted */
    FOREIGN_PARENT,
    /** a request the run needs to set itself up (what a client creates first) */
    FIXTURE;

    public boolean identifierScenario() {
        return this == UNKNOWN_IDENTIFIER || this == FOREIGN_IDENTIFIER || this == FOREIGN_PARENT;
    }

    /** A request whose answer must be a rejection. */
    public boolean mustBeRejected() {
        return this == NEGATIVE || identifierScenario();
    }
}
