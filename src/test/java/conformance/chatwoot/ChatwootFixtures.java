package conformance.chatwoot;

import conformance.config.Secret;
import conformance.config.Settings;
import conformance.contract.Contract;
import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.exchange.Exchange;
import conformance.extension.FixtureContext;
import conformance.fixtures.Binding;
import conformance.fixtures.FixtureFailure;
import conformance.fixtures.Fixtures;
import conformance.fixtures.Scenario;
import conformance.generation.Case;
import conformance.generation.CaseKind;
import conformance.generation.Json;
import conformance.generation.Parameters;
import conformance.generation.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resources a client of the Chatwoot client API makes first, made the same way: a contact of the inbox (with an
 * identity hash when the inbox's token is given, on every contacts operation, in the query string for GET), a
 * conversation of that contact, a message in it, and a contact of the second inbox for the cross-inbox scenarios.
 * Create-a-message cases are spread over several conversations: Chatwoot answers 422 to the 200th message a minute
 * in one conversation, and a valid message must never be refused for volume.
 */
final class ChatwootFixtures implements Fixtures {
    static final String MARK = "conformance-";
    static final String NAME = "Conformance suite run ";
    static final int MESSAGES_PER_CONVERSATION = 100;
    static final String INBOX = "inbox_identifier";
    static final String CONTACT = "contact_identifier";
    static final String CONVERSATION = "conversation_id";
    static final String MESSAGE = "message_id";
    static final String CONTACT_ID_FACT = "contact.id";
    private static final Set<String> CONTACT_OPERATIONS = Set.of("create-a-contact", "get-details-of-a-contact", "update-a-contact");
    private static final String CREATE_MESSAGE = "create-a-message";
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,18}");

    /** A contact the run uses: its inbox, source id, numeric id when known, identifier and that inbox's token. */
    private record Contact(String inbox, String sourceId, OptionalLong id, Optional<String> identifier, Optional<Secret> token) {
    }

    private final FixtureContext context;
    private final ChatwootSettings settings;
    private Contact main;
    private Contact other;
    private final List<Long> conversations = new ArrayList<>();
    private Long message;

    ChatwootFixtures(FixtureContext context, ChatwootSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    private String inbox() {
        return settings.inboxIdentifier().orElseThrow();
    }

    @Override
    public void prepare(Operation operation, long cases) {
        Set<String> path = pathNames(operation);
        if (path.contains(CONTACT)) {
            main();
            settings.otherInboxIdentifier().ifPresent(o -> other());
        }
        if (path.contains(CONVERSATION)) {
            long needed = operation.id().equals(CREATE_MESSAGE) ? Math.max(1, (cases + MESSAGES_PER_CONVERSATION - 1) / MESSAGES_PER_CONVERSATION) : 1;
            while (conversations.size() < needed) {
                conversations.add(createConversation());
            }
        }
        if (path.contains(MESSAGE) && message == null) {
            message = createMessage();
        }
    }

    @Override
    public Binding bind(Operation operation, long index) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> facts = new LinkedHashMap<>();
        for (String name : pathNames(operation)) {
            switch (name) {
                case INBOX -> path.put(name, inbox());
                case CONTACT -> {
                    path.put(name, main.sourceId());
                    main.id().ifPresent(id -> facts.put(CONTACT_ID_FACT, String.valueOf(id)));
                }
                case CONVERSATION -> path.put(name, String.valueOf(conversationFor(operation, index)));
                case MESSAGE -> path.put(name, String.valueOf(message));
                default -> throw new FixtureFailure(operation.id() + " has a path parameter '" + name
                        + "' that the Chatwoot fixtures do not know");
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (CONTACT_OPERATIONS.contains(operation.id()) && operation.requestBody().isEmpty() && main != null) {
            // a GET has no body: Chatwoot reads identifier and identifier_hash from the query string
            main.identifier().ifPresent(identifier -> main.token().ifPresent(token -> {
                query.put("identifier", identifier);
                query.put("identifier_hash", hash(token, identifier));
            }));
        }
        return new Binding(new Parameters(path, query, Map.of()), facts);
    }

    private long conversationFor(Operation operation, long index) {
        int at = operation.id().equals(CREATE_MESSAGE) ? (int) Math.min(conversations.size() - 1, index / MESSAGES_PER_CONVERSATION) : 0;
        return conversations.get(at);
    }

    @Override
    public List<Scenario> scenarios(Operation operation) {
        Rng rng = Rng.forCase(context.seed(), -1);
        Binding valid = bind(operation, 0);
        Set<String> path = pathNames(operation);
        List<Scenario> out = new ArrayList<>();
        if (path.contains(INBOX)) {
            out.add(new Scenario(Kinds.UNKNOWN_INBOX, valid.withPath(INBOX, token(rng, 24)), "unknown inbox identifier"));
        }
        if (path.contains(CONTACT)) {
            out.add(new Scenario(Kinds.UNKNOWN_CONTACT, valid.withPath(CONTACT, "unknown-" + token(rng, 24)),
                    "unknown contact identifier on a known inbox"));
        }
        if (path.contains(CONVERSATION)) {
            out.add(new Scenario(Kinds.UNKNOWN_CONVERSATION, valid.withPath(CONVERSATION, neverIssued(rng)),
                    "unknown conversation id for a known contact"));
        }
        if (path.contains(MESSAGE)) {
            out.add(new Scenario(Kinds.UNKNOWN_MESSAGE, valid.withPath(MESSAGE, neverIssued(rng)),
                    "unknown message id in a known conversation"));
        }
        if (path.contains(CONTACT) && other != null) {
            out.add(new Scenario(Kinds.FOREIGN_CONTACT, valid.withPath(CONTACT, other.sourceId()),
                    "contact of the other inbox used on this inbox"));
            out.add(new Scenario(Kinds.FOREIGN_CONTACT, valid.withPath(INBOX, other.inbox()),
                    "contact of this inbox used on the other inbox"));
        }
        return out;
    }

    /** Far above any id a server has issued, below the largest 32-bit integer (Chatwoot's ids are integers). */
    private static String neverIssued(Rng rng) {
        return String.valueOf(rng.between(2_000_000_000L, 2_140_000_000L));
    }

    @Override
    public JsonNode adjust(Operation operation, long index, JsonNode generated) {
        if (!generated.isObject()) {
            return generated;
        }
        ObjectNode body = (ObjectNode) generated.deepCopy();
        if (CONTACT_OPERATIONS.contains(operation.id())) {
            identify(body, operation.id().equals(Contract.CREATE_CONTACT) ? Optional.of(identifier("case-" + index))
                    : main == null ? Optional.empty() : main.identifier(), settings.hmacToken());
            unique(body, operation, index);
        }
        return body;
    }

    /**
     * A step on a contact the sequence created tells the checks that contact's id, and a contacts operation carries
     * that contact's identifier and hash (in the query for GET), not the suite's contact's.
     */
    @Override
    public Case step(Operation operation, Case linked, List<Exchange> earlier) {
        String contact = linked.pathParameters().get(CONTACT);
        Optional<Exchange> created = earlier.stream().filter(e -> e.operation().id().equals(Contract.CREATE_CONTACT))
                .filter(e -> contact != null && e.response().flatMap(r -> r.json())
                        .map(j -> j.path("source_id").asString("")).filter(contact::equals).isPresent())
                .findFirst();
        if (created.isEmpty()) {
            return linked;
        }
        Map<String, String> facts = new LinkedHashMap<>(linked.facts());
        facts.remove(CONTACT_ID_FACT);
        created.flatMap(e -> e.response().flatMap(r -> r.json())).flatMap(j -> integer(j.get("id")).stream().boxed().findFirst())
                .ifPresent(id -> facts.put(CONTACT_ID_FACT, String.valueOf(id)));
        Optional<String> identifier = created.flatMap(e -> e.kase().payload()).map(p -> p.path("identifier"))
                .filter(JsonNode::isString).map(JsonNode::asString);
        Parameters parameters = linked.parameters();
        Optional<JsonNode> payload = linked.payload();
        if (CONTACT_OPERATIONS.contains(operation.id()) && identifier.isPresent()) {
            if (payload.filter(JsonNode::isObject).isPresent()) {
                ObjectNode body = (ObjectNode) payload.get().deepCopy();
                identify(body, identifier, settings.hmacToken());
                payload = Optional.of(body);
            } else {
                Map<String, String> query = new LinkedHashMap<>(parameters.query());
                query.remove("identifier");
                query.remove("identifier_hash");
                settings.hmacToken().ifPresent(t -> {
                    query.put("identifier", identifier.get());
                    query.put("identifier_hash", hash(t, identifier.get()));
                });
                parameters = parameters.withQuery(query);
            }
        }
        Case c = new Case(linked.index(), linked.operationId(), linked.kind(), parameters, linked.payload(), linked.body(),
                linked.contentType(), linked.brokenRule(), facts, linked.label());
        return payload.equals(linked.payload()) ? c : c.withPayload(payload.get());
    }

    /** The identifier this run gives and, with the inbox's token, its hash; a generated hash would fail Chatwoot's check. */
    private void identify(ObjectNode body, Optional<String> identifier, Optional<Secret> token) {
        body.remove("identifier_hash");
        if (identifier.isEmpty()) {
            body.remove("identifier");
            return;
        }
        body.put("identifier", identifier.get());
        token.ifPresent(t -> body.put("identifier_hash", hash(t, identifier.get())));
    }

    /**
     * A generated email or phone number made unique in the run, keeping whether it was well formed: Chatwoot merges a
     * contact updated to another contact's email into that contact, and refuses a malformed one (a deviation to show).
     */
    private static void unique(ObjectNode body, Operation operation, long index) {
        String tag = Long.toString(Math.abs((long) operation.id().hashCode() * 100_000 + index), 36);
        JsonNode email = body.get("email");
        if (email != null && email.isString() && email.asString().contains("@")) {
            body.put("email", "u" + tag + "." + email.asString());
        }
        JsonNode phone = body.get("phone_number");
        if (phone != null && phone.isString() && E164.matcher(phone.asString()).matches()) {
            body.put("phone_number", "+1" + String.format("%010d", Math.floorMod(operation.id().hashCode() * 100_000L + index, 10_000_000_000L)));
        }
    }

    private String hash(Secret token, String identifier) {
        String hash = IdentityHash.of(token.value(), identifier);
        context.redactor().addSecret(hash);
        return hash;
    }

    private String identifier(String suffix) {
        return MARK + context.runId() + "-" + suffix;
    }

    private void main() {
        if (main == null) {
            main = settings.contactIdentifier().map(c -> new Contact(inbox(), c, OptionalLong.empty(), Optional.empty(), settings.hmacToken()))
                    .orElseGet(() -> createContact(inbox(), settings.hmacToken(), "hmacToken"));
        }
    }

    private void other() {
        if (other == null) {
            other = createContact(settings.otherInboxIdentifier().orElseThrow(), settings.otherInboxHmacToken(), "otherInboxHmacToken");
        }
    }

    /** A new contact of {@code inbox}, with an identifier_hash only when that inbox's own token ({@code tokenKey}) is given. */
    private Contact createContact(String inbox, Optional<Secret> token, String tokenKey) {
        String identifier = identifier(Integer.toHexString(inbox.hashCode()));
        ObjectNode body = Json.NODES.objectNode();
        body.put("name", NAME + context.runId());
        identify(body, Optional.of(identifier), token);
        Exchange e = send(Contract.CREATE_CONTACT, Map.of(INBOX, inbox), Optional.of(body), "create the suite's contact");
        e.response().flatMap(r -> r.json()).map(j -> j.get("pubsub_token")).filter(JsonNode::isString)
                .ifPresent(t -> context.redactor().addSecret(t.asString()));
        JsonNode json = answer(e, "create a contact on inbox " + inbox);
        JsonNode sourceId = json.get("source_id");
        if (e.status() / 100 != 2 || sourceId == null || !sourceId.isString() || sourceId.asString().isEmpty()) {
            int status = e.status();
            // a failed identity hash shows as 401 (as documented) or 500 (as Chatwoot answers it), never as 429 or 404
            boolean hashMayHaveFailed = token.isEmpty() && (status == 401 || status == 403 || status == 500);
            String hint = !hashMayHaveFailed ? "" : " If the inbox enforces identity validation (HMAC), set "
                    + Settings.name(tokenKey) + " to its HMAC token.";
            throw new FixtureFailure("could not create a contact on inbox " + inbox + ": the target answered " + status
                    + (status / 100 == 2 ? " without a source_id" : "") + "." + hint
                    + " Or give an existing one with conformance.contactIdentifier.");
        }
        return new Contact(inbox, sourceId.asString(), integer(json.get("id")), Optional.of(identifier), token);
    }

    private long createConversation() {
        Exchange e = send(Contract.CREATE_CONVERSATION, Map.of(INBOX, inbox(), CONTACT, main.sourceId()),
                Optional.of(Json.NODES.objectNode()), "create a conversation for the suite's contact");
        return created(e, "create a conversation for the suite's contact");
    }

    private long createMessage() {
        ObjectNode body = Json.NODES.objectNode();
        body.put("content", NAME + context.runId() + ": a message for the cases that need one");
        Exchange e = send(CREATE_MESSAGE, Map.of(INBOX, inbox(), CONTACT, main.sourceId(), CONVERSATION,
                String.valueOf(conversations.get(0))), Optional.of(body), "create a message in the suite's conversation");
        return created(e, "create a message in the suite's conversation");
    }

    private long created(Exchange e, String what) {
        JsonNode json = answer(e, what);
        OptionalLong id = integer(json.get("id"));
        if (e.status() / 100 != 2 || id.isEmpty()) {
            throw new FixtureFailure("could not " + what + ": the target answered " + e.status()
                    + (e.status() / 100 == 2 ? " without an integer id" : ""));
        }
        return id.getAsLong();
    }

    private static JsonNode answer(Exchange e, String what) {
        if (e.failure().isPresent()) {
            throw new FixtureFailure("could not " + what + ": " + e.failure().get().message());
        }
        return e.response().flatMap(r -> r.json()).orElse(Json.NODES.nullNode());
    }

    private Exchange send(String operationId, Map<String, String> path, Optional<JsonNode> body, String label) {
        Operation op = context.contract().operation(operationId);
        return context.client().call(op, Case.of(-1, op.id(), CaseKind.FIXTURE, Parameters.path(path), body, Map.of(), label));
    }

    private static OptionalLong integer(JsonNode n) {
        return n != null && n.isNumber() && n.canConvertToExactIntegral() ? OptionalLong.of(n.asLong()) : OptionalLong.empty();
    }

    private static Set<String> pathNames(Operation operation) {
        Set<String> names = new LinkedHashSet<>();
        operation.parameters(Parameter.Location.PATH).forEach(p -> names.add(p.name()));
        return names;
    }

    private static String token(Rng rng, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(BASE58.charAt(rng.between(0, BASE58.length() - 1)));
        }
        return out.toString();
    }
}
