package conformance.reference;

import conformance.exchange.IdentityHash;
import conformance.generation.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference implementation of the public client API operations the suite touches, as its document describes
 * them: stateful, conforming, and answering 401 with a {@code bad_request_error} body whenever it does not accept a
 * request (unknown or foreign identifiers, invalid input, a failed identity hash).
 */
final class ReferenceApi {
    private static final String PREFIX = "/public/api/v1/inboxes/";
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final long ACCOUNT_ID = 1;
    private static final JsonMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    record Handled(Outcome outcome, Reply reply, Optional<JsonNode> payload) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Inbox> inboxes = new LinkedHashMap<>();
    /** contacts by inbox id, then source id */
    private final Map<Long, Map<String, Contact>> contacts = new LinkedHashMap<>();
    private final Map<Long, AtomicLong> conversationNumbers = new LinkedHashMap<>();
    private final AtomicLong contactIds = new AtomicLong(100);

    ReferenceApi(int inboxCount, int hmacMandatoryInboxes) {
        for (int i = 1; i <= inboxCount + hmacMandatoryInboxes; i++) {
            Inbox inbox = new Inbox(i, token(24), token(24), i > inboxCount);
            inboxes.put(inbox.identifier(), inbox);
            contacts.put(inbox.id(), new LinkedHashMap<>());
            conversationNumbers.put(inbox.id(), new AtomicLong());
        }
    }

    List<Inbox> inboxes() {
        return List.copyOf(inboxes.values());
    }

    synchronized Handled handle(String method, String path, Optional<String> contentType, byte[] body) {
        if (!path.startsWith(PREFIX) || !method.equals("POST")) {
            return new Handled(Outcome.NO_ROUTE, notFound(), Optional.empty());
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length == 2 && parts[1].equals("contacts")) {
            return createContact(parts[0], contentType, body);
        }
        if (parts.length == 4 && parts[1].equals("contacts") && parts[3].equals("conversations")) {
            return createConversation(parts[0], parts[2], contentType, body);
        }
        return new Handled(Outcome.NO_ROUTE, notFound(), Optional.empty());
    }

    private Handled createConversation(String inboxIdentifier, String sourceId, Optional<String> contentType, byte[] body) {
        Inbox inbox = inboxes.get(inboxIdentifier);
        if (inbox == null) {
            return rejected(Outcome.UNKNOWN_INBOX, "inbox_identifier", "no API inbox has this identifier", Optional.empty());
        }
        Contact contact = contacts.get(inbox.id()).get(sourceId);
        if (contact == null) {
            boolean elsewhere = contacts.values().stream().anyMatch(m -> m.containsKey(sourceId));
            return elsewhere
                    ? rejected(Outcome.FOREIGN_CONTACT, "contact_identifier", "this contact belongs to another inbox", Optional.empty())
                    : rejected(Outcome.UNKNOWN_CONTACT, "contact_identifier", "no contact of this inbox has this source id", Optional.empty());
        }
        Optional<JsonNode> payload = jsonObject(contentType, body, true);
        if (payload.isEmpty()) {
            return rejected(Outcome.INVALID_BODY, "body", invalidBodyReason(contentType, body), Optional.empty());
        }
        JsonNode attributes = payload.get().get("custom_attributes");
        if (attributes != null && !attributes.isObject()) {
            return rejected(Outcome.INVALID_BODY, "custom_attributes", "custom_attributes must be an object", payload);
        }
        return new Handled(Outcome.CONVERSATION_CREATED, Reply.json(200, conversation(inbox, contact.record())), payload);
    }

    /**
     * A new conversation for whatever the path names, even when it names nothing known: the inbox (else the first),
     * its contact (else the first contact anywhere, else a made-up one).
     */
    synchronized Reply acceptAnyway(String path) {
        String[] parts = path.startsWith(PREFIX) ? path.substring(PREFIX.length()).split("/", -1) : new String[0];
        Inbox inbox = parts.length > 0 && inboxes.containsKey(parts[0]) ? inboxes.get(parts[0]) : inboxes.values().iterator().next();
        String sourceId = parts.length > 2 ? parts[2] : "";
        ObjectNode record = contacts.get(inbox.id()).containsKey(sourceId) ? contacts.get(inbox.id()).get(sourceId).record()
                : contacts.values().stream().flatMap(m -> m.values().stream()).map(Contact::record).findFirst()
                .orElseGet(() -> newContact(inbox, sourceId, Json.NODES.objectNode(), "").record());
        return Reply.json(200, conversation(inbox, record));
    }

    private ObjectNode conversation(Inbox inbox, ObjectNode contact) {
        long number = conversationNumbers.get(inbox.id()).incrementAndGet();
        ObjectNode conversation = Json.NODES.objectNode();
        conversation.put("id", number);
        conversation.put("uuid", UUID.randomUUID().toString());
        conversation.put("inbox_id", inbox.id());
        conversation.put("contact_last_seen_at", 0);
        conversation.put("status", "open");
        conversation.put("agent_last_seen_at", 0);
        conversation.putArray("messages");
        conversation.set("contact", contact.deepCopy());
        return conversation;
    }

