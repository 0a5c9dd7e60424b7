package conformance.selftest;

import conformance.checks.ContentTypeConformance;
import conformance.chatwoot.ConversationSemantics;
import conformance.chatwoot.CrossInboxIsolation;
import conformance.checks.DocumentedPropertiesPresent;
import conformance.checks.EnsureResourceAvailability;
import conformance.checks.ListedAfterCreate;
import conformance.checks.NegativeDataRejection;
import conformance.checks.NotAServerError;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.StatusCodeConformance;
import conformance.checks.TransportCheck;
import conformance.checks.UnknownIdentifierRejection;
import conformance.contract.Contract;
import conformance.generation.Json;
import conformance.reference.Call;
import conformance.reference.Outcome;
import conformance.reference.Reply;
import conformance.reference.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Variants of the reference target, each breaking exactly one rule, named by the check that must catch it. Some
 * rules cannot be broken alone (a 500 is also an undocumented status): {@code collateral} lists the other checks the
 * same fault necessarily fails, so the self-test can insist on exactly the expected set. {@code generated} marks
 * faults only some generated inputs show: no fixed request of the suite triggers them. {@code operation} is the
 * operation whose answers the fault breaks, and the only one: a variant is confined to it, so that any check failing
 * on another operation is a false alarm. The faults here are mostly create-a-conversation's; those that key on an
 * outcome or a status alone would reach every operation, and are confined all the same (a few to another operation
 * where that outcome or status occurs), since {@link OperationCorpus} breaks each generic rule on every operation.
 */
final class Corpus {
    // where a fault keyed on an outcome or a status alone is confined when create-a-conversation has enough of its own:
    // the faults of distinct operations share a run, so spreading them makes fewer runs
    private static final String GET_CONTACT = "get-details-of-a-contact";
    private static final String UPDATE_CONTACT = "update-a-contact";
    private static final String LIST_CONVERSATIONS = "list-all-contact-conversations";
    private static final String UPDATE_LAST_SEEN = "update-last-seen";

    private Corpus() {
    }

    record Faulty(String name, String operation, String expectedCheck, Set<String> collateral, boolean generated,
                  Supplier<Variant> variant, Map<String, String> settings, Set<Targets.Failure> downstream) {
        Faulty {
            Supplier<Variant> anywhere = variant;
            variant = () -> confined(operation, anywhere.get());
        }

        Faulty(String name, String operation, String expectedCheck, Set<String> collateral, boolean generated,
               Supplier<Variant> variant, Map<String, String> settings) {
            this(name, operation, expectedCheck, collateral, generated, variant, settings, Set.of());
        }

        Faulty(String name, String expectedCheck, Set<String> collateral, boolean generated, Supplier<Variant> variant) {
            this(name, Contract.CREATE_CONVERSATION, expectedCheck, collateral, generated, variant, Map.of());
        }

        @Override
        public String toString() {
            return name + " → " + expectedCheck;
        }

        /**
         * The same fault, which also fails these checks on other operations: a create that answers a false identity
         * fails the later steps that use it (the fetch that shows another identity, the calls on a resource not theirs).
         */
        Faulty downstream(Targets.Failure... failures) {
            return new Faulty(name, operation, expectedCheck, collateral, generated, variant, settings, Set.of(failures));
        }

        /** The expected check and the collateral ones on the fault's operation, and what it fails downstream. */
        Set<Targets.Failure> mustFail() {
            Set<Targets.Failure> all = new TreeSet<>(downstream);
            collateral.forEach(check -> all.add(new Targets.Failure(check, operation)));
            all.add(expected());
            return all;
        }

        Targets.Failure expected() {
            return new Targets.Failure(expectedCheck, operation);
        }
    }

