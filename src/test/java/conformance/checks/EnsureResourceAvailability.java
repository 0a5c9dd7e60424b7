package conformance.checks;

import conformance.contract.Operation;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a create returned can be fetched through the operation its link leads to, with the same identity: a step that
 * reads one resource (not a list) by a value an earlier create answered is accepted, and shows the create's {@code id},
 * and its {@code uuid} when both have one.
 */
public final class EnsureResourceAvailability implements Check {
    public static final String ID = "ensure_resource_availability";
    private static final List<String> IDENTITY = List.of("id", "uuid");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return Steps.positiveStep(e) && Steps.reads(e) && !e.operation().answersArray() && created(e).isPresent();
    }

    /** The create this step fetches: the step its link started from, when the link took a value of its answer. */
    private static Optional<Exchange> created(Exchange e) {
        Chain chain = e.chain().orElseThrow();
        return chain.fromResponse().isEmpty() ? Optional.empty()
                : chain.source().filter(s -> Steps.createdId(s).isPresent());
    }

    @Override
    public List<Finding> judge(Exchange e) {
        Exchange create = created(e).orElseThrow();
        String what = create.operation().id() + " created id " + Steps.createdId(create).orElseThrow();
        if (!Steps.succeeded(e)) {
            return List.of(Finding.of(this, e, what + ", but fetching it answered " + e.status()));
        }
        Optional<JsonNode> fetched = Steps.body(e).filter(JsonNode::isObject);
        if (fetched.isEmpty()) {
            return List.of(Finding.of(this, e, what + ", but fetching it answered no JSON object"));
        }
        JsonNode made = Steps.body(create).orElseThrow();
        List<Finding> out = new ArrayList<>();
        for (String field : IDENTITY) {
            JsonNode was = made.get(field);
            JsonNode is = fetched.get().get(field);
            boolean judged = field.equals("id") || is != null && !is.isNull();
            if (was != null && !was.isNull() && judged && (is == null || !Steps.same(was, is))) {
                out.add(Finding.of(this, e, what + ", but fetching it shows " + field + " " + is + " instead of " + was).at("/" + field));
            }
        }
        return out;
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }

    @Override
    public Skip skip(Operation operation) {
        return operation.method().equalsIgnoreCase("GET") && !operation.answersArray() ? skip()
                : Skip.notApplicable(operation.id() + " fetches no single resource");
    }

    @Override
    public Skip skip() {
        return Skip.notApplicable("no step of a sequence fetched what a create returned");
    }
}
