package conformance.checks;

import conformance.contract.Operation;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import java.util.List;
import java.util.Optional;

/**
 * A created resource appears in the list its link leads to, found by id, not by position (a server may add items of
 * its own). Only the newest create of its kind at that place is looked for: a list may show only the latest items.
 */
public final class ListedAfterCreate implements Check {
    public static final String ID = "listed_after_create";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return Steps.positiveStep(e) && Steps.reads(e) && e.operation().answersArray() && newestCreate(e).isPresent();
    }

    /**
     * The create this list step's link started from, when that link took nothing of its answer (a link that did
     * leads below what it created, not to its list) and no later step created another one at the same place.
     */
    private static Optional<Exchange> newestCreate(Exchange e) {
        Chain chain = e.chain().orElseThrow();
        if (chain.from().isEmpty() || !chain.fromResponse().isEmpty()) {
            return Optional.empty();
        }
        Exchange source = chain.earlier().get(chain.from().getAsInt());
        List<Exchange> later = chain.earlier().subList(chain.from().getAsInt() + 1, chain.earlier().size());
        boolean superseded = later.stream().anyMatch(s -> s.operation().id().equals(source.operation().id())
                && Steps.path(s).equals(Steps.path(source)) && Steps.createdId(s).isPresent());
        return superseded ? Optional.empty() : Optional.of(source).filter(s -> Steps.createdId(s).isPresent());
    }

    @Override
    public List<Finding> judge(Exchange e) {
        Exchange create = newestCreate(e).orElseThrow();
        String id = Steps.createdId(create).orElseThrow();
        if (Steps.items(e).isEmpty()) {
            return List.of();
        }
        return Steps.item(Steps.items(e).get(), id).isPresent() ? List.of()
                : List.of(Finding.of(this, e, create.operation().id() + " created id " + id + ", but the list does not show it"));
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }

    @Override
    public Skip skip(Operation operation) {
        return operation.method().equalsIgnoreCase("GET") && operation.answersArray() ? skip()
                : Skip.notApplicable(operation.id() + " answers no list");
    }

    @Override
    public Skip skip() {
        return Skip.notApplicable("no step of a sequence listed what a create returned");
    }
}