    static List<Faulty> faulty() {
        List<Faulty> all = new ArrayList<>();
        all.addAll(statusCodes());
        all.addAll(mediaTypes());
        all.addAll(schemaTopLevel());
        all.addAll(schemaNested());
        all.addAll(schemaOfErrors());
        all.addAll(serverErrors());
        all.addAll(acceptance());
        all.addAll(identifiers());
        all.addAll(semantics());
        all.addAll(transport());
        all.add(new Faulty("omits the documented messages (strict profile)", Contract.CREATE_CONVERSATION, DocumentedPropertiesPresent.ID,
                Set.of(), false, () -> created((call, r) -> r.editJson(o -> o.remove("messages"))), Map.of("profile", "strict")));
        return all;
    }

    /** These faults, those of every operation ({@link OperationCorpus}) and the stateful ones one run shows ({@link StatefulCorpus}). */
    static List<Faulty> everyOperation() {
        List<Faulty> all = new ArrayList<>(faulty());
        all.addAll(OperationCorpus.faulty());
        all.addAll(StatefulCorpus.faulty());
        return all;
    }

    /**
     * A target that breaks several rules at once: for each of these checks, its first variant that needs no generated
     * input (preferring one that breaks that rule alone), applied in turn.
     */
    static Variant breaking(Set<String> checks) {
        List<Variant> variants = checks.stream().map(check -> faulty().stream()
                .filter(f -> f.expectedCheck().equals(check) && !f.generated())
                .min(java.util.Comparator.comparingInt(f -> f.collateral().size()))
                .orElseThrow(() -> new IllegalArgumentException("no variant breaks " + check))
                .variant().get()).toList();
        return inTurn(variants);
    }

    /** Each variant applied to what the one before it answered. */
    static Variant inTurn(List<Variant> variants) {
        return (call, reply) -> {
            Reply r = reply;
            for (Variant v : variants) {
                r = v.answer(call, r);
            }
            return r;
        };
    }

    private static List<Faulty> statusCodes() {
        String id = StatusCodeConformance.ID;
        return List.of(
                one("created conversations answer 201", id, created((call, r) -> r.withStatus(201))),
                one("unknown contacts and inboxes answer 404", UPDATE_CONTACT, id, (call, r) ->
                        call.outcome() == Outcome.UNKNOWN_CONTACT || call.outcome() == Outcome.UNKNOWN_INBOX
                                ? Reply.json(404, error("not found")) : r),
                one("invalid input answers 422 (a spec gap, still undocumented)", id,
                        on(Outcome.INVALID_BODY, (call, r) -> r.withStatus(422))),
                one("a contact of another inbox answers 403", id, on(Outcome.FOREIGN_CONTACT, (call, r) -> r.withStatus(403))));
    }

    private static List<Faulty> mediaTypes() {
        String id = ContentTypeConformance.ID;
        return List.of(
                one("200 body sent as text/plain", id, created((call, r) -> r.withHeader("Content-Type", "text/plain"))),
                one("200 body sent without a Content-Type", id, created((call, r) -> r.withHeader("Content-Type", null))),
                one("200 body sent as application/vnd.api+json", id,
                        created((call, r) -> r.withHeader("Content-Type", "application/vnd.api+json"))),
                one("401 body sent as text/html", UPDATE_CONTACT, id, (call, r) -> r.status() == 401 ? r.withHeader("Content-Type", "text/html") : r),
                one("401 body sent as application/problem+json", LIST_CONVERSATIONS, id,
                        (call, r) -> r.status() == 401 ? r.withHeader("Content-Type", "application/problem+json") : r));
    }

    private static List<Faulty> schemaTopLevel() {
        return List.of(
                schema("status 'closed' (not in the enum)", o -> o.put("status", "closed")),
                new Faulty("id as a string", ResponseSchemaConformance.ID, Set.of(), false, () -> sparingTheFirst(
                        created((call, r) -> r.editJson(o -> o.put("id", String.valueOf(o.get("id").asLong())))))),
                schema("messages an object, not an array", o -> o.putObject("messages")),
                schema("contact_last_seen_at as an ISO date string", o -> o.put("contact_last_seen_at", "2026-11-28T10:00:00Z")),
                new Faulty("create-a-contact answers pubsub_token as a number", Contract.CREATE_CONTACT, ResponseSchemaConformance.ID,
                        Set.of(), false, () -> on(Outcome.CONTACT_CREATED, (call, r) -> r.editJson(o -> o.put("pubsub_token", 42))), Map.of()));
    }

