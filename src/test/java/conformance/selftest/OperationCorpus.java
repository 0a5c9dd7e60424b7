package conformance.selftest;

import conformance.checks.ContentTypeConformance;
import conformance.checks.NegativeDataRejection;
import conformance.checks.NotAServerError;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.StatusCodeConformance;
import conformance.checks.UnknownIdentifierRejection;
import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.contract.Response;
import conformance.generation.Json;
import conformance.reference.Call;
import conformance.reference.Outcome;
import conformance.reference.Reply;
import conformance.reference.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Variants for every operation of the document. Faulty: each breaks one rule of one operation and leaves the answers of
 * every other operation alone: a response-schema fault derived from the operation's documented success schema, a wrong
 * status, a wrong content type, a 5xx, an unknown identifier accepted (one per path parameter), and a request that
 * breaks a documented rule accepted (a path value of the wrong type, a query value, a body). Conforming: each
 * changes what the document leaves open, on every operation at once (one run judges them all).
 */
final class OperationCorpus {
    static final Contract CONTRACT = new ContractLoader().load(RunConfig.DEFAULT_SPEC);

    /** The reference's decision for a path parameter that names nothing it knows. */
    private static final Map<String, Outcome> UNKNOWN = Map.of("inbox_identifier", Outcome.UNKNOWN_INBOX,
            "contact_identifier", Outcome.UNKNOWN_CONTACT, "conversation_id", Outcome.UNKNOWN_CONVERSATION,
            "message_id", Outcome.UNKNOWN_MESSAGE);
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Set<String> FIXTURE_SOURCES = Set.of(Contract.CREATE_CONVERSATION, "create-a-message");

    private OperationCorpus() {
    }

    static List<Corpus.Faulty> faulty() {
        List<Corpus.Faulty> all = new ArrayList<>();
        CONTRACT.operations().values().forEach(op -> all.addAll(breaking(op)));
        return all;
    }

    static List<ConformingCorpus.Conforming> conforming() {
        return List.of(
                new ConformingCorpus.Conforming("every operation: an unknown extra property in every object of every success body",
                        () -> withBody((call, r) -> r.withBody(Bodies.rebuildObjects(r.json(), o -> o.put("x_vendor_extension", "kept"))))),
                new ConformingCorpus.Conforming("every operation: null wherever the success schema allows it, at every depth, but"
                        + " in the members that echo what the request sent",
                        () -> withBody((call, r) -> r.withBody(FromSchema.nullEveryNullable(successSchema(call.operation()).node(), r.json(),
                                call.payload())))),
                new ConformingCorpus.Conforming("every operation: lists in reverse order",
                        () -> withBody((call, r) -> r.json() instanceof ArrayNode list ? r.withBody(reversed(list)) : r)),
                new ConformingCorpus.Conforming("every operation: media type application/json;charset=UTF-8",
                        () -> withBody((call, r) -> r.withHeader("Content-Type", "application/json;charset=UTF-8"))),
                new ConformingCorpus.Conforming("every operation: every success body gzip-encoded", () -> withBody((call, r) -> r.gzipped())),
                // the document dialect answers 404 where the operation documents it; 401 is documented for every one
                new ConformingCorpus.Conforming("every rejection answered 401, also where 404 is documented",
                        () -> (call, r) -> r.status() == 404 ? r.withStatus(401) : r));
    }

    private static List<Corpus.Faulty> breaking(Operation op) {
        List<Corpus.Faulty> out = new ArrayList<>(answers(op));
        out.addAll(acceptances(op));
        return out;
    }

    /** Faults of the answers themselves: of the success body, its status and media type, and a 5xx. */
    private static List<Corpus.Faulty> answers(Operation op) {
        String id = op.id();
        Response success = op.success().orElseThrow(() -> new IllegalStateException(id + " documents no success"));
        List<Corpus.Faulty> out = new ArrayList<>();
        success.schema().stream().flatMap(s -> Stream.of(FromSchema.Mistyped.first(s.node()), FromSchema.Mistyped.nested(s.node())))
                .flatMap(Optional::stream).filter(m -> !fixtureId(id, m))
                .forEach(m -> out.add(fault(id + ": " + m, id, ResponseSchemaConformance.ID, Set.of(),
                        onSuccess(id, (call, r) -> r.withBody(m.applyTo(r.json()))))));
        // 201 is a 2xx, so the request still counts as accepted: only the status is undocumented
        out.add(fault(id + ": success answers 201", id, StatusCodeConformance.ID, Set.of(), onSuccess(id, (call, r) -> r.withStatus(201))));
        out.add(success.mediaType().isPresent()
                ? fault(id + ": success sent as text/plain", id, ContentTypeConformance.ID, Set.of(),
                        onSuccess(id, (call, r) -> r.withHeader("Content-Type", "text/plain")))
                : fault(id + ": a JSON body on a success documented without one", id, ContentTypeConformance.ID, Set.of(),
                        onSuccess(id, (call, r) -> Reply.json(r.status(), Json.NODES.objectNode().put("status", "ok")))));
        // a 500 is no documented status, and then the operation's documented rejections are never seen either: both
        // are status_code_conformance's; a 500 is no acceptance, so the rejection checks pass
        out.add(fault(id + ": 500 for every request it must reject", id, NotAServerError.ID, Set.of(StatusCodeConformance.ID),
                (call, r) -> call.operation().equals(id) && r.status() >= 400 ? Reply.json(500, Corpus.error("internal error")) : r));
        return out;
    }