    private Handled createContact(String inboxIdentifier, Optional<String> contentType, byte[] body) {
        Inbox inbox = inboxes.get(inboxIdentifier);
        if (inbox == null) {
            return rejected(Outcome.UNKNOWN_INBOX, "inbox_identifier", "no API inbox has this identifier", Optional.empty());
        }
        Optional<JsonNode> payload = jsonObject(contentType, body, false);
        if (payload.isEmpty()) {
            return rejected(Outcome.INVALID_BODY, "body", invalidBodyReason(contentType, body), Optional.empty());
        }
        JsonNode p = payload.get();
        String identifier = p.path("identifier").isString() ? p.get("identifier").asString() : "";
        boolean hashGiven = p.path("identifier_hash").isString();
        if (inbox.hmacMandatory() || hashGiven) {
            String expected = IdentityHash.of(inbox.hmacToken(), identifier);
            if (!hashGiven || !expected.equals(p.get("identifier_hash").asString())) {
                return rejected(Outcome.HMAC_FAILED, "identifier_hash",
                        hashGiven ? "identifier_hash does not match the identifier" : "this inbox requires identifier_hash", payload);
            }
        }
        String sourceId = p.path("source_id").isString() ? p.get("source_id").asString() : UUID.randomUUID().toString();
        Contact existing = contacts.get(inbox.id()).get(sourceId);
        Contact contact = existing != null ? existing : newContact(inbox, sourceId, p, identifier);
        contacts.get(inbox.id()).put(sourceId, contact);
        ObjectNode answer = Json.NODES.objectNode();
        answer.put("source_id", contact.sourceId());
        answer.put("pubsub_token", contact.pubsubToken());
        answer.put("id", contact.id());
        answer.set("name", contact.record().get("name"));
        answer.set("email", contact.record().get("email"));
        answer.set("phone_number", contact.record().get("phone_number"));
        return new Handled(Outcome.CONTACT_CREATED, Reply.json(200, answer), payload);
    }

    private Contact newContact(Inbox inbox, String sourceId, JsonNode p, String identifier) {
        long id = contactIds.incrementAndGet();
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        ObjectNode record = Json.NODES.objectNode();
        record.put("id", id);
        record.put("name", p.path("name").isString() ? p.get("name").asString() : "visitor-" + id);
        putNullable(record, "email", p.path("email").isString() ? p.get("email").asString().toLowerCase(Locale.ROOT) : null);
        putNullable(record, "phone_number", p.path("phone_number").isString() ? p.get("phone_number").asString() : null);
        record.put("account_id", ACCOUNT_ID);
        record.put("created_at", now);
        record.put("updated_at", now);
        record.putObject("additional_attributes");
        putNullable(record, "identifier", identifier.isEmpty() ? null : identifier);
        record.set("custom_attributes", p.path("custom_attributes").isObject() ? p.get("custom_attributes").deepCopy() : Json.NODES.objectNode());
        record.putNull("last_activity_at");
        record.put("contact_type", record.get("email").isNull() && record.get("phone_number").isNull() ? "visitor" : "lead");
        record.put("middle_name", "");
        record.put("last_name", "");
        record.putNull("location");
        record.putNull("country_code");
        record.put("blocked", false);
        record.putNull("company_id");
        record.putArray("label_list");
        return new Contact(id, inbox.id(), sourceId, token(24), record);
    }

    private static void putNullable(ObjectNode node, String name, String value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    /** The body as a JSON object, when it is one sent as application/json; empty bodies count as {} unless required. */
    private static Optional<JsonNode> jsonObject(Optional<String> contentType, byte[] body, boolean bodyRequired) {
        if (body.length == 0) {
            return bodyRequired ? Optional.empty() : Optional.of(Json.NODES.objectNode());
        }
        if (!isJson(contentType)) {
            return Optional.empty();
        }
        try {
            JsonNode node = STRICT.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static boolean isJson(Optional<String> contentType) {
        return contentType.map(ct -> ct.split(";", 2)[0].trim().equalsIgnoreCase("application/json")).orElse(false);
    }

    private static String invalidBodyReason(Optional<String> contentType, byte[] body) {
        if (body.length == 0) {
            return "the request body is required";
        }
        if (!isJson(contentType)) {
            return "the request body must be application/json";
        }
        return "the request body must be a JSON object";
    }

    private static Handled rejected(Outcome outcome, String field, String message, Optional<JsonNode> payload) {
        ObjectNode error = Json.NODES.objectNode();
        error.put("description", message);
        ObjectNode item = error.putArray("errors").addObject();
        item.put("field", field);
        item.put("message", message);
        item.put("code", outcome.name().toLowerCase(Locale.ROOT));
        return new Handled(outcome, Reply.json(401, error), payload);
    }

    private static Reply notFound() {
        ObjectNode error = Json.NODES.objectNode();
        error.put("error", "no such route");
        return Reply.json(404, error);
    }

    private String token(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(BASE58.charAt(random.nextInt(BASE58.length())));
        }
        return out.toString();
    }
}
