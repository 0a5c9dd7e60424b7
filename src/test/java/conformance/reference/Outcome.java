package conformance.reference;

/** What the reference decided about a call, so variants can answer differently for one kind of call only. */
public enum Outcome {
    CONVERSATION_CREATED, CONTACT_CREATED, UNKNOWN_INBOX, UNKNOWN_CONTACT, FOREIGN_CONTACT, INVALID_BODY,
    HMAC_FAILED, NO_ROUTE
}
