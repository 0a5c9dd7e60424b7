package conformance.reference;

import conformance.generation.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * create-a-message, list-all-conversation-messages, update-a-message. A contact's message reopens a resolved
 * conversation (pending with an active bot) unless the contact is blocked; an update replaces the message's
 * {@code content_attributes.submitted_values}. The document dialect lists every message, oldest first. Chatwoot lists
 * the latest 20 (older ones through {@code before}), refuses content over 150,000 characters and the 201st message of
 * a minute in one conversation with 422, takes scalars as content, and fails updates of a flooded conversation with 500.
 */
record MessagesResource(Dialect dialect, State state, Views views) {
    private static final int MAX_CONTENT_LENGTH = 150_000;
    private static final int MESSAGES_PER_MINUTE = 200;
    private static final int PAGE = 20;
    private static final List<String> SUBMITTED = List.of("name", "title", "value");
    private static final List<String> CSAT = List.of("feedback_message", "rating");

    Handled create(Request request, Inbox inbox, ContactInbox contact, Conversation conversation) {
        JsonNode sent = request.params().path("content");
        JsonNode content = sent.isValueNode() && !sent.isNull() ? Json.NODES.stringNode(sent.asString()) : Json.NODES.nullNode();
        if (dialect == Dialect.CHATWOOT) {
            if (content.isString() && content.asString().length() > MAX_CONTENT_LENGTH) {
                return Refusals.recordInvalid(request, Outcome.INVALID_BODY,
                        "Content is too long (maximum is " + MAX_CONTENT_LENGTH + " characters)", "content");
            }
            if (flooded(conversation)) {
                return Refusals.recordInvalid(request, Outcome.TOO_MANY_MESSAGES, "Too many messages", "base");
            }
        }
        Contact sender = state.contact(contact.contactId());
        Message message = state.addMessage(conversation, content, sender.id());
        boolean blocked = sender.record().path("blocked").asBoolean(false);
        Inbox home = conversation.inboxId() == inbox.id() ? inbox
                : state.inboxes().stream().filter(i -> i.id() == conversation.inboxId()).findFirst().orElseThrow();
        if (!blocked && (conversation.status().equals("resolved") || conversation.status().equals("snoozed"))) {
            state.put(conversation.withStatus(conversation.status().equals("resolved") && home.botActive() ? "pending" : "open"));
        }
        sender.record().put("last_activity_at", Timestamps.millis(message.createdAt()));
        return Handled.of(request, Outcome.MESSAGE_CREATED, Reply.json(200, views.message(message)));
    }

    private boolean flooded(Conversation conversation) {
        Instant since = Instant.now().minus(Duration.ofMinutes(1));
        return state.messages(conversation).filter(m -> m.createdAt().isAfter(since)).count() >= MESSAGES_PER_MINUTE;
    }

    Handled list(Request request, Conversation conversation) {
        List<Message> all = state.messages(conversation).toList();
        if (dialect == Dialect.CHATWOOT) {
            JsonNode before = request.query().get("before");
            if (before != null) {
                long limit = Ids.parse(dialect, before.asString()).getAsLong();
                all = all.stream().filter(m -> m.id() < limit).toList();
            }
            all = all.subList(Math.max(0, all.size() - PAGE), all.size());
        }
        return Handled.of(request, Outcome.MESSAGES_LISTED, Reply.json(200, views.messages(all)));
    }

    Handled update(Request request, Conversation conversation, Message message) {
        // the update re-runs the message's validations; the controller's rescue then fails itself (it reads a contact
        // it never loaded), so Rails answers a plain 500
        if (dialect == Dialect.CHATWOOT && flooded(conversation)) {
            return Refusals.serverError(request);
        }
        Optional<JsonNode> submitted = submitted(request.params().get("submitted_values"));
        Message updated = submitted.map(values -> {
            ObjectNode attributes = message.contentAttributes().deepCopy();
            attributes.set("submitted_values", values);
            return message.withAttributes(attributes);
        }).orElse(message);
        state.put(updated);
        return Handled.of(request, Outcome.MESSAGE_UPDATED, Reply.json(200, views.message(updated)));
    }

    /**
     * What an update keeps of {@code submitted_values}. The document dialect: the object as sent (its rules refused
     * anything else). Chatwoot's strong parameters: an object or an array of objects, each cut to name, title, value and
     * csat_survey_response (feedback_message, rating), scalars only; anything else is dropped.
     */
    private Optional<JsonNode> submitted(JsonNode values) {
        if (values == null) {
            return Optional.empty();
        }
        if (dialect == Dialect.DOCUMENT) {
            return Optional.of(values.deepCopy());
        }
        if (values.isObject()) {
            return Optional.of(permitted(values));
        }
        if (values.isArray()) {
            ArrayNode kept = Json.NODES.arrayNode();
            values.forEach(v -> {
                if (v.isObject()) {
                    kept.add(permitted(v));
                }
            });
            return Optional.of(kept);
        }
        return Optional.empty();
    }

    private static ObjectNode permitted(JsonNode values) {
        ObjectNode kept = scalars(values, SUBMITTED);
        JsonNode csat = values.get("csat_survey_response");
        if (csat != null && csat.isObject()) {
            kept.set("csat_survey_response", scalars(csat, CSAT));
        }
        return kept;
    }

    private static ObjectNode scalars(JsonNode from, List<String> names) {
        ObjectNode kept = Json.NODES.objectNode();
        names.stream().filter(n -> from.has(n) && from.get(n).isValueNode()).forEach(n -> kept.set(n, from.get(n)));
        return kept;
    }
}
