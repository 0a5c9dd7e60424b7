package conformance.generation;

import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.fixtures.Binding;
import conformance.fixtures.Fixtures;
import conformance.fixtures.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The cases of one operation, made lazily in a fixed order: the stored cases that failed before, the identifier
 * scenarios, wrong-type path values, query and header parameter negatives, positive cases, body negatives. Only
 * where the document has a rule to break are there negative cases; an operation that documents no body gets none, and
 * an operation with nothing to generate gets one valid request. Generated case {@code i} depends only on (seed,
 * operation, i), counted after the stored cases, so a seed replays the run byte for byte whatever was stored.
 */
public final class CasePlan implements Iterable<Case> {
    private static final int VALID_ATTEMPTS = 50;
    /** Non-integers an integer path parameter is given: letters alone, and letters after a valid id (Ruby reads 12abc as 12). */
    private static final List<String> MALFORMED = List.of("abc", "%sabc");

    private final Operation operation;
    private final long seed;
    private final Fixtures fixtures;
    private final Statistics stats;
    private final List<StoredCase> first;
    private final List<Scenario> scenarios;
    private final List<Parameter> malformed;
    private final List<ParameterRule> parameterRules;
    private final int positives;
    private final int negatives;
    private final List<NegativeRule> rules;
    private final Optional<JsonNode> bodySchema;
    private final String mediaType;
    /** Worked out once per plan: read for every case. */
    private final Set<String> declaredTwice;
    private final Map<Parameter, JsonNode> valueSchemas = new HashMap<>();

    /**
     * @param scenarios the fixtures' identifier scenarios for this operation
     * @param first     cases to send before any other (failing cases of an earlier run)
     */
    public CasePlan(Operation operation, long seed, int tries, Fixtures fixtures, List<Scenario> scenarios,
                    List<StoredCase> first, Statistics stats) {
        this.operation = operation;
        this.seed = seed ^ ((long) operation.id().hashCode() << 32);
        this.fixtures = fixtures;
        this.stats = stats;
        this.first = List.copyOf(first);
        this.scenarios = List.copyOf(scenarios);
        this.mediaType = operation.requestMediaType().orElse("application/json");
        List<String> uncovered = new ArrayList<>();
        this.bodySchema = operation.requestBody().map(b -> Uncoverable.strip(operation.requestSchema().map(JsonSchema::node)
                .orElse(Json.NODES.objectNode()), mediaType, uncovered));
        uncovered.forEach(u -> stats.notCovered(operation.id() + " " + mediaType + " body " + u));
        this.malformed = operation.integerPathParameters();
        this.parameterRules = ParameterRule.of(operation);
        this.declaredTwice = operation.declaredTwice();
        operation.parameters().forEach(p -> valueSchemas.put(p, operation.valueSchema(p).orElse(Json.NODES.objectNode())));
        this.rules = bodySchema.map(schema -> NegativeRule.of(schema, operation.requestBodyRequired())).orElse(List.of());
        this.positives = generates(operation) ? tries : 1;
        this.negatives = rules.isEmpty() ? 0 : Math.max(rules.size(), tries / 5);
    }

    /** Whether the document gives this operation anything to generate: a body, a query or a header parameter. */
    private static boolean generates(Operation operation) {
        return operation.requestBody().isPresent() || !operation.parameters(Parameter.Location.QUERY).isEmpty()
                || !operation.parameters(Parameter.Location.HEADER).isEmpty();
    }

    /** The generated cases of an operation with these tries: what its fixtures must be ready for. */
    public static long generated(Operation operation, int tries) {
        return generates(operation) ? tries + (long) Math.max(tries / 5, 10) : 1;
    }

    public Operation operation() {
        return operation;
    }

    public int size() {
        return first.size() + fixed() + positives + negatives;
    }

    private int fixed() {
        return scenarios.size() + malformed.size() * MALFORMED.size() + parameterRules.size();
    }

    public List<NegativeRule> rules() {
        return rules;
    }

    /** Case {@code index} of this plan, made afresh: the same plan and index always give the same case. */
    public Case get(long index) {
        Binding binding = fixtures.bind(operation, index);
        if (index < first.size()) {
            StoredCase stored = first.get((int) index);
            stats.count("cases stored, tried first");
            Parameters p = binding.parameters().withQuery(merged(binding.parameters().query(), stored.query()))
                    .withHeader(merged(binding.parameters().header(), stored.header()));
            return new Case(index, operation.id(), stored.kind(), p, stored.payload(), stored.body(), stored.contentType(),
                    stored.brokenRule(), binding.facts(), stored.sentLabel());
        }
        long generated = index - first.size();
        if (generated < scenarios.size()) {
            Scenario s = scenarios.get((int) generated);
            stats.count("cases " + s.kind().id());
            return valid(index, generated, s.kind(), s.binding(), s.label());
        }
        long i = generated - scenarios.size();
        if (i < malformed.size() * MALFORMED.size()) {
            Parameter p = malformed.get((int) i / MALFORMED.size());
            String value = String.format(MALFORMED.get((int) i % MALFORMED.size()), binding.parameters().path().getOrDefault(p.name(), ""));
            stats.count("cases " + CaseKind.MALFORMED_IDENTIFIER.id());
            Case valid = valid(index, generated, CaseKind.MALFORMED_IDENTIFIER, binding.withPath(p.name(), value),
                    "path parameter " + p.name() + " given '" + value + "', not an integer");
            return broken(valid, new BrokenRule("path parameter " + p.name() + " not an integer", Optional.empty(), Optional.of("type")));
        }
        i -= malformed.size() * MALFORMED.size();
        if (i < parameterRules.size()) {
            ParameterRule rule = parameterRules.get((int) i);
            stats.count("cases " + CaseKind.PARAMETER_NEGATIVE.id());
            stats.rule(rule.name());
            Case valid = valid(index, generated, CaseKind.PARAMETER_NEGATIVE, binding, "breaks " + rule.name());
            Parameters p = valid.parameters();
            p = rule.parameter().in() == Parameter.Location.QUERY ? p.withQuery(rule.apply(p.query())) : p.withHeader(rule.apply(p.header()));
            return broken(new Case(index, operation.id(), valid.kind(), p, valid.payload(), valid.body(), valid.contentType(),
                    Optional.empty(), valid.facts(), valid.label()), rule.brokenRule());
        }
        i -= parameterRules.size();
        if (i < positives) {
            stats.count("cases positive");
            return valid(index, generated, CaseKind.POSITIVE, binding, generates(operation) ? "valid request #" + (i + 1)
                    : "the valid request (the document gives nothing to generate)");
        }
        NegativeRule rule = rules.get((int) ((i - positives) % rules.size()));
        Case valid = valid(index, generated, CaseKind.NEGATIVE, binding, "breaks " + rule.name());
        Breakage broken = rule.apply(valid.payload().orElseThrow(), mediaType);
        stats.count("cases negative");
        stats.rule(rule.name());
        return new Case(index, operation.id(), CaseKind.NEGATIVE, valid.parameters(), broken.payload(), broken.body(),
                Optional.of(broken.contentType()), Optional.of(new BrokenRule(rule.name(), broken.pointer(), broken.keyword())),
                valid.facts(), valid.label());
    }

