package conformance.chatwoot;

import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.checks.RecentlySeen;
import conformance.checks.Skip;
import conformance.contract.Contract;
import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the schema cannot say about created conversations: one inbox's conversations share one {@code inbox_id},
 * {@code contact.id} is the contact the suite used, every create yields a new {@code id} and a new {@code uuid}, and
 * {@code uuid} is a UUID. Repeats are told among the last {@link RecentlySeen#CAPACITY} creates, so memory stays flat.
 */
public final class ConversationSemantics implements Check {
    public static final String ID = "conversation_semantics";
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, Long> inboxIds = new HashMap<>();
    private final Map<String, RecentlySeen<Long>> idsByInbox = new HashMap<>();
    private final RecentlySeen<String> uuids = new RecentlySeen<>(RecentlySeen.CAPACITY);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        Intent intent = e.kase().intent();
        return e.operation().id().equals(Contract.CREATE_CONVERSATION) && (intent == Intent.POSITIVE || intent == Intent.FIXTURE)
                && e.status() / 100 == 2
                && e.response().flatMap(r -> r.json()).filter(JsonNode::isObject).isPresent();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        JsonNode body = e.response().orElseThrow().json().orElseThrow();
        String inbox = e.kase().pathParameters().get(ChatwootFixtures.INBOX);
        List<Finding> out = new ArrayList<>();
        // the document requires no member of public_conversation, so only present members are judged here
        JsonNode uuid = body.get("uuid");
        if (uuid != null && (!uuid.isString() || !UUID.matcher(uuid.asString()).matches())) {
            out.add(Finding.of(this, e, "uuid " + uuid + " is not a UUID").at("/uuid"));
        } else if (uuid != null && !uuids.firstTime(uuid.asString().toLowerCase())) {
            out.add(Finding.of(this, e, "uuid " + uuid.asString() + " was already returned for an earlier conversation").at("/uuid"));
        }
        JsonNode id = body.get("id");
        if (isInteger(id)
                && !idsByInbox.computeIfAbsent(inbox, k -> new RecentlySeen<>(RecentlySeen.CAPACITY)).firstTime(id.asLong())) {
            out.add(Finding.of(this, e, "id " + id.asLong() + " was already returned for an earlier conversation of this inbox").at("/id"));
        }
        JsonNode inboxId = body.get("inbox_id");
        if (isInteger(inboxId)) {
            long first = inboxIds.computeIfAbsent(inbox, k -> inboxId.asLong());
            if (first != inboxId.asLong()) {
                out.add(Finding.of(this, e, "inbox_id " + inboxId.asLong() + " differs from " + first
                        + ", returned earlier for the same inbox").at("/inbox_id"));
            }
        }
        JsonNode contactId = body.path("contact").get("id");
        Optional.ofNullable(e.kase().facts().get(ChatwootFixtures.CONTACT_ID_FACT)).map(Long::parseLong).ifPresent(expected -> {
            if (contactId != null && (!isInteger(contactId) || contactId.asLong() != expected)) {
                out.add(Finding.of(this, e, "contact.id " + contactId + " is not the contact the suite used (id "
                        + expected + ")").at("/contact/id"));
            }
        });
        return out;
    }

    /** JSON has one number type: 7.0 is the integer 7 (JSON Schema 2020-12 says so too). */
    private static boolean isInteger(JsonNode n) {
        return n != null && n.isNumber() && n.canConvertToExactIntegral();
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }

    @Override
    public Skip skip(Operation operation) {
        return operation.id().equals(Contract.CREATE_CONVERSATION) ? skip()
                : Skip.notApplicable("it judges the conversations create-a-conversation makes");
    }

    @Override
    public Skip skip() {
        return Skip.notRun("no conversation was created, so there was nothing to compare");
    }
}
