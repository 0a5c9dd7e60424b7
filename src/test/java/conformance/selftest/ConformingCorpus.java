package conformance.selftest;

import conformance.generation.Json;
import conformance.reference.Outcome;
import conformance.reference.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Variants that change only what the document leaves open; a suite that flags one of them is wrong. Every variant but
 * the reference itself also fills {@code messages} with conforming messages (attachments, senders), so the nested
 * schemas are judged on real content.
 */
final class ConformingCorpus {
    private ConformingCorpus() {
    }

    record Conforming(String name, Supplier<Variant> variant) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Conforming> all() {
        return List.of(
                new Conforming("the reference itself (application/json; charset=utf-8)", () -> Variant.CONFORMING),
                withMessages("unknown extra properties at every depth, in every body",
                        (call, r) -> r.withBody(Bodies.rebuildObjects(r.json(), o -> o.put("x_vendor_extension", "kept for later")))),
                withMessages("every nullable member null, at every depth", (call, r) -> switch (call.outcome()) {
                    case CONVERSATION_CREATED -> r.editJson(Bodies::nullEveryNullable);
                    case CONTACT_CREATED -> r.editJson(o -> List.of("name", "email", "phone_number").forEach(o::putNull));
                    default -> r;
                }),
                withMessages("every optional member absent, at every depth", (call, r) -> switch (call.outcome()) {
                    // id is optional too, but the run's other operations need the conversation it names
                    case CONVERSATION_CREATED -> r.withBody(((ObjectNode) Json.MAPPER.readTree(SPARSE_CONVERSATION))
                            .set("id", r.json().get("id")));
                    // source_id is optional too, but no client could go on without it (the suite would stop, inconclusive)
                    case CONTACT_CREATED -> r.editJson(o -> o.retain("source_id"));
                    default -> r.status() == 401 ? r.withBody(Json.NODES.objectNode()) : r;
                }),
                withMessages("members in reverse order, at every depth",
                        (call, r) -> r.withBody(Bodies.rebuildObjects(r.json(), Bodies::reversed))),
                withMessages("every body gzip-encoded", (call, r) -> r.gzipped()),
                withMessages("every body chunked", (call, r) -> r.chunkedEncoding()),
                withMessages("media type application/json without parameters",
                        (call, r) -> r.withHeader("Content-Type", "application/json")),
                withMessages("media type as Application/JSON;Charset=UTF-8",
                        (call, r) -> r.withHeader("Content-Type", "Application/JSON;Charset=UTF-8")),
                new Conforming("status in each enum value, in turn", () -> {
                    AtomicInteger count = new AtomicInteger();
                    return messages(conversations(o -> o.put("status", Bodies.STATUSES.get(count.getAndIncrement() % Bodies.STATUSES.size()))));
                }),
                withMessages("every attachment file_type and every sender type",
                        conversations(o -> o.set("messages", Bodies.everyEnumValue()))),
                // not the conversation's id: the run's other operations use it, and the reference knows it as it is
                withMessages("integers beyond 32 bits and beyond 2^53", conversations(o -> {
                    Bodies.firstMessage(o).put("id", (1L << 53) + 1);
                    o.put("agent_last_seen_at", 4_102_444_800L);
                    Bodies.firstAttachment(o).put("file_size", 5_000_000_000L);
                })),
                // JSON Schema 2020-12 §6.1.1 (validation): an integer is any number with a zero fractional part
                withMessages("integers written with a zero fraction (7.0), at every depth", (call, r) ->
                        call.outcome() != Outcome.CONVERSATION_CREATED ? r : r.withBody(Bodies.rebuildObjects(r.json(), o -> {
                            o.properties().stream().filter(m -> m.getValue().isIntegralNumber()).map(Map.Entry::getKey).toList()
                                    .forEach(name -> o.put(name, o.get(name).asDouble()));
                            return o;
                        }))));
    }

    /** These variants, those that change every operation ({@link OperationCorpus}) and the stateful ones ({@link StatefulCorpus}). */
    static List<Conforming> everyOperation() {
        List<Conforming> every = new ArrayList<>(all());
        every.addAll(OperationCorpus.conforming());
        every.addAll(StatefulCorpus.conforming());
        return every;
    }

    private static final String SPARSE_CONVERSATION = "{\"messages\":[{\"attachments\":[{}],\"sender\":{}}],\"contact\":{}}";

    private static Conforming withMessages(String name, Variant change) {
        return new Conforming(name, () -> messages(change));
    }

    /**
     * Conforming messages in every created conversation, then {@code change}, on the answers that have a body: one
     * documented without content (toggle-typing, update-last-seen) must stay empty.
     */
    private static Variant messages(Variant change) {
        return (call, reply) -> reply.body().length == 0 ? reply : change.answer(call, call.outcome() == Outcome.CONVERSATION_CREATED
                ? reply.editJson(o -> o.set("messages", Bodies.messages())) : reply);
    }

    /** Changes created conversations only. */
    private static Variant conversations(Consumer<ObjectNode> change) {
        return (call, reply) -> call.outcome() == Outcome.CONVERSATION_CREATED ? reply.editJson(change) : reply;
    }
}
