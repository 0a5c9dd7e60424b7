package conformance.reference;

/** An API-channel inbox of the reference target. {@code hmacMandatory} makes contact creation need an identifier_hash. */
public record Inbox(long id, String identifier, String hmacToken, boolean hmacMandatory) {
}
