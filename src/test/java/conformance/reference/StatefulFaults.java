package conformance.reference;

import conformance.generation.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faulty variants of the document dialect that break one rule between the steps a client takes, each in the answers of
 * one operation only (its javadoc names the check that must catch it there). A new instance per target: some
 * remember what they answered. Most show only in a sequence (create, then fetch; resolve, then fetch); those that one
 * answer shows say so.
 */
public final class StatefulFaults {
    private static final String RESOLVED = "resolved";

    private StatefulFaults() {
    }

    /**
     * ensure_resource_availability on get-single-conversation: a created conversation cannot be fetched back (404),
     * but for the first of each inbox, which the run's fixtures fetch.
     */
    public static Variant conversationNotFetchable() {
        return on(Outcome.CONVERSATION_FETCHED, (call, r) -> number(call, "conversation").filter(n -> n > 1)
                .map(n -> Refusals.documented(404, Outcome.UNKNOWN_CONVERSATION, "conversation_id", "no conversation has this id"))
                .orElse(r));
    }

    /** ensure_resource_availability on get-single-conversation: a fetched conversation comes back with another uuid. */
    public static Variant conversationWithAnotherUuid() {
        return on(Outcome.CONVERSATION_FETCHED, (call, r) -> r.editJson(o -> {
            String uuid = o.path("uuid").asString();
            o.put("uuid", uuid.substring(0, uuid.length() - 1) + (uuid.endsWith("0") ? "1" : "0"));
        }));
    }

    /** listed_after_create on list-all-conversation-messages: the list leaves out the newest message. */
    public static Variant messagesListWithoutTheNewest() {
        return on(Outcome.MESSAGES_LISTED, (call, r) -> r.withBody(withoutTheNewest(r.json())));
    }

    /** listed_after_create on list-all-contact-conversations: the list leaves out the newest conversation. */
    public static Variant conversationsListWithoutTheNewest() {
        return on(Outcome.CONVERSATIONS_LISTED, (call, r) -> r.withBody(withoutTheNewest(r.json())));
    }

    /**
     * update_persisted on get-details-of-a-contact: update-a-contact answers what it was sent, but a fetch shows the
     * contact's name, email and phone number as the first fetch of it showed them.
     */
    public static Variant contactUpdateNotStored() {
        Map<String, ObjectNode> first = new ConcurrentHashMap<>();
        return on(Outcome.CONTACT_FETCHED, (call, r) -> r.editJson(o -> {
            ObjectNode shown = first.computeIfAbsent(call.path(), k -> o.deepCopy().retain("name", "email", "phone_number"));
            o.setAll(shown);
        }));
    }

    /**
     * update_persisted on list-all-conversation-messages: update-a-message answers the submitted_values it was sent,
     * but the list shows none.
     */
    public static Variant messageUpdateNotStored() {
        return on(Outcome.MESSAGES_LISTED, (call, r) -> r.withBody(eachItem(r.json(),
                m -> m.withObjectProperty("content_attributes").remove("submitted_values"))));
    }

    /**
     * update_persisted on list-all-conversation-messages: an update of one message shows in the list on every message
     * of the conversation (the latest submitted_values, by message id).
     */
    public static Variant messageUpdateChangesTheOthers() {
        return on(Outcome.MESSAGES_LISTED, (call, r) -> {
            Optional<JsonNode> latest = items(r.json()).filter(m -> m.path("content_attributes").has("submitted_values"))
                    .reduce((a, b) -> b).map(m -> m.path("content_attributes").get("submitted_values"));
            return latest.map(values -> r.withBody(eachItem(r.json(),
                    m -> m.withObjectProperty("content_attributes").set("submitted_values", values.deepCopy())))).orElse(r);
        });
    }

    /**
     * ownership_isolation on get-single-conversation: another contact's conversation of the same inbox is answered
     * through this contact's identifier.
     */
    public static Variant foreignConversationFetched() {
        return on(Outcome.FOREIGN_CONVERSATION, (call, r) -> call.operation().equals(Endpoint.GET_CONVERSATION.operationId())
                ? call.acceptAnyway().get() : r);
    }

    /**
     * ownership_isolation on list-all-conversation-messages: the messages of another contact's conversation are listed
     * through this contact's identifier.
     */
    public static Variant foreignMessagesListed() {
        return on(Outcome.FOREIGN_CONVERSATION, (call, r) -> call.operation().equals(Endpoint.LIST_MESSAGES.operationId())
                ? call.acceptAnyway().get() : r);
    }

    /**
     * ownership_isolation on list-all-contact-conversations: a contact's list also shows the conversations it listed
     * before for the inbox's other contacts.
     */
    public static Variant conversationsListShowsOtherContacts() {
        Map<String, Map<String, JsonNode>> byContact = new LinkedHashMap<>();
        return on(Outcome.CONVERSATIONS_LISTED, (call, r) -> listing(byContact, call, r));
    }

