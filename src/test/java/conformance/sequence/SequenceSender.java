package conformance.sequence;

import conformance.contract.Contract;
import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.exchange.Chain;
import conformance.exchange.Delivery;
import conformance.exchange.Exchange;
import conformance.fixtures.Binding;
import conformance.fixtures.Fixtures;
import conformance.generation.Case;
import conformance.generation.CasePlan;
import conformance.generation.Parameters;
import conformance.generation.Statistics;
import conformance.links.Link;
import conformance.links.Links;
import conformance.links.RuntimeExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the steps of sequences one after the other: each step's values from the earlier answers through its link,
 * the fixtures' for the rest, a generated valid body; every delivery goes to the judge, its exchanges carrying their
 * {@link Chain}, before the next step is made. A step whose values an earlier answer did not give ends its sequence.
 * Workers send several sequences through one sender at once: what it keeps is made the same whichever asks first.
 */
public final class SequenceSender {
    /** Step indices start here, apart from the cases' own, so that what a step creates is unique in the run. */
    static final long FIRST_INDEX = 1_000_000;
    private static final int STEPS_PER_SEQUENCE = 1_000;
    private static final long SALT = 0x5e9_5e4dL;

    private final Contract contract;
    private final Fixtures fixtures;
    private final long seed;
    private final Statistics stats;
    private final Map<String, CasePlan> plans = new ConcurrentHashMap<>();

    public SequenceSender(Contract contract, Fixtures fixtures, long seed, Statistics stats) {
        this.contract = contract;
        this.fixtures = fixtures;
        this.seed = seed;
        this.stats = stats;
    }

    /**
     * Sends sequence {@code number} through {@code send}, each delivery handed to {@code judge} in order; why it
     * stopped before its last step, if it did.
     */
    public Optional<String> send(int number, Sequence sequence, BiFunction<Case, Operation, Delivery> send, Consumer<Delivery> judge) {
        return send(number, sequence, draw(number, sequence), send, judge);
    }

    /**
     * What each step of sequence {@code number} draws from the seed (its body, its generated parameters): all that
     * making a step takes apart from the earlier answers, so that it can be made ahead, off the worker that sends it.
     */
    public List<CasePlan.Drawn> draw(int number, Sequence sequence) {
        List<CasePlan.Drawn> drawn = new ArrayList<>();
        for (int i = 0; i < sequence.steps().size(); i++) {
            drawn.add(plan(contract.operation(sequence.steps().get(i).operation())).draw(index(number, i)));
        }
        return drawn;
    }

    /** {@link #send(int, Sequence, BiFunction, Consumer)} with the steps {@link #draw drawn} before. */
    public Optional<String> send(int number, Sequence sequence, List<CasePlan.Drawn> drawn, BiFunction<Case, Operation, Delivery> send,
                                 Consumer<Delivery> judge) {
        List<Exchange> earlier = new ArrayList<>();
        for (int i = 0; i < sequence.steps().size(); i++) {
            Step step = sequence.steps().get(i);
            Operation op = contract.operation(step.operation());
            long index = index(number, i);
            Map<String, JsonNode> values = new LinkedHashMap<>();
            Optional<String> missing = step.link().flatMap(link -> take(link, earlier.get(step.from().getAsInt()), values, l -> true));
            missing = missing.or(() -> step.borrowed().flatMap(b -> take(b.link(), earlier.get(b.step()), values,
                    name -> name.equals(b.parameter()))));
            if (missing.isPresent()) {
                return Optional.of("step " + (i + 1) + " (" + step.operation() + ") has no value: " + missing.get());
            }
            Case generated = plan(op).valid(drawn.get(i), step.kind(), bound(op, index, values), label(sequence, i, step));
            Case c = step.request().map(r -> r.over(generated, op, step)).orElse(generated);
            if (parent(sequence, i) && c.payload().isPresent()) {
                c = c.withPayload(fixtures.adjust(op, index, required(op, c.payload().get())));
            }
            Optional<JsonNode> body = step.link().flatMap(Link::requestBody).flatMap(e -> e.evaluate(earlier.get(step.from().getAsInt())));
            c = fixtures.step(op, body.map(c::withPayload).orElse(c), List.copyOf(earlier));
            Chain chain = new Chain(sequence.name(), earlier, step.borrowed().isPresent() ? OptionalInt.empty() : step.from(),
                    step.borrowed().isPresent() ? Set.of() : fromAnswer(step));
            Delivery delivery = new Delivery(send.apply(c, op).attempts().stream().map(e -> e.in(chain)).toList());
            judge.accept(delivery);
            earlier.add(delivery.last());
        }
        return Optional.empty();
    }