    private static List<Faulty> schemaNested() {
        return List.of(
                schema("contact.blocked as the string \"false\"", o -> o.withObjectProperty("contact").put("blocked", "false")),
                schema("contact.label_list holds a number", o -> o.withObjectProperty("contact").putArray("label_list").add(7)),
                schema("contact.custom_attributes an array", o -> o.withObjectProperty("contact").putArray("custom_attributes")),
                schema("contact is a string", o -> o.put("contact", "ada@example.com")),
                withMessages("messages[].message_type as a string", m -> Bodies.firstMessage(m).put("message_type", "incoming")),
                withMessages("messages[].created_at as an ISO date string",
                        m -> Bodies.firstMessage(m).put("created_at", "2026-11-28T10:00:00Z")),
                withMessages("messages[].attachments[].file_type 'document' (not in the enum)",
                        m -> Bodies.firstAttachment(m).put("file_type", "document")),
                withMessages("messages[].attachments[].file_size as a string", m -> Bodies.firstAttachment(m).put("file_size", "2 KB")),
                withMessages("messages[].sender.type 'bot' (not in the enum)", m -> Bodies.firstSender(m).put("type", "bot")),
                withMessages("messages[].sender.blocked as 0", m -> Bodies.firstSender(m).put("blocked", 0)),
                new Faulty("a numeric custom attribute is echoed as message content", ResponseSchemaConformance.ID, Set.of(), true,
                        () -> created((call, r) -> attributes(call).valueStream().filter(JsonNode::isNumber).findFirst()
                                .map(n -> r.editJson(o -> o.withArrayProperty("messages").add(
                                        Bodies.message(9, "", 0, Bodies.contactSender()).set("content", n))))
                                .orElse(r))));
    }

    private static List<Faulty> schemaOfErrors() {
        String id = ResponseSchemaConformance.ID;
        return List.of(
                one("401 body is an array, not an object", Contract.CREATE_CONTACT, id, (call, r) -> r.status() == 401
                        ? r.withBody(Json.NODES.arrayNode().add("unauthorized")) : r),
                one("401 errors is an object, not an array", id, (call, r) -> r.status() == 401
                        ? r.editJson(o -> o.set("errors", o.get("errors").get(0))) : r),
                one("401 errors[].field is a number", id, (call, r) -> r.status() == 401
                        ? r.editJson(o -> ((ObjectNode) o.get("errors").get(0)).put("field", 1)) : r));
    }

    private static List<Faulty> serverErrors() {
        String id = NotAServerError.ID;
        Set<String> undocumented = Set.of(StatusCodeConformance.ID);
        Set<String> rejected = Set.of(StatusCodeConformance.ID, PositiveDataAcceptance.ID);
        return List.of(
                new Faulty("500 for invalid input", id, undocumented, false,
                        () -> on(Outcome.INVALID_BODY, (call, r) -> r.withStatus(500))),
                new Faulty("503 when the inbox is unknown", GET_CONTACT, id, undocumented, false,
                        () -> on(Outcome.UNKNOWN_INBOX, (call, r) -> Reply.json(503, error("try again later"))), Map.of()),
                new Faulty("500 when a string holds U+0000 (PostgreSQL cannot store it)", id, rejected, true,
                        () -> created((call, r) -> Bodies.anyText(attributes(call), s -> s.indexOf('\0') >= 0)
                                ? Reply.json(500, error("PG::UntranslatableCharacter")) : r)),
                new Faulty("500 when a custom attribute string exceeds 255 characters (a varchar(255) column)", id, rejected, true,
                        () -> created((call, r) -> Bodies.anyText(attributes(call), s -> s.length() > 255)
                                ? Reply.json(500, error("PG::StringDataRightTruncation")) : r)));
    }

