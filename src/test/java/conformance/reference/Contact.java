package conformance.reference;

import tools.jackson.databind.node.ObjectNode;

/** A contact of one inbox: the record rendered in conversations, and its per-inbox source id and pubsub token. */
public record Contact(long id, long inboxId, String sourceId, String pubsubToken, ObjectNode record) {
}
