package conformance.reference;

import conformance.generation.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies of the reference, rendered from the state at the time of the answer (as Chatwoot's jbuilder views). */
final class Views {
    private final State state;

    Views(State state) {
        this.state = state;
    }

    /** {@code public_contact}: the contact as one inbox knows it. */
    ObjectNode publicContact(ContactInbox contactInbox) {
        ObjectNode record = state.contact(contactInbox.contactId()).record();
        ObjectNode out = Json.NODES.objectNode();
        out.put("source_id", contactInbox.sourceId());
        out.put("pubsub_token", contactInbox.pubsubToken());
        out.put("id", contactInbox.contactId());
        List.of("name", "email", "phone_number").forEach(name -> out.set(name, record.get(name)));
        return out;
    }

    /** {@code public_contact_record}: the whole contact row. */
    ObjectNode record(long contactId) {
        return state.contact(contactId).record().deepCopy();
    }

    /** {@code public_conversation}, with every message of the conversation. */
    ObjectNode conversation(Conversation conversation) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("id", conversation.number());
        out.put("uuid", conversation.uuid());
        out.put("inbox_id", conversation.inboxId());
        out.put("contact_last_seen_at", conversation.contactLastSeenAt());
        out.put("status", conversation.status());
        out.put("agent_last_seen_at", 0);
        out.set("messages", messages(state.messages(conversation).toList()));
        out.set("contact", record(conversation.contactId()));
        return out;
    }

    ArrayNode messages(List<Message> messages) {
        ArrayNode out = Json.NODES.arrayNode();
        messages.forEach(m -> out.add(message(m)));
        return out;
    }

    /** {@code public_message}: a contact's text message, so no attachments key; the sender as Chatwoot pushes it. */
    ObjectNode message(Message message) {
        return message(message, state.conversation(message.conversationKey()).number());
    }

    /** The same, for a message whose conversation the state need not hold (one shown but never saved). */
    ObjectNode message(Message message, long conversationNumber) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("id", message.id());
        out.set("content", message.content());
        out.put("message_type", 0);
        out.put("content_type", "text");
        out.set("content_attributes", message.contentAttributes().deepCopy());
        out.put("created_at", message.createdAt().getEpochSecond());
        out.put("conversation_id", conversationNumber);
        out.set("sender", sender(state.contact(message.senderId()).record()));
        return out;
    }

    private static ObjectNode sender(ObjectNode record) {
        ObjectNode out = Json.NODES.objectNode();
        for (String name : List.of("additional_attributes", "custom_attributes", "email", "id", "identifier", "name", "phone_number")) {
            out.set(name, record.get(name).deepCopy());
        }
        out.put("thumbnail", "");
        out.set("blocked", record.get("blocked"));
        out.put("type", "contact");
        return out;
    }
}