    private static List<Faulty> acceptance() {
        return List.of(
                new Faulty("rejects payloads with custom attributes", PositiveDataAcceptance.ID, Set.of(), true,
                        () -> created((call, r) -> attributes(call).isEmpty() ? r : Reply.json(401, error("rejected")))),
                new Faulty("rejects custom attributes that hold objects", PositiveDataAcceptance.ID, Set.of(), true,
                        () -> created((call, r) -> attributes(call).valueStream().anyMatch(JsonNode::isObject)
                                ? Reply.json(401, error("nested custom attributes are not supported")) : r)),
                one("accepts custom_attributes that are not an object", NegativeDataRejection.ID,
                        on(Outcome.INVALID_BODY, (call, r) -> call.payload().isPresent() ? call.acceptAnyway().get() : r)),
                one("accepts bodies that are not application/json", NegativeDataRejection.ID,
                        on(Outcome.INVALID_BODY, (call, r) -> !sentAsJson(call) ? call.acceptAnyway().get() : r)),
                one("accepts malformed JSON", NegativeDataRejection.ID,
                        on(Outcome.INVALID_BODY, (call, r) -> call.payload().isEmpty() && call.body().length > 0 && sentAsJson(call)
                                ? call.acceptAnyway().get() : r)),
                one("accepts an empty body", NegativeDataRejection.ID,
                        on(Outcome.INVALID_BODY, (call, r) -> call.body().length == 0 ? call.acceptAnyway().get() : r)));
    }

    private static List<Faulty> identifiers() {
        return List.of(
                one("accepts an unknown contact", UnknownIdentifierRejection.ID,
                        on(Outcome.UNKNOWN_CONTACT, (call, r) -> call.acceptAnyway().get())),
                one("accepts an unknown inbox", UnknownIdentifierRejection.ID,
                        on(Outcome.UNKNOWN_INBOX, (call, r) -> call.acceptAnyway().get())),
                one("accepts a contact of another inbox", CrossInboxIsolation.ID,
                        on(Outcome.FOREIGN_CONTACT, (call, r) -> call.acceptAnyway().get())));
    }

    /** A conversation whose create answered another identity than its fetch shows. */
    private static final Targets.Failure FETCHED_BACK = new Targets.Failure(EnsureResourceAvailability.ID, "get-single-conversation");

    private static Targets.Failure accepted(String operation) {
        return new Targets.Failure(PositiveDataAcceptance.ID, operation);
    }

    private static List<Faulty> semantics() {
        String id = ConversationSemantics.ID;
        return List.of(
                one("every conversation has the same uuid", id,
                        created((call, r) -> r.editJson(o -> o.put("uuid", "6b1f0c4e-1111-4c3e-9f1b-0a8d2e7c4b11")))).downstream(FETCHED_BACK),
                // written 1.0, which JSON Schema counts as the integer 1: the check must compare values, not notations;
                // the sequences then address conversation 1, which is not theirs
                one("every conversation has the same id (written 1.0)", id, created((call, r) -> r.editJson(o -> o.put("id", 1.0))))
                        .downstream(FETCHED_BACK, new Targets.Failure(ListedAfterCreate.ID, LIST_CONVERSATIONS),
                                accepted("create-a-message"), accepted("get-single-conversation"),
                                accepted("list-all-conversation-messages"), accepted("resolve-conversation"),
                                accepted("toggle-typing-status"), accepted(UPDATE_LAST_SEEN)),
                one("uuid without dashes", id,
                        created((call, r) -> r.editJson(o -> o.put("uuid", o.get("uuid").asString().replace("-", ""))))).downstream(FETCHED_BACK),
                new Faulty("every third conversation has the inbox_id of another inbox", id, Set.of(), false,
                        () -> every(3, (call, r) -> r.editJson(o -> o.put("inbox_id", o.get("inbox_id").asLong() % 2 + 1)))),
                one("the conversation carries another contact", id, created((call, r) -> r.editJson(o -> {
                    ObjectNode contact = o.withObjectProperty("contact");
                    contact.put("id", contact.get("id").asLong() + 1);
                }))));
    }

