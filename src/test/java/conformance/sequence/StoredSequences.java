package conformance.sequence;

import conformance.contract.Contract;
import conformance.exchange.Exchange;
import conformance.generation.CaseKind;
import conformance.generation.Json;
import conformance.links.Link;
import conformance.links.Links;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stored sequences as JSON and back: each step its operation, kind, which earlier step and link each of its values
 * comes from, and its own request parts ({@link StepRequest}); never the values the links took, which are taken again
 * from the new answers when it is sent.
 */
public final class StoredSequences {
    private StoredSequences() {
    }

    /**
     * The steps of {@code sent} up to the one {@code failing} was the answer of, each with the request parts it sent
     * ({@code failing}'s chain holds the steps before it, as sent).
     */
    public static Sequence recorded(Sequence sent, Exchange failing, Contract contract) {
        List<Exchange> exchanges = new ArrayList<>(failing.chain().orElseThrow().earlier());
        exchanges.add(failing);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < exchanges.size(); i++) {
            Step step = sent.steps().get(i);
            steps.add(step.sending(StepRequest.of(step, contract.operation(step.operation()), exchanges.get(i).kase())));
        }
        return new Sequence(sent.name(), steps);
    }

    /** Whether {@code failing}'s chain is made of {@code sent}'s first steps. */
    public static boolean sentAs(Sequence sent, Exchange failing) {
        List<String> operations = new ArrayList<>(failing.chain().orElseThrow().earlier().stream().map(e -> e.operation().id()).toList());
        operations.add(failing.operation().id());
        return sent.steps().size() >= operations.size() && sent.operations().subList(0, operations.size()).equals(operations);
    }

    public static ObjectNode toJson(StoredSequence stored) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("id", stored.id());
        out.put("check", stored.check());
        out.put("operation", stored.operation());
        out.put("name", stored.sequence().name());
        stored.sequence().steps().forEach(step -> out.withArray("steps").add(step(step)));
        return out;
    }

    private static ObjectNode step(Step step) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("operation", step.operation());
        out.put("kind", step.kind().id());
        step.link().ifPresent(l -> out.put("from", step.from().getAsInt()).set("link", link(l)));
        step.borrowed().ifPresent(b -> out.putObject("borrowed").put("parameter", b.parameter()).put("step", b.step())
                .set("link", link(b.link())));
        step.request().ifPresent(r -> {
            r.payload().ifPresent(p -> out.set("payload", p));
            if (!r.query().isEmpty()) {
                out.set("query", Json.MAPPER.valueToTree(r.query()));
            }
            if (!r.header().isEmpty()) {
                out.set("header", Json.MAPPER.valueToTree(r.header()));
            }
        });
        return out;
    }

    private static ObjectNode link(Link link) {
        return Json.NODES.objectNode().put("source", link.source()).put("name", link.name()).put("target", link.target());
    }

    /** One stored entry, its links found again in {@code links}; an IllegalArgumentException saying why it does not fit. */
    public static StoredSequence fromJson(JsonNode entry, Contract contract, Links links) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : entry.path("steps")) {
            String operation = text(s, "operation");
            if (!contract.operations().containsKey(operation)) {
                throw new IllegalArgumentException("the document has no operation " + operation);
            }
            String kindId = text(s, "kind");
            CaseKind kind = CaseKind.engine().stream().filter(k -> k.id().equals(kindId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no kind of step " + kindId));
            Optional<Link> link = s.has("link") ? Optional.of(link(s.get("link"), links, operation)) : Optional.empty();
            OptionalInt from = link.isPresent() ? OptionalInt.of(earlier(s, "from", steps.size())) : OptionalInt.empty();
            Optional<Step.Borrowed> borrowed = Optional.ofNullable(s.get("borrowed")).map(b -> new Step.Borrowed(text(b, "parameter"),
                    earlier(b, "step", steps.size()), link(b.path("link"), links, null)));
            steps.add(new Step(operation, kind, from, link, borrowed, Optional.of(new StepRequest(Optional.ofNullable(s.get("payload")),
                    strings(s.get("query")), strings(s.get("header"))))));
        }
        if (steps.isEmpty() || steps.get(0).link().isPresent()) {
            throw new IllegalArgumentException("no root step");
        }
        String operation = text(entry, "operation");
        if (!steps.get(steps.size() - 1).operation().equals(operation)) {
            throw new IllegalArgumentException("its last step is not of " + operation);
        }
        return new StoredSequence(text(entry, "id"), text(entry, "check"), operation, new Sequence(text(entry, "name"), steps));
    }

    /** The link the document's links have under that source and name (to {@code target}, when given). */
    private static Link link(JsonNode ref, Links links, String target) {
        String source = text(ref, "source");
        String name = text(ref, "name");
        String to = target == null ? text(ref, "target") : target;
        return links.from(source).stream().filter(l -> l.name().equals(name) && l.target().equals(to)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no link " + name + " from " + source + " to " + to));
    }

    private static int earlier(JsonNode node, String field, int steps) {
        JsonNode n = node.get(field);
        if (n == null || !n.canConvertToExactIntegral() || n.asInt() < 0 || n.asInt() >= steps) {
            throw new IllegalArgumentException(field + " names no earlier step");
        }
        return n.asInt();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null) {
            node.properties().forEach(m -> out.put(m.getKey(), m.getValue().asString()));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isString).map(JsonNode::asString)
                .orElseThrow(() -> new IllegalArgumentException("no " + field));
    }
}
