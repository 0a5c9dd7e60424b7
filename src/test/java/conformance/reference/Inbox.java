package conformance.reference;

/**
 * An API-channel inbox of the reference target. {@code hmacMandatory} makes contact creation need an
 * identifier_hash; {@code botActive} makes new conversations {@code pending}; {@code singleConversation} returns a
 * contact's existing conversation instead of creating another (Chatwoot's lock_to_single_conversation).
 */
public record Inbox(long id, String identifier, String hmacToken, boolean hmacMandatory, boolean botActive,
                    boolean singleConversation) {
}
