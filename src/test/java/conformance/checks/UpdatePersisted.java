package conformance.checks;

import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.contract.Response;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What an update sent is what the next read of that resource shows: the resource itself, or its item (by id) in the
 * list above it. Fields are paired by equal names where the read's schema documents the field, plus the pairs the API
 * declares ({@link FieldPair}); blank values sent (null, empty, only spaces) are not judged, since a server may
 * ignore them. Inside an object whose schema lists its properties (its own or its parts', {@link ListedMembers}), only
 * those are judged: a member the generator added
 * beyond them is one the document promises nothing about, and a server may drop it (Chatwoot keeps only the members of
 * {@code submitted_values} it permits); an object whose schema lists none (free-form, as {@code custom_attributes}) is
 * judged member by member. In a list, the other items keep the values the list showed for those fields before the
 * update.
 */
public final class UpdatePersisted implements Check {
    public static final String ID = "update_persisted";

    private final List<FieldPair> declared;

    public UpdatePersisted(List<FieldPair> declared) {
        this.declared = List.copyOf(declared);
    }

    /** An update, and the id of its resource in a list read (empty when the read shows the resource itself). */
    private record Update(int step, Exchange exchange, Optional<String> itemId) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return Steps.positiveStep(e) && Steps.reads(e) && Steps.succeeded(e) && update(e).isPresent();
    }

    /** The latest successful update before this read, of the resource it reads or of an item of the list it reads. */
    private static Optional<Update> update(Exchange read) {
        List<Exchange> earlier = read.chain().orElseThrow().earlier();
        String path = Steps.path(read);
        boolean list = read.operation().answersArray();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Exchange u = earlier.get(i);
            String method = u.operation().method().toUpperCase(Locale.ROOT);
            if (!(method.equals("PATCH") || method.equals("PUT")) || !Steps.valid(u) || !Steps.succeeded(u)
                    || u.kase().payload().filter(JsonNode::isObject).isEmpty()) {
                continue;
            }
            String target = Steps.path(u);
            if (!list && target.equals(path)) {
                return Optional.of(new Update(i, u, Optional.empty()));
            }
            if (list && target.startsWith(path + "/") && target.indexOf('/', path.length() + 1) < 0) {
                return Optional.of(new Update(i, u, Optional.of(URLDecoder.decode(target.substring(path.length() + 1), StandardCharsets.UTF_8))));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        Update u = update(e).orElseThrow();
        Optional<JsonNode> shown = u.itemId().isEmpty() ? Steps.body(e).filter(JsonNode::isObject)
                : Steps.items(e).flatMap(items -> Steps.item(items, u.itemId().get()));
        if (shown.isEmpty()) {
            return List.of();
        }
        JsonNode sent = u.exchange().kase().payload().orElseThrow();
        Map<String, FieldPair> pairs = pairs(u.exchange().operation(), e.operation());
        List<Finding> out = new ArrayList<>();
        String what = u.exchange().operation().id() + " sent ";
        JsonNode sentSchema = u.exchange().operation().requestSchema().map(JsonSchema::node).orElse(MissingNode.getInstance());
        pairs.values().forEach(pair -> {
            JsonNode value = sent.at(pair.sent());
            JsonNode now = shown.get().at(pair.shown());
            // null is a value the read's schema may allow in place of any other: what the server withholds is not judged
            if (!blank(value) && !now.isNull() && !holds(value, now, pair.ignoreCase(), schemaAt(sentSchema, pair.sent()))) {
                out.add(Finding.of(this, e, what + pair.sent().substring(1) + " " + value + ", but the next read shows "
                        + (now.isMissingNode() ? "no " + pair.shown().substring(1) : pair.shown().substring(1) + " " + now)).at(pair.shown()));
            }
        });
        u.itemId().ifPresent(id -> others(e, u, id, pairs.values()).forEach(out::add));
        return out;
    }

    /** The items of the list other than the updated one: what the list showed of the paired fields before the update, still. */
    private List<Finding> others(Exchange e, Update u, String updated, Iterable<FieldPair> pairs) {
        Chain chain = e.chain().orElseThrow();
        Optional<Iterable<JsonNode>> before = chain.earlier().subList(0, u.step()).stream()
                .filter(s -> Steps.valid(s) && Steps.path(s).equals(Steps.path(e)) && Steps.reads(s))
                .reduce((a, b) -> b).flatMap(Steps::items);
        List<Finding> out = new ArrayList<>();
        before.ifPresent(items -> items.forEach(was -> Steps.id(was).filter(id -> !id.equals(updated)).ifPresent(id ->
                Steps.item(Steps.items(e).orElseThrow(), id).ifPresent(now -> pairs.forEach(pair -> {
                    if (!was.at(pair.shown()).equals(now.at(pair.shown()))) {
                        out.add(Finding.of(this, e, u.exchange().operation().id() + " of item " + updated + " changed "
                                + pair.shown().substring(1) + " of item " + id + " from " + was.at(pair.shown()) + " to "
                                + now.at(pair.shown())).at(pair.shown()));
                    }
                })))));
        return out;
    }

    /** Declared pairs of this update, and equal names for the top-level fields the read documents and nothing declared. */
    private Map<String, FieldPair> pairs(Operation update, Operation read) {
        Map<String, FieldPair> out = new TreeMap<>();
        Map<String, JsonNode> shown = read.success().flatMap(Response::schema).map(JsonSchema::node)
                .map(s -> ListedMembers.of(read.answersArray() ? s.path("items") : s)).orElse(Map.of());
        update.requestSchema().map(s -> ListedMembers.of(s.node())).ifPresent(sent -> sent.keySet().forEach(name -> {
            if (shown.containsKey(name)) {
                out.put("/" + name, FieldPair.renamed(update.id(), "/" + name, "/" + name));
            }
        }));
        declared.stream().filter(p -> p.updateOperation().equals(update.id())).forEach(p -> out.put(p.sent(), p));
        return out;
    }

    /** The schema of the member at {@code pointer} (a path of property names) inside {@code schema}; missing if undeclared. */
    private static JsonNode schemaAt(JsonNode schema, String pointer) {
        JsonNode at = schema;
        for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
            at = ListedMembers.of(at).getOrDefault(p.getMatchingProperty(), MissingNode.getInstance());
        }
        return at;
    }

    private static boolean blank(JsonNode v) {
        return v.isMissingNode() || v.isNull() || v.isString() && v.asString().isBlank() || v.isContainer() && v.isEmpty();
    }

    /**
     * Whether the read shows what was sent ({@code schema}: the request schema's for it, missing when unknown): scalars
     * equal, objects holding every non-blank member sent that their schema lists, or every one when it lists none (a
     * merge is fine).
     */
    private static boolean holds(JsonNode sent, JsonNode shown, boolean ignoreCase, JsonNode schema) {
        if (sent.isObject()) {
            if (!shown.isObject()) {
                return false;
            }
            Map<String, JsonNode> listed = ListedMembers.of(schema);
            boolean freeForm = listed.isEmpty();
            for (Map.Entry<String, JsonNode> member : sent.properties()) {
                if ((freeForm || listed.containsKey(member.getKey())) && !blank(member.getValue()) && !holds(member.getValue(),
                        shown.path(member.getKey()), ignoreCase, listed.getOrDefault(member.getKey(), MissingNode.getInstance()))) {
                    return false;
                }
            }
            return true;
        }
        if (ignoreCase && sent.isString() && shown.isString()) {
            return sent.asString().equalsIgnoreCase(shown.asString());
        }
        return !shown.isMissingNode() && Steps.same(sent, shown);
    }

    @Override
    public Skip skip(Operation operation) {
        return operation.method().equalsIgnoreCase("GET") ? skip() : Skip.notApplicable(operation.id() + " reads nothing back");
    }

    @Override
    public Skip skip() {
        return Skip.notApplicable("no step of a sequence read back what an update sent");
    }
}
