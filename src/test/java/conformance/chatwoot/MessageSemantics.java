package conformance.chatwoot;

import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.checks.RecentlySeen;
import conformance.checks.Skip;
import conformance.contract.Operation;
import conformance.exchange.Exchange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What the schema cannot say about messages: a created message echoes the content it was sent (when a string was
 * sent) and its message_type (as sent, else 0, incoming: the create payload documents no type, and what a contact
 * writes is incoming); every create yields a new message id (among the last {@link RecentlySeen#CAPACITY} creates),
 * and no list of messages shows one id twice. The document promises no order of lists: order is not judged, and a
 * message the server adds by itself (a greeting, a survey) is no fault.
 */
public final class MessageSemantics implements Check {
    public static final String ID = "message_semantics";
    static final String CREATE = "create-a-message";
    static final String LIST = "list-all-conversation-messages";

    private final RecentlySeen<Long> created = new RecentlySeen<>(RecentlySeen.CAPACITY);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        String op = e.operation().id();
        return (op.equals(CREATE) || op.equals(LIST)) && e.status() / 100 == 2 && !e.kase().intent().mustBeRejected()
                && e.response().flatMap(r -> r.json()).filter(b -> b.isObject() || b.isArray()).isPresent();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        JsonNode body = e.response().orElseThrow().json().orElseThrow();
        return e.operation().id().equals(CREATE) ? created(e, body) : listed(e, body);
    }

    private List<Finding> created(Exchange e, JsonNode message) {
        List<Finding> out = new ArrayList<>();
        if (!message.isObject()) {
            return out;
        }
        JsonNode sent = e.kase().payload().orElse(null);
        JsonNode content = sent == null ? null : sent.get("content");
        JsonNode answered = message.get("content");
        // only a string is what the document lets a client send; a server may store other values its own way
        if (content != null && content.isString() && (answered == null || !answered.isString() || !answered.asString().equals(content.asString()))) {
            out.add(Finding.of(this, e, "the content answered is " + described(answered) + ", not the string sent").at("/content"));
        }
        Optional<Long> sentType = sent == null ? Optional.empty() : ConversationWatch.integer(sent.get("message_type"));
        long expected = sentType.orElse(0L);
        Optional<Long> type = ConversationWatch.integer(message.get("message_type"));
        if (type.isPresent() && type.get() != expected) {
            out.add(Finding.of(this, e, "message_type " + type.get() + " is not " + expected + (sentType.isPresent() ? ", the type sent"
                    : " (incoming), the type of what a contact writes")).at("/message_type"));
        }
        ConversationWatch.integer(message.get("id")).filter(id -> !created.firstTime(id)).ifPresent(id -> out.add(
                Finding.of(this, e, "id " + id + " was already returned for an earlier message").at("/id")));
        return out;
    }

    private List<Finding> listed(Exchange e, JsonNode list) {
        List<Finding> out = new ArrayList<>();
        if (!list.isArray()) {
            return out;
        }
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            int at = i;
            ConversationWatch.integer(list.get(i).get("id")).filter(id -> !ids.add(id)).ifPresent(id -> out.add(
                    Finding.of(this, e, "id " + id + " is listed twice").at("/" + at + "/id")));
        }
        return out;
    }

    /** Without the values: one finding for every message whose content comes back changed, whatever was sent. */
    private static String described(JsonNode answered) {
        if (answered == null || answered.isNull()) {
            return answered == null ? "absent" : "null";
        }
        return answered.isString() ? "another string" : "a " + answered.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }

    @Override
    public Skip skip(Operation operation) {
        return operation.id().equals(CREATE) || operation.id().equals(LIST) ? skip()
                : Skip.notApplicable("it judges created and listed messages");
    }

    @Override
    public Skip skip() {
        return Skip.notRun("no message was created or listed");
    }
}
