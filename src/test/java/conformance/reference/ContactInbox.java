package conformance.reference;

/**
 * A contact as one inbox knows it: the source id clients name it by, its pubsub token, the contact behind it (which a
 * Chatwoot merge can change) and whether a correct identity hash has been shown for it (Chatwoot's hmac_verified).
 */
record ContactInbox(long inboxId, String sourceId, String pubsubToken, long contactId, boolean hmacVerified) {
    ContactInbox verified() {
        return new ContactInbox(inboxId, sourceId, pubsubToken, contactId, true);
    }

    ContactInbox of(long otherContactId) {
        return new ContactInbox(inboxId, sourceId, pubsubToken, otherContactId, hmacVerified);
    }
}
