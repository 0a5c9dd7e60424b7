package conformance.reference;

import conformance.generation.Json;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * create-a-conversation, list-all-contact-conversations, get-single-conversation, resolve-conversation,
 * toggle-typing-status, update-last-seen. A new conversation is open, pending when the inbox has an active bot, resolved
 * when the contact is blocked. Resolving only resolves (it never reopens). Chatwoot also drops non-object custom
 * attributes, refuses long ones with 422, returns a single-conversation inbox's existing conversation, and answers
 * typing and last-seen with an empty application/json body (the document dialect with no body and no media type).
 */
record ConversationsResource(Dialect dialect, State state, Views views) {
    private static final int MAX_ATTRIBUTE_LENGTH = 1500;
    private static final BigInteger MAX_ATTRIBUTE_INTEGER = BigInteger.valueOf(9_999_999_999L);

    Handled create(Request request, Inbox inbox, ContactInbox contact) {
        JsonNode attributes = request.params().get("custom_attributes");
        ObjectNode custom = attributes != null && attributes.isObject() ? (ObjectNode) attributes.deepCopy() : Json.NODES.objectNode();
        if (dialect == Dialect.CHATWOOT) {
            Optional<String> tooLong = attributeLengthError(custom);
            if (tooLong.isPresent()) {
                return Refusals.recordInvalid(request, Outcome.INVALID_BODY, tooLong.get(), "custom_attributes");
            }
        }
        Optional<Conversation> single = !inbox.singleConversation() ? Optional.empty() : state.conversations()
                .filter(c -> c.inboxId() == inbox.id() && c.sourceId().equals(contact.sourceId())).max(Comparator.comparing(Conversation::key));
        Conversation conversation = single.orElseGet(() -> state.addConversation(inbox, contact, status(inbox, contact.contactId()), custom));
        return Handled.of(request, Outcome.CONVERSATION_CREATED, Reply.json(200, views.conversation(conversation)));
    }

    /** A conversation as if created now, kept nowhere: for variants that accept what they should refuse. */
    ObjectNode unsaved(Inbox inbox, long contactId, long number) {
        return views.conversation(new Conversation(0, inbox.id(), number, state.uuid(), "", contactId,
                status(inbox, contactId), 0, Json.NODES.objectNode()));
    }

    private String status(Inbox inbox, long contactId) {
        return state.contact(contactId).record().path("blocked").asBoolean(false) ? "resolved" : inbox.botActive() ? "pending" : "open";
    }

    /** Chatwoot's JsonbAttributesLengthValidator: top-level strings up to 1500 characters, integers up to 9,999,999,999. */
    private static Optional<String> attributeLengthError(JsonNode attributes) {
        for (Map.Entry<String, JsonNode> e : attributes.properties()) {
            JsonNode v = e.getValue();
            if (v.isString() && v.asString().length() > MAX_ATTRIBUTE_LENGTH) {
                return Optional.of("Custom attributes " + e.getKey() + " length should be < " + MAX_ATTRIBUTE_LENGTH);
            }
            if (v.isIntegralNumber() && v.bigIntegerValue().compareTo(MAX_ATTRIBUTE_INTEGER) > 0) {
                return Optional.of("Custom attributes " + e.getKey() + " value should be < " + MAX_ATTRIBUTE_INTEGER);
            }
        }
        return Optional.empty();
    }

    Handled list(Request request, List<Conversation> listed) {
        ArrayNode out = Json.NODES.arrayNode();
        listed.forEach(c -> out.add(views.conversation(c)));
        return Handled.of(request, Outcome.CONVERSATIONS_LISTED, Reply.json(200, out));
    }

    Handled get(Request request, Conversation conversation) {
        return Handled.of(request, Outcome.CONVERSATION_FETCHED, Reply.json(200, views.conversation(conversation)));
    }

    /** Resolves; an already resolved conversation stays resolved (the path says toggle, the document says resolve). */
    Handled resolve(Request request, Conversation conversation) {
        Conversation resolved = conversation.withStatus("resolved");
        state.put(resolved);
        return Handled.of(request, Outcome.CONVERSATION_RESOLVED, Reply.json(200, views.conversation(resolved)));
    }

    /** Nothing a client can read changes: typing is only broadcast to agents. */
    Handled toggleTyping(Request request) {
        return Handled.of(request, Outcome.TYPING_TOGGLED, empty());
    }

    /** The current Unix second, never earlier than what was shown before. */
    Handled updateLastSeen(Request request, Conversation conversation) {
        state.put(conversation.seenAt(Math.max(Instant.now().getEpochSecond(), conversation.contactLastSeenAt())));
        return Handled.of(request, Outcome.LAST_SEEN_UPDATED, empty());
    }

    /** Rails' {@code head :ok} keeps the request format's media type; the document documents no body at all. */
    Reply empty() {
        return dialect == Dialect.CHATWOOT ? Reply.raw(200, "application/json", "") : Reply.raw(200, null, "");
    }
}
