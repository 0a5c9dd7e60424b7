package conformance.sequence;

import conformance.generation.CaseKind;
import conformance.links.Link;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step of a sequence: an operation called with the values {@code link} takes from the answer of step
 * {@code from} (none for the root create, whose values all come from the fixtures), and, for a step of another
 * parent, one parameter {@code borrowed} from another step.
 */
public record Step(String operation, CaseKind kind, OptionalInt from, Optional<Link> link, Optional<Borrowed> borrowed) {

    /** Parameter {@code parameter} as {@code link} gives it from step {@code step}'s exchange. */
    public record Borrowed(String parameter, int step, Link link) {
    }

    static Step root(String operation) {
        return new Step(operation, CaseKind.POSITIVE, OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    static Step following(Link link, int from) {
        return new Step(link.target(), CaseKind.POSITIVE, OptionalInt.of(from), Optional.of(link), Optional.empty());
    }

    /** This step with one of its parameters taken from another step, as a request of {@code kind}. */
    Step borrowing(Borrowed value, CaseKind as) {
        return new Step(operation, as, from, link, Optional.of(value));
    }
}