    private static long index(int number, int step) {
        return FIRST_INDEX + (long) number * STEPS_PER_SEQUENCE + step;
    }

    /** Whether a later step takes values from this one's answer. */
    private static boolean parent(Sequence sequence, int step) {
        return sequence.steps().stream().anyMatch(s -> s.from().equals(OptionalInt.of(step))
                || s.borrowed().filter(b -> b.step() == step).isPresent());
    }

    /**
     * Only the members the request schema requires: a create the later steps build on is sent the way a client
     * sends it first, so that a generated value the server may refuse (a format the document does not state)
     * does not end the sequence; the steps that are judged on what they sent keep their generated bodies.
     */
    private static JsonNode required(Operation op, JsonNode generated) {
        if (!generated.isObject()) {
            return generated;
        }
        Set<String> required = new HashSet<>();
        op.requestSchema().ifPresent(s -> s.node().path("required").forEach(r -> required.add(r.asString())));
        ObjectNode kept = ((ObjectNode) generated).deepCopy();
        kept.propertyNames().stream().filter(n -> !required.contains(n)).toList().forEach(kept::remove);
        return kept;
    }

    /** The values {@code link} gives from {@code source} for the parameters {@code wanted} names; what is missing, if any. */
    private static Optional<String> take(Link link, Exchange source, Map<String, JsonNode> into, java.util.function.Predicate<String> wanted) {
        for (Map.Entry<String, RuntimeExpression> p : link.parameters().entrySet()) {
            if (!wanted.test(p.getKey())) {
                continue;
            }
            Optional<JsonNode> value = p.getValue().evaluate(source);
            if (value.isEmpty() || value.get().isNull() || value.get().isContainer()) {
                return Optional.of(p.getValue().text() + " of " + source.operation().id() + " (answered " + source.status() + ")");
            }
            into.put(p.getKey(), value.get());
        }
        return Optional.empty();
    }

    /** The fixtures' values for the operation, those the links gave in their place. */
    private Binding bound(Operation op, long index, Map<String, JsonNode> values) {
        Binding fixed = fixtures.bind(op, index);
        Parameters p = fixed.parameters();
        Map<String, String> query = new LinkedHashMap<>(p.query());
        Map<String, String> header = new LinkedHashMap<>(p.header());
        for (Map.Entry<String, JsonNode> v : values.entrySet()) {
            Parameter parameter = Links.parameter(op, v.getKey()).orElseThrow();
            // an id answered as 7.0 is the path segment 7
            JsonNode value = v.getValue();
            String text = value.isNumber() && value.canConvertToExactIntegral() ? String.valueOf(value.asLong()) : value.asString();
            switch (parameter.in()) {
                case PATH -> p = p.withPath(parameter.name(), text);
                case QUERY -> query.put(parameter.name(), text);
                default -> header.put(parameter.name(), text);
            }
        }
        return new Binding(p.withQuery(query).withHeader(header), fixed.facts());
    }

    private static Set<String> fromAnswer(Step step) {
        return step.link().map(l -> l.parameters().entrySet().stream().filter(p -> LinkGraph.ofAnswer(p.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet())).orElse(Set.of());
    }

    private static String label(Sequence sequence, int at, Step step) {
        String where = "step " + (at + 1) + " of " + sequence.name();
        return step.borrowed().map(b -> where + ", with " + b.parameter() + " of step " + (b.step() + 1) + " (another parent)")
                .orElse(where);
    }

    private CasePlan plan(Operation op) {
        return plans.computeIfAbsent(op.id(), id -> new CasePlan(op, seed ^ SALT, 1, fixtures, List.of(), List.of(), stats));
    }
}