    /**
     * What a valid request of {@code index} draws from this plan's seed, as a positive case does (the same index always
     * draws the same): its body, and its generated query and header values, before it is bound to what it is given.
     * A sequence's steps are drawn ahead, off the worker that sends them, and bound there to the earlier answers. The
     * query and header values keep the order they were drawn in (the order they are sent in), and are only read.
     */
    public record Drawn(long index, Optional<JsonNode> payload, byte[] body, Map<String, String> query, Map<String, String> header) {
    }

    public Drawn draw(long index) {
        return draw(index, index);
    }

    /** The valid request {@code drawn}, of {@code kind}, with {@code binding} (what a step of a sequence was given). */
    public Case valid(Drawn drawn, CaseKind kind, Binding binding, String label) {
        Map<String, String> query = merged(binding.parameters().query(), drawn.query());
        Map<String, String> header = merged(binding.parameters().header(), drawn.header());
        // a value the document declares both as a parameter and in the body is sent the same in both places
        drawn.payload().filter(JsonNode::isObject).ifPresent(body -> declaredTwice.forEach(name -> {
            JsonNode v = body.get(name);
            if (v != null && v.isValueNode() && query.containsKey(name)) {
                query.put(name, v.asString());
            }
        }));
        Parameters p = binding.parameters().withQuery(query).withHeader(header);
        return new Case(drawn.index(), operation.id(), kind, p, drawn.payload(), drawn.body(), drawn.payload().map(b -> mediaType),
                Optional.empty(), binding.facts(), label);
    }

    private static Case broken(Case c, BrokenRule rule) {
        return new Case(c.index(), c.operationId(), c.kind(), c.parameters(), c.payload(), c.body(), c.contentType(),
                Optional.of(rule), c.facts(), c.label());
    }

    private static Map<String, String> merged(Map<String, String> first, Map<String, String> then) {
        Map<String, String> out = new LinkedHashMap<>(first);
        out.putAll(then);
        return out;
    }

    /** A valid request of this kind: generated query and header values, and a valid body when the document has one. */
    private Case valid(long index, long generated, CaseKind kind, Binding binding, String label) {
        return valid(draw(index, generated), kind, binding, label);
    }

    private Drawn draw(long index, long generated) {
        Rng rng = Rng.forCase(seed, generated);
        ValueGenerator values = new ValueGenerator(rng, stats);
        // drawn in this order, the body first: the same seed gives the same request
        Optional<JsonNode> payload = bodySchema.map(s -> validPayload(values, s, index));
        Map<String, String> query = generated(values, rng, Parameter.Location.QUERY);
        Map<String, String> header = generated(values, rng, Parameter.Location.HEADER);
        return new Drawn(index, payload, payload.map(Json::bytes).orElse(new byte[0]), query, header);
    }

    /** Required parameters always, optional ones every other time or so. */
    private Map<String, String> generated(ValueGenerator values, Rng rng, Parameter.Location in) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Parameter p : operation.parameters(in)) {
            JsonNode schema = valueSchemas.get(p);
            if (p.required() || rng.chance(0.5)) {
                JsonNode v = values.generate(schema);
                out.put(p.name(), v.isString() ? v.asString() : v.toString());
            }
        }
        return out;
    }

    /** A generated body the request schema accepts, as the API's client sends it: checked, never trusted. */
    private JsonNode validPayload(ValueGenerator values, JsonNode schema, long index) {
        Optional<JsonSchema> documented = operation.requestSchema();
        for (int attempt = 0; attempt < VALID_ATTEMPTS; attempt++) {
            JsonNode candidate = fixtures.adjust(operation, index, values.generate(schema));
            if (documented.isEmpty() || documented.get().validate(candidate).isEmpty()) {
                return candidate;
            }
            stats.count("generated payload rejected by the schema");
        }
        throw new GenerationException("could not generate a payload that the request schema of " + operation.id()
                + " accepts in " + VALID_ATTEMPTS + " attempts" + (stats.unknownKeywords().isEmpty() ? ""
                : "; it uses keywords generation does not support: " + String.join(", ", stats.unknownKeywords())));
    }

    @Override
    public Iterator<Case> iterator() {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Case next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }
}
