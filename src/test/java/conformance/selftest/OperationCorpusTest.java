package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.ResponseSchemaConformance;
import conformance.contract.JsonSchema;
import conformance.contract.Response;
import conformance.reference.Call;
import conformance.reference.Probes;
import conformance.reference.ReferenceTarget;
import conformance.reference.Reply;
import conformance.reference.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The variants of every operation, checked on the reference's answers without a run of the suite: a faulty one changes
 * the answers of the operation it names and of no other (so none is a no-op, and none breaks a rule elsewhere); a
 * conforming one changes something, and every answer it changes is still what the document says.
 */
class OperationCorpusTest {
    /** One call the reference answered: its own reply and the variant's. */
    private record Answered(Call call, Reply reference, Reply variant) {
        boolean changed() {
            return reference.status() != variant.status() || !reference.headers().equals(variant.headers())
                    || !Arrays.equals(reference.body(), variant.body()) || reference.chunked() != variant.chunked()
                    || reference.gzip() != variant.gzip();
        }

        String operation() {
            return call.operation();
        }
    }

    private static final BiFunction<String, List<Probes.Probe>, List<Probes.Probe>> EVERY_PROBE = (operation, probes) -> probes;

    static Stream<Corpus.Faulty> faulty() {
        return OperationCorpus.faulty().stream();
    }

    static Stream<ConformingCorpus.Conforming> conforming() {
        return OperationCorpus.conforming().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faulty")
    void aFaultyVariantChangesTheAnswersOfItsOperationAndOfNoOther(Corpus.Faulty faulty) {
        // all of its own operation's probes; of the others, the accepted request and an inbox that never existed
        List<Answered> answered = probe(faulty.variant().get(), (operation, probes) ->
                operation.equals(faulty.operation()) ? probes : probes.subList(0, 2));
        assertEquals(OperationCorpus.CONTRACT.operations().keySet(), operations(answered), "every operation was probed");
        List<Answered> changed = answered.stream().filter(Answered::changed).toList();
        assertEquals(Set.of(faulty.operation()), operations(changed), "the operations whose answers changed");
        if (faulty.expectedCheck().equals(ResponseSchemaConformance.ID)) {
            changed.forEach(a -> assertFalse(violations(a).isEmpty(), "still valid: " + new String(a.variant().body())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conforming")
    void aConformingVariantChangesSomethingAndLeavesEveryAnswerDocumented(ConformingCorpus.Conforming conforming) {
        List<Answered> changed = probe(conforming.variant().get(), EVERY_PROBE).stream().filter(Answered::changed).toList();
        assertFalse(changed.isEmpty(), "no answer changed");
        for (Answered a : changed) {
            String where = a.operation() + " " + a.variant().status() + " " + new String(a.variant().body());
            Response documented = OperationCorpus.CONTRACT.operation(a.operation()).response(a.variant().status())
                    .orElseThrow(() -> new AssertionError("undocumented status: " + where));
            if (documented.mediaType().isEmpty()) {
                assertEquals(0, a.variant().body().length, where);
                continue;
            }
            String contentType = a.variant().headers().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                    .map(Map.Entry::getValue).findFirst().orElse("").toLowerCase(Locale.ROOT);
            assertTrue(contentType.startsWith(documented.mediaType().get()), contentType + ": " + where);
            assertEquals(List.of(), violations(a), where);
        }
    }

    /** The lists are reordered, extra members and nulls reach every operation with a success body. */
    @Test
    void theBodyVariantsReachEveryOperationThatAnswersABody() {
        Set<String> withBody = OperationCorpus.CONTRACT.operations().values().stream()
                .filter(op -> op.success().flatMap(Response::schema).isPresent()).map(op -> op.id()).collect(Collectors.toSet());
        for (ConformingCorpus.Conforming c : OperationCorpus.conforming().subList(0, 2)) {
            assertEquals(withBody, operations(probe(c.variant().get(), EVERY_PROBE).stream().filter(Answered::changed).toList()), c.name());
        }
        assertEquals(Set.of("list-all-contact-conversations", "list-all-conversation-messages"),
                operations(probe(OperationCorpus.conforming().get(2).variant().get(), EVERY_PROBE).stream().filter(Answered::changed).toList()));
    }

    @Test
    void everyFaultOfTheWholeCorpusNamesAnOperationOfTheDocument() {
        List<Corpus.Faulty> all = Corpus.everyOperation();
        assertEquals(Corpus.faulty().size() + OperationCorpus.faulty().size() + StatefulCorpus.faulty().size(), all.size());
        all.forEach(f -> assertTrue(OperationCorpus.CONTRACT.operations().containsKey(f.operation()), f.name()));
        StatefulCorpus.awaitingSequences().forEach(f -> assertTrue(OperationCorpus.CONTRACT.operations().containsKey(f.operation()), f.name()));
        assertEquals(ConformingCorpus.all().size() + OperationCorpus.conforming().size() + StatefulCorpus.conforming().size(),
                ConformingCorpus.everyOperation().size());
    }

    /**
     * Starts the reference with {@code variant}, armed only once the probes' own contact, conversation and message
     * exist (a variant may break what creating them needs), then sends the probes {@code chosen} picks of each
     * operation; what each was answered.
     */
    private static List<Answered> probe(Variant variant, BiFunction<String, List<Probes.Probe>, List<Probes.Probe>> chosen) {
        List<Answered> answered = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean armed = new AtomicBoolean();
        try (ReferenceTarget target = ReferenceTarget.start((call, reply) -> {
            if (!armed.get()) {
                return reply;
            }
            Reply changed = variant.answer(call, reply);
            answered.add(new Answered(call, reply, changed));
            return changed;
        })) {
            Probes probes = new Probes(target);
            armed.set(true);
            probes.byOperation().forEach((operation, all) -> probes.send(chosen.apply(operation, all)));
        }
        return List.copyOf(answered);
    }

    private static Set<String> operations(List<Answered> answered) {
        return answered.stream().map(Answered::operation).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<JsonSchema.Violation> violations(Answered a) {
        return OperationCorpus.CONTRACT.operation(a.operation()).response(a.variant().status()).flatMap(Response::schema)
                .orElseThrow(() -> new AssertionError(a.operation() + " documents no schema for " + a.variant().status()))
                .validate(a.variant().json());
    }
}
