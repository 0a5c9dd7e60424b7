package conformance.reference;

import conformance.generation.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conforming variants of the document dialect that answer what the document leaves open between the steps, each in
 * its own way; no check may flag them. A new instance per target: they remember what they answered.
 */
public final class StatefulConforming {
    /** Far above the ids the reference gives its messages, so a message the server adds never takes a client's id. */
    private static final long SERVER_MESSAGE_IDS = 2_000_000_000L;

    private StatefulConforming() {
    }

    /**
     * update-a-contact merges {@code custom_attributes} into those the contact had (as Chatwoot does) instead of
     * replacing them: its answer and the conversations that embed the contact show the merged object.
     */
    public static Variant customAttributesMerged() {
        Map<Long, ObjectNode> merged = new ConcurrentHashMap<>();
        return (call, r) -> switch (call.outcome()) {
            case CONTACT_UPDATED -> r.editJson(o -> {
                if (o.get("custom_attributes") instanceof ObjectNode sent) {
                    o.set("custom_attributes", merged.merge(o.path("id").asLong(), sent.deepCopy(), StatefulConforming::merge).deepCopy());
                }
            });
            case CONVERSATION_CREATED, CONVERSATION_FETCHED, CONVERSATION_RESOLVED -> r.editJson(o -> mergedContact(merged, o));
            case CONVERSATIONS_LISTED -> r.withBody(StatefulFaults.eachItem(r.json(), o -> mergedContact(merged, o)));
            default -> r;
        };
    }

    /**
     * A message leaves a resolved conversation resolved (the reference reopens it): whether a message reopens, the
     * document does not say. A conversation shown resolved stays so in every later answer.
     */
    public static Variant messageDoesNotReopen() {
        Set<String> resolved = ConcurrentHashMap.newKeySet();
        return (call, r) -> switch (call.outcome()) {
            case CONVERSATION_RESOLVED -> {
                resolved.add(conversation(call, StatefulFaults.parameter(call, "conversation")));
                yield r;
            }
            case CONVERSATION_FETCHED -> r.editJson(o -> keepResolved(resolved, call, StatefulFaults.parameter(call, "conversation"), o));
            case CONVERSATIONS_LISTED -> r.withBody(StatefulFaults.eachItem(r.json(),
                    o -> keepResolved(resolved, call, String.valueOf(o.path("id").asLong()), o)));
            default -> r;
        };
    }

    /**
     * The server adds a message of its own to every conversation (a greeting, a satisfaction survey: a template,
     * message_type 3), listed with the conversation's messages, always with the same id.
     */
    public static Variant serverAddsAGreeting() {
        Map<String, Long> greetings = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong(SERVER_MESSAGE_IDS);
        return StatefulFaults.on(Outcome.MESSAGES_LISTED, (call, r) -> {
            long id = greetings.computeIfAbsent(conversation(call, StatefulFaults.parameter(call, "conversation")), k -> next.incrementAndGet());
            ObjectNode greeting = Json.NODES.objectNode();
            greeting.put("id", id);
            greeting.put("content", "How would you rate this conversation?");
            greeting.put("message_type", 3);
            greeting.put("content_type", "input_csat");
            greeting.putObject("content_attributes").put("display_type", "emoji");
            greeting.put("created_at", Instant.now().getEpochSecond());
            greeting.put("conversation_id", Long.parseLong(StatefulFaults.parameter(call, "conversation")));
            return r.withBody(((ArrayNode) r.json().deepCopy()).insert(0, greeting));
        });
    }

    private static void mergedContact(Map<Long, ObjectNode> merged, ObjectNode conversation) {
        JsonNode contact = conversation.get("contact");
        // what a contact shows before any update is what later updates merge into
        if (contact instanceof ObjectNode c && c.get("custom_attributes") instanceof ObjectNode shown) {
            c.set("custom_attributes", merged.computeIfAbsent(c.path("id").asLong(), k -> shown.deepCopy()).deepCopy());
        }
    }

    private static void keepResolved(Set<String> resolved, Call call, String id, ObjectNode conversation) {
        if (resolved.contains(conversation(call, id))) {
            conversation.put("status", "resolved");
        }
    }

    /** A conversation as the call's inbox and contact name it. */
    private static String conversation(Call call, String id) {
        return StatefulFaults.parameter(call, "inbox") + '/' + StatefulFaults.parameter(call, "contact") + '/' + id;
    }

    /** {@code into} with every member of {@code update} set in it, objects merged member by member. */
    private static ObjectNode merge(ObjectNode into, ObjectNode update) {
        ObjectNode out = into.deepCopy();
        update.properties().forEach(e -> {
            JsonNode old = out.get(e.getKey());
            out.set(e.getKey(), old instanceof ObjectNode o && e.getValue() instanceof ObjectNode u ? merge(o, u) : e.getValue().deepCopy());
        });
        return out;
    }
}
