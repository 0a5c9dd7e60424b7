package conformance.reference;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A message a contact sent: its id (unique across conversations), its content (a string or null) and attributes. */
record Message(long id, long conversationKey, JsonNode content, ObjectNode contentAttributes, Instant createdAt, long senderId) {
    Message withAttributes(ObjectNode attributes) {
        return new Message(id, conversationKey, content, attributes, createdAt, senderId);
    }

    Message from(long otherSenderId) {
        return new Message(id, conversationKey, content, contentAttributes, createdAt, otherSenderId);
    }
}