    private static List<Faulty> transport() {
        String id = TransportCheck.ID;
        return List.of(
                new Faulty("drops the connection on every fifth conversation", id, Set.of(), false, () -> every(5, (call, r) -> {
                    throw new IllegalStateException("connection dropped on purpose");
                })),
                one("closes the connection without an answer for unknown inboxes", UPDATE_LAST_SEEN, id, on(Outcome.UNKNOWN_INBOX, (call, r) -> {
                    throw new IllegalStateException("connection closed on purpose");
                })),
                new Faulty("a 2 MiB body for unknown contacts (over the 1 MiB cap)", id, Set.of(ResponseSchemaConformance.ID), false,
                        () -> on(Outcome.UNKNOWN_CONTACT, (call, r) -> Reply.json(401, error("x".repeat(2 << 20))))));
    }

    /** A stateless fault that breaks nothing else and that no generated value is needed to show. */
    private static Faulty one(String name, String check, Variant variant) {
        return one(name, Contract.CREATE_CONVERSATION, check, variant);
    }

    private static Faulty one(String name, String operation, String check, Variant variant) {
        return new Faulty(name, operation, check, Set.of(), false, () -> variant, Map.of());
    }

    private static Faulty schema(String name, Consumer<ObjectNode> breakIt) {
        return one(name, ResponseSchemaConformance.ID, created((call, r) -> r.editJson(breakIt)));
    }

    /** A conversation with conforming messages (attachments, senders), then one member of them broken. */
    private static Faulty withMessages(String name, Consumer<ObjectNode> breakIt) {
        return schema(name, o -> {
            o.set("messages", Bodies.messages());
            breakIt.accept(o);
        });
    }

    /** The custom_attributes the call sent, or a missing node. */
    private static JsonNode attributes(Call call) {
        return call.payload().map(p -> p.path("custom_attributes")).orElse(Json.NODES.missingNode());
    }

    private static boolean sentAsJson(Call call) {
        return call.contentType().filter(ct -> ct.startsWith("application/json")).isPresent();
    }

    static ObjectNode error(String description) {
        ObjectNode e = Json.NODES.objectNode();
        e.put("description", description);
        e.putArray("errors");
        return e;
    }

    /** Changes only the replies of {@code operation}. */
    static Variant confined(String operation, Variant change) {
        return (call, reply) -> call.operation().equals(operation) ? change.answer(call, reply) : reply;
    }

    /** A variant that changes only replies of the given outcome. */
    static Variant on(Outcome outcome, Variant change) {
        return (call, reply) -> call.outcome() == outcome ? change.answer(call, reply) : reply;
    }

    static Variant created(Variant change) {
        return on(Outcome.CONVERSATION_CREATED, change);
    }

    /**
     * Changes the answers {@code change} changes but the first: a run's first create of a conversation or a message
     * is its fixture, which the other operations' cases need whole (a mistyped id would leave them unjudged, and the
     * run inconclusive). Stateful: one instance per run.
     */
    static Variant sparingTheFirst(Variant change) {
        AtomicBoolean spared = new AtomicBoolean();
        return (call, reply) -> {
            Reply changed = change.answer(call, reply);
            return changed != reply && !spared.getAndSet(true) ? reply : changed;
        };
    }

    /** Changes every n-th created conversation (stateful: one instance per run). */
    static Variant every(int n, Variant change) {
        AtomicInteger count = new AtomicInteger();
        return created((call, r) -> count.incrementAndGet() % n == 0 ? change.answer(call, r) : r);
    }
}
