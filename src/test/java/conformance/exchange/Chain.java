package conformance.exchange;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where a step of a sequence stands, for the checks that judge what must hold between steps and for the reports: the
 * sequence's name, the steps sent before it (in order, as answered), and the earlier step whose answer gave this one
 * its values through the link it followed ({@code from}, an index into {@code earlier}), with the parameters that
 * link took from that step's response ({@code fromResponse}, e.g. the {@code id} a create returned).
 */
public record Chain(String sequence, List<Exchange> earlier, OptionalInt from, Set<String> fromResponse) {
    public Chain {
        earlier = List.copyOf(earlier);
        fromResponse = Set.copyOf(fromResponse);
    }

    /** The step this one followed a link from. */
    public Optional<Exchange> source() {
        return from.isPresent() ? Optional.of(earlier.get(from.getAsInt())) : Optional.empty();
    }

    /** The steps after {@code step} and before this one. */
    public List<Exchange> after(Exchange step) {
        int at = earlier.indexOf(step);
        return at < 0 ? List.of() : earlier.subList(at + 1, earlier.size());
    }
}
