package conformance.reference;

import conformance.generation.Json;
import java.time.Instant;
import java.util.OptionalLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the routed operation answers on success, for whatever its path names, even where it names nothing the
 * reference knows: for variants that accept what they should refuse. The inbox the path names (else the first), its
 * contact (else the first contact anywhere, else a new one), the conversation and message ids it gives (else new
 * ones). Kept nowhere: the answer is all there is of it (only a contact the views need may be added, and a
 * conversation number is taken from the inbox's sequence, as a create would).
 */
record Accepted(Dialect dialect, State state, Views views, ConversationsResource conversations) {

    Reply answer(Endpoint.Match match) {
        Inbox inbox = state.inbox(match.parameter("inbox")).orElseGet(() -> state.inboxes().get(0));
        ContactInbox contact = contact(match, inbox);
        return switch (match.endpoint()) {
            case CREATE_CONTACT, GET_CONTACT -> Reply.json(200, views.publicContact(contact));
            case UPDATE_CONTACT -> Reply.json(200, views.record(contact.contactId()));
            case CREATE_CONVERSATION, GET_CONVERSATION -> Reply.json(200, conversation(match, inbox, contact));
            case RESOLVE_CONVERSATION -> Reply.json(200, conversation(match, inbox, contact).put("status", "resolved"));
            case LIST_CONVERSATIONS -> Reply.json(200, Json.NODES.arrayNode().add(conversation(match, inbox, contact)));
            case TOGGLE_TYPING, UPDATE_LAST_SEEN -> conversations.empty();
            case CREATE_MESSAGE, UPDATE_MESSAGE -> Reply.json(200, message(match, inbox, contact));
            case LIST_MESSAGES -> Reply.json(200, Json.NODES.arrayNode().add(message(match, inbox, contact)));
        };
    }

    private ContactInbox contact(Endpoint.Match match, Inbox inbox) {
        String sourceId = match.endpoint().has("contact") ? match.parameter("contact") : state.uuid();
        return state.contactInbox(inbox, sourceId).orElseGet(() -> new ContactInbox(inbox.id(), sourceId, state.token(),
                state.contacts().findFirst().orElseGet(() -> state.addContact(null, null, null, null, Json.NODES.objectNode())).id(),
                false));
    }

    private ObjectNode conversation(Endpoint.Match match, Inbox inbox, ContactInbox contact) {
        return conversations.unsaved(inbox, contact.contactId(), number(match, "conversation").orElseGet(() -> state.nextNumber(inbox)));
    }

    private ObjectNode message(Endpoint.Match match, Inbox inbox, ContactInbox contact) {
        long id = number(match, "message").orElseGet(() -> state.messages().mapToLong(Message::id).max().orElse(0) + 1);
        Message unsaved = new Message(id, 0, Json.NODES.nullNode(), Json.NODES.objectNode(), Instant.now(), contact.contactId());
        return views.message(unsaved, number(match, "conversation").orElseGet(() -> state.nextNumber(inbox)));
    }

    /** The id the path gives for this parameter, read as the dialect reads it; empty when it gives none. */
    private OptionalLong number(Endpoint.Match match, String parameter) {
        String given = match.parameter(parameter);
        return given == null ? OptionalLong.empty() : Ids.parse(dialect, given);
    }
}
