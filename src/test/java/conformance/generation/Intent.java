package conformance.generation;

/** What a case is meant to show, and so what the target should answer. */
public enum Intent {
    /** a schema-valid request with valid identifiers: should be accepted */
    POSITIVE,
    /** a request that breaks a rule of the request schema or the media type: should not be accepted */
    NEGATIVE,
    /** a contact identifier the target never issued */
    UNKNOWN_CONTACT,
    /** an inbox identifier the target never issued */
    UNKNOWN_INBOX,
    /** a contact of one inbox used on another inbox */
    FOREIGN_CONTACT,
    /** a request the suite needs to set itself up (creating a contact) */
    SETUP;

    public boolean identifierScenario() {
        return this == UNKNOWN_CONTACT || this == UNKNOWN_INBOX || this == FOREIGN_CONTACT;
    }
}
