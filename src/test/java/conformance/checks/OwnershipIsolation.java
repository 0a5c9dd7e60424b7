package conformance.checks;

import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource reached with another parent's identifier is not accepted (a step of kind {@code foreign_parent}), and a
 * list under one parent shows none of the resources its sequence created under another: a create at the same path
 * template with other path values.
 */
public final class OwnershipIsolation implements Check {
    public static final String ID = "ownership_isolation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return e.answered() && e.chain().isPresent() && (e.kase().intent() == Intent.FOREIGN_PARENT
                || Steps.positiveStep(e) && Steps.reads(e) && e.operation().answersArray() && !elsewhere(e).isEmpty());
    }

    /** The creates of the chain made at this list's path template under other values: another parent's. */
    private static List<Exchange> elsewhere(Exchange list) {
        return list.chain().orElseThrow().earlier().stream()
                .filter(c -> c.operation().pathTemplate().equals(list.operation().pathTemplate()) && Steps.createdId(c).isPresent()
                        && !Steps.path(c).equals(Steps.path(list)))
                .toList();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        if (e.kase().intent() == Intent.FOREIGN_PARENT) {
            return Steps.succeeded(e) ? List.of(Finding.of(this, e, "accepted with " + e.status() + ": " + e.kase().label())) : List.of();
        }
        List<Finding> out = new ArrayList<>();
        Steps.items(e).ifPresent(items -> elsewhere(e).forEach(c -> {
            String id = Steps.createdId(c).orElseThrow();
            if (Steps.item(items, id).isPresent()) {
                out.add(Finding.of(this, e, "the list shows id " + id + ", which " + c.operation().id() + " created under "
                        + Steps.path(c)));
            }
        }));
        return out;
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }

    @Override
    public Skip skip(Operation operation) {
        long parameters = operation.pathTemplate().chars().filter(ch -> ch == '{').count();
        // a resource under a parent under a parent, or a list under a parent
        return parameters >= 3 || parameters == 2 && operation.answersArray() ? skip()
                : Skip.notApplicable(operation.id() + " reaches nothing under a parent's child, and lists nothing under a parent");
    }

    @Override
    public Skip skip() {
        return Skip.notApplicable("no sequence reached a resource through another parent");
    }
}
