package conformance.reference;

import conformance.exchange.IdentityHash;
import conformance.generation.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference implementation of the public client API operations the suite touches, stateful, in one of two
 * dialects. {@link Dialect#DOCUMENT}: as the document describes, answering 401 with a {@code bad_request_error} body
 * whenever it does not accept a request. {@link Dialect#CHATWOOT}: as real Chatwoot answers (see the project's
 * notes on Chatwoot's behaviour): Rails' 404/400/500 bodies, the 1500-character custom attribute rule, dropped
 * non-object attributes, pending/resolved statuses and single-conversation inboxes.
 */
final class ReferenceApi {
    private static final String PREFIX = "/public/api/v1/inboxes/";
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final long ACCOUNT_ID = 1;
    private static final int MAX_ATTRIBUTE_LENGTH = 1500;
    private static final long MAX_ATTRIBUTE_INTEGER = 9_999_999_999L;
    private static final JsonMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    record Handled(Outcome outcome, Reply reply, Optional<JsonNode> payload) {
    }

    /** The request body as the server understood it, or why it could not. */
    private record Params(Optional<ObjectNode> params, String problem) {
    }

    private final Dialect dialect;
    // seeded, so the same dialect always issues the same identifiers (reproducible runs and certificates)
    private final SplittableRandom random = new SplittableRandom(0x5EEDL);
    private final Map<String, Inbox> inboxes = new LinkedHashMap<>();
    /** contacts by inbox id, then source id */
    private final Map<Long, Map<String, Contact>> contacts = new LinkedHashMap<>();
    private final Map<Long, AtomicLong> conversationNumbers = new LinkedHashMap<>();
    /** the last conversation of each contact of a single-conversation inbox, by source id */
    private final Map<String, ObjectNode> singleConversations = new LinkedHashMap<>();
    private final AtomicLong contactIds = new AtomicLong(100);

    ReferenceApi(Dialect dialect) {
        this.dialect = dialect;
        addInbox(false, false, false);
        addInbox(false, false, false);
        addInbox(true, false, false);
        if (dialect == Dialect.CHATWOOT) {
            addInbox(false, true, false);
            addInbox(false, false, true);
        }
    }

    private void addInbox(boolean hmacMandatory, boolean botActive, boolean singleConversation) {
        Inbox inbox = new Inbox(inboxes.size() + 1, token(24), token(24), hmacMandatory, botActive, singleConversation);
        inboxes.put(inbox.identifier(), inbox);
        contacts.put(inbox.id(), new LinkedHashMap<>());
        conversationNumbers.put(inbox.id(), new AtomicLong());
    }

    List<Inbox> inboxes() {
        return List.copyOf(inboxes.values());
    }

    /** A contact made directly in the target's state (as an agent would), e.g. a blocked one; its source id. */
    synchronized String addContact(Inbox inbox, boolean blocked) {
        String sourceId = uuid();
        Contact contact = newContact(inbox, sourceId, Json.NODES.objectNode(), "");
        contact.record().put("blocked", blocked);
        contacts.get(inbox.id()).put(sourceId, contact);
        return sourceId;
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
        Params params = params(contentType, body, true);
        // Rails parses the body before any controller code runs: malformed JSON is a 400 whatever the identifiers
        if (dialect == Dialect.CHATWOOT && params.params().isEmpty()) {
            return rejected(Outcome.INVALID_BODY, "body", params.problem(), Optional.empty());
        }
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
        if (params.params().isEmpty()) {
            return rejected(Outcome.INVALID_BODY, "body", params.problem(), Optional.empty());
        }
        ObjectNode payload = params.params().get();
        JsonNode attributes = payload.get("custom_attributes");
        if (attributes != null && !attributes.isObject()) {
            if (dialect == Dialect.DOCUMENT) {
                return rejected(Outcome.INVALID_BODY, "custom_attributes", "custom_attributes must be an object", Optional.of(payload));
            }
            attributes = null;
        }
        if (dialect == Dialect.CHATWOOT && attributes != null) {
            Optional<String> tooLong = attributeLengthError(attributes);
            if (tooLong.isPresent()) {
                ObjectNode error = Json.NODES.objectNode();
                error.put("message", tooLong.get());
                error.putArray("attributes").add("custom_attributes");
                return new Handled(Outcome.INVALID_BODY, Reply.json(422, error), Optional.of(payload));
            }
        }
        if (inbox.singleConversation() && singleConversations.containsKey(sourceId)) {
            return new Handled(Outcome.CONVERSATION_CREATED, Reply.json(200, singleConversations.get(sourceId)), Optional.of(payload));
        }
        ObjectNode conversation = conversation(inbox, contact.record());
        if (inbox.singleConversation()) {
            singleConversations.put(sourceId, conversation);
        }
        return new Handled(Outcome.CONVERSATION_CREATED, Reply.json(200, conversation), Optional.of(payload));
    }

    /** Chatwoot's JsonbAttributesLengthValidator: top-level strings up to 1500 characters, integers up to 9,999,999,999. */
    private static Optional<String> attributeLengthError(JsonNode attributes) {
        for (Map.Entry<String, JsonNode> e : attributes.properties()) {
            JsonNode v = e.getValue();
            if (v.isString() && v.asString().length() > MAX_ATTRIBUTE_LENGTH) {
                return Optional.of("Custom attributes " + e.getKey() + " length should be < " + MAX_ATTRIBUTE_LENGTH);
            }
            if (v.isIntegralNumber() && v.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(MAX_ATTRIBUTE_INTEGER)) > 0) {
                return Optional.of("Custom attributes " + e.getKey() + " value should be < " + MAX_ATTRIBUTE_INTEGER);
            }
        }
        return Optional.empty();
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
        conversation.put("uuid", uuid());
        conversation.put("inbox_id", inbox.id());
        conversation.put("contact_last_seen_at", 0);
        conversation.put("status", contact.path("blocked").asBoolean(false) ? "resolved" : inbox.botActive() ? "pending" : "open");
        conversation.put("agent_last_seen_at", 0);
        conversation.putArray("messages");
        conversation.set("contact", contact.deepCopy());
        return conversation;
    }

    private Handled createContact(String inboxIdentifier, Optional<String> contentType, byte[] body) {
        Params params = params(contentType, body, false);
        if (dialect == Dialect.CHATWOOT && params.params().isEmpty()) {
            return rejected(Outcome.INVALID_BODY, "body", params.problem(), Optional.empty());
        }
        Inbox inbox = inboxes.get(inboxIdentifier);
        if (inbox == null) {
            return rejected(Outcome.UNKNOWN_INBOX, "inbox_identifier", "no API inbox has this identifier", Optional.empty());
        }
        if (params.params().isEmpty()) {
            return rejected(Outcome.INVALID_BODY, "body", params.problem(), Optional.empty());
        }
        JsonNode p = params.params().get();
        String identifier = p.path("identifier").isString() ? p.get("identifier").asString() : "";
        boolean hashGiven = p.path("identifier_hash").isString();
        if (inbox.hmacMandatory() || hashGiven) {
            String expected = IdentityHash.of(inbox.hmacToken(), identifier);
            if (!hashGiven || !expected.equals(p.get("identifier_hash").asString())) {
                return rejected(Outcome.HMAC_FAILED, "identifier_hash",
                        hashGiven ? "identifier_hash does not match the identifier" : "this inbox requires identifier_hash", Optional.of(p));
            }
        }
        String sourceId = p.path("source_id").isString() ? p.get("source_id").asString() : uuid();
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
        return new Handled(Outcome.CONTACT_CREATED, Reply.json(200, answer), Optional.of(p));
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

    /**
     * The request parameters. The document dialect takes only a JSON object sent as application/json (an empty body
     * only where the body is optional). Chatwoot, like any Rails app, takes JSON or form bodies, treats anything else
     * (and JSON that is not an object) as no parameters, and fails only on JSON it cannot parse.
     */
    private Params params(Optional<String> contentType, byte[] body, boolean bodyRequired) {
        String media = contentType.map(ct -> ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
        if (dialect == Dialect.CHATWOOT) {
            if (body.length == 0 || !(media.equals("application/json") || media.equals("application/x-www-form-urlencoded"))) {
                return new Params(Optional.of(Json.NODES.objectNode()), "");
            }
            if (media.equals("application/x-www-form-urlencoded")) {
                return new Params(Optional.of(form(new String(body, StandardCharsets.UTF_8))), "");
            }
            try {
                JsonNode node = STRICT.readTree(body);
                return new Params(Optional.of(node.isObject() ? (ObjectNode) node : Json.NODES.objectNode()), "");
            } catch (JacksonException e) {
                return new Params(Optional.empty(), "Bad Request");
            }
        }
        if (body.length == 0) {
            return bodyRequired ? new Params(Optional.empty(), "the request body is required")
                    : new Params(Optional.of(Json.NODES.objectNode()), "");
        }
        if (!media.equals("application/json")) {
            return new Params(Optional.empty(), "the request body must be application/json");
        }
        try {
            JsonNode node = STRICT.readTree(body);
            return node.isObject() ? new Params(Optional.of((ObjectNode) node), "")
                    : new Params(Optional.empty(), "the request body must be a JSON object");
        } catch (JacksonException e) {
            return new Params(Optional.empty(), "the request body is not valid JSON");
        }
    }

    /** Rails' nested form parameters, as far as the suite sends them: {@code a=1&custom_attributes[k]=v}. */
    private static ObjectNode form(String body) {
        ObjectNode out = Json.NODES.objectNode();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            int bracket = key.indexOf('[');
            if (bracket > 0 && key.endsWith("]")) {
                JsonNode nested = out.get(key.substring(0, bracket));
                ObjectNode inner = nested instanceof ObjectNode o ? o : out.putObject(key.substring(0, bracket));
                inner.put(key.substring(bracket + 1, key.length() - 1), value);
            } else if (!key.isEmpty()) {
                out.put(key, value);
            }
        }
        return out;
    }

    /** How each dialect says no. */
    private Handled rejected(Outcome outcome, String field, String message, Optional<JsonNode> payload) {
        if (dialect == Dialect.CHATWOOT) {
            int status = switch (outcome) {
                case INVALID_BODY -> 400;
                case HMAC_FAILED -> 500;
                default -> 404;
            };
            ObjectNode rails = Json.NODES.objectNode();
            rails.put("status", status);
            rails.put("error", status == 400 ? "Bad Request" : status == 500 ? "Internal Server Error" : "Not Found");
            return new Handled(outcome, Reply.json(status, rails), payload);
        }
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
        error.put("status", 404);
        error.put("error", "Not Found");
        return Reply.json(404, error);
    }

    private String uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private String token(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(BASE58.charAt(random.nextInt(BASE58.length())));
        }
        return out.toString();
    }
}
