package conformance.reference;

import tools.jackson.databind.node.ObjectNode;

/**
 * A conversation: {@code key} is the reference's own primary key, {@code number} the id clients see (numbered per
 * inbox), {@code sourceId} the contact inbox it was opened through. {@code contactLastSeenAt} is Unix seconds, 0 when
 * never seen.
 */
record Conversation(long key, long inboxId, long number, String uuid, String sourceId, long contactId, String status,
                    long contactLastSeenAt, ObjectNode customAttributes) {
    Conversation withStatus(String newStatus) {
        return new Conversation(key, inboxId, number, uuid, sourceId, contactId, newStatus, contactLastSeenAt, customAttributes);
    }

    Conversation seenAt(long seconds) {
        return new Conversation(key, inboxId, number, uuid, sourceId, contactId, status, seconds, customAttributes);
    }

    Conversation of(long otherContactId) {
        return new Conversation(key, inboxId, number, uuid, sourceId, otherContactId, status, contactLastSeenAt, customAttributes);
    }
}