    /**
     * Requests the operation must refuse, accepted with its documented success (so no other check has anything to say):
     * an unknown identifier per path parameter; a path value of the wrong type (a negative case: it breaks the
     * parameter's schema), a query value or a body the document does not allow.
     */
    private static List<Corpus.Faulty> acceptances(Operation op) {
        String id = op.id();
        List<Corpus.Faulty> out = new ArrayList<>();
        op.parameters(Parameter.Location.PATH).forEach(p -> out.add(fault(id + ": accepts an unknown " + p.name(), id,
                UnknownIdentifierRejection.ID, Set.of(), accepting(id, call -> call.outcome() == UNKNOWN.get(p.name())))));
        op.parameters(Parameter.Location.PATH).stream().filter(OperationCorpus::integer).forEach(p -> out.add(fault(
                id + ": accepts a " + p.name() + " that is not an integer", id, NegativeDataRejection.ID, Set.of(),
                accepting(id, call -> call.outcome() == Outcome.INVALID_PARAMETER && notAnInteger(op, call).filter(p.name()::equals).isPresent()))));
        op.parameters(Parameter.Location.QUERY).forEach(p -> out.add(fault(id + ": accepts a " + p.name() + " the document does not allow",
                id, NegativeDataRejection.ID, Set.of(),
                accepting(id, call -> call.outcome() == Outcome.INVALID_PARAMETER && notAnInteger(op, call).isEmpty()))));
        op.requestBody().ifPresent(b -> out.add(fault(id + ": accepts a body that breaks its schema", id, NegativeDataRejection.ID,
                Set.of(), accepting(id, call -> call.outcome() == Outcome.INVALID_BODY))));
        return out;
    }

    /**
     * The id a create of a conversation or a message answers: the run's fixtures read it, so mistyped the other
     * operations go unjudged and the run is inconclusive; those creates' schemas are broken one level down instead.
     */
    private static boolean fixtureId(String operation, FromSchema.Mistyped m) {
        return FIXTURE_SOURCES.contains(operation) && m.at().isEmpty() && m.property().equals("id");
    }

    /** Accepts the calls of {@code operation} that {@code refused} picks, answering as if they had succeeded. */
    private static Variant accepting(String operation, Predicate<Call> refused) {
        return (call, r) -> call.operation().equals(operation) && refused.test(call) ? call.acceptAnyway().get() : r;
    }

    private static boolean integer(Parameter p) {
        return p.schema().filter(s -> FromSchema.types(s.node()).contains("integer")).isPresent();
    }

    /** The first integer path parameter whose value in the call's path is not an integer. */
    private static Optional<String> notAnInteger(Operation op, Call call) {
        List<String> template = List.of(op.pathTemplate().split("/"));
        String[] sent = call.path().split("/", -1);
        return op.parameters(Parameter.Location.PATH).stream().filter(OperationCorpus::integer).map(Parameter::name)
                .filter(name -> {
                    int at = template.indexOf("{" + name + "}");
                    return at < sent.length && !INTEGER.matcher(sent[at]).matches();
                }).findFirst();
    }

    private static Corpus.Faulty fault(String name, String operation, String check, Set<String> collateral, Variant variant) {
        return new Corpus.Faulty(name, operation, check, collateral, false, () -> variant, Map.of());
    }

    /** Changes the successful answers of one operation. */
    private static Variant onSuccess(String operation, Variant change) {
        return (call, r) -> call.operation().equals(operation) && r.status() / 100 == 2 ? change.answer(call, r) : r;
    }

    /** Changes every successful answer that has a body, of any operation. */
    private static Variant withBody(Variant change) {
        return (call, r) -> r.status() / 100 == 2 && r.body().length > 0 ? change.answer(call, r) : r;
    }

    private static JsonSchema successSchema(String operation) {
        return CONTRACT.operation(operation).success().flatMap(Response::schema)
                .orElseThrow(() -> new IllegalStateException(operation + " documents no success schema"));
    }

    private static ArrayNode reversed(ArrayNode list) {
        ArrayNode out = Json.NODES.arrayNode();
        for (int i = list.size() - 1; i >= 0; i--) {
            out.add(list.get(i));
        }
        return out;
    }
}