    private static Reply listing(Map<String, Map<String, JsonNode>> byContact, Call call, Reply r) {
        synchronized (byContact) {
            String inbox = parameter(call, "inbox");
            String contact = parameter(call, "contact");
            Map<String, JsonNode> own = byContact.computeIfAbsent(inbox + '/' + contact, k -> new LinkedHashMap<>());
            items(r.json()).forEach(c -> own.put(c.path("uuid").asString(), c.deepCopy()));
            ArrayNode shown = ((ArrayNode) r.json()).deepCopy();
            byContact.forEach((who, listed) -> {
                if (who.startsWith(inbox + '/') && !who.equals(inbox + '/' + contact)) {
                    listed.values().forEach(shown::add);
                }
            });
            return r.withBody(shown);
        }
    }

    /**
     * state_transition on resolve-conversation, in its own answer: resolve answers the conversation still open. One
     * answer shows it.
     */
    public static Variant resolveAnswersOpen() {
        return on(Outcome.CONVERSATION_RESOLVED, (call, r) -> r.editJson(o -> o.put("status", "open")));
    }

    /** state_transition on get-single-conversation: the resolve is not kept, a fetch never shows the conversation resolved. */
    public static Variant resolveNotStored() {
        return on(Outcome.CONVERSATION_FETCHED, (call, r) -> r.editJson(o -> {
            if (o.path("status").asString().equals(RESOLVED)) {
                o.put("status", "open");
            }
        }));
    }

    /** state_transition on resolve-conversation: resolve toggles, so a second resolve answers the conversation open. */
    public static Variant resolveToggles() {
        Map<String, Integer> resolves = new ConcurrentHashMap<>();
        return on(Outcome.CONVERSATION_RESOLVED, (call, r) -> resolves.merge(call.path(), 1, Integer::sum) % 2 == 0
                ? r.editJson(o -> o.put("status", "open")) : r);
    }

    /** state_transition on get-single-conversation: update-last-seen does not move contact_last_seen_at (a fetch shows 0). */
    public static Variant lastSeenNotMoved() {
        return on(Outcome.CONVERSATION_FETCHED, (call, r) -> r.editJson(o -> o.put("contact_last_seen_at", 0)));
    }

    /** message_semantics on create-a-message: the created message answers without its content. One answer shows it. */
    public static Variant messageWithoutItsContent() {
        return on(Outcome.MESSAGE_CREATED, (call, r) -> r.editJson(o -> o.putNull("content")));
    }

    /** message_semantics on create-a-message: the created message answers as outgoing (1). One answer shows it. */
    public static Variant messageAnsweredOutgoing() {
        return on(Outcome.MESSAGE_CREATED, (call, r) -> r.editJson(o -> o.put("message_type", 1)));
    }

    /**
     * message_semantics on create-a-message: every message created after the first answers the first one's id (the
     * first, the run's fixture, is what the other operations use). Two creates show it.
     */
    public static Variant messageIdUsedTwice() {
        AtomicReference<JsonNode> first = new AtomicReference<>();
        return on(Outcome.MESSAGE_CREATED, (call, r) -> first.compareAndSet(null, r.json().path("id")) ? r
                : r.editJson(o -> o.set("id", first.get())));
    }

    /** A variant that changes only replies of the given outcome (stateful ones see only those). */
    static Variant on(Outcome outcome, Variant change) {
        return (call, reply) -> call.outcome() == outcome ? change.answer(call, reply) : reply;
    }

    /** The raw path segment the call gives for this template parameter ("" when none). */
    static String parameter(Call call, String name) {
        return Endpoint.route(call.method(), call.path(), false).map(m -> m.parameter(name)).orElse("");
    }

    private static Optional<Long> number(Call call, String name) {
        String value = parameter(call, name);
        return value.matches("\\d{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    static Stream<JsonNode> items(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).filter(JsonNode::isObject);
    }

    /** A copy of the list with {@code edit} applied to each object in it. */
    static ArrayNode eachItem(JsonNode list, Consumer<ObjectNode> edit) {
        ArrayNode out = Json.NODES.arrayNode();
        list.forEach(item -> {
            JsonNode copy = item.deepCopy();
            if (copy instanceof ObjectNode o) {
                edit.accept(o);
            }
            out.add(copy);
        });
        return out;
    }

    /** A copy of the list without the item of the highest id. */
    private static ArrayNode withoutTheNewest(JsonNode list) {
        long newest = items(list).mapToLong(n -> n.path("id").asLong()).max().orElse(Long.MIN_VALUE);
        ArrayNode out = Json.NODES.arrayNode();
        list.forEach(item -> {
            if (item.path("id").asLong() != newest) {
                out.add(item.deepCopy());
            }
        });
        return out;
    }

}
