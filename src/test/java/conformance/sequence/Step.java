package conformance.sequence;

import conformance.generation.CaseKind;
import conformance.links.Link;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;

/**
 * One step of a sequence: an operation called with the values {@code link} takes from the answer of step
 * {@code from} (none for the root create, whose values all come from the fixtures), and, for a step of another
 * parent, one parameter {@code borrowed} from another step. {@code request}: the step's own parts as an earlier run
 * sent them (a stored or shrunk sequence), in place of generated ones.
 */
public record Step(String operation, CaseKind kind, OptionalInt from, Optional<Link> link, Optional<Borrowed> borrowed,
                   Optional<StepRequest> request) {

    /** Parameter {@code parameter} as {@code link} gives it from step {@code step}'s exchange. */
    public record Borrowed(String parameter, int step, Link link) {
    }

    static Step root(String operation) {
        return new Step(operation, CaseKind.POSITIVE, OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Step following(Link link, int from) {
        return new Step(link.target(), CaseKind.POSITIVE, OptionalInt.of(from), Optional.of(link), Optional.empty(), Optional.empty());
    }

    /** This step with one of its parameters taken from another step, as a request of {@code kind}. */
    Step borrowing(Borrowed value, CaseKind as) {
        return new Step(operation, as, from, link, Optional.of(value), request);
    }

    /** This step sending {@code parts} instead of generated ones. */
    public Step sending(StepRequest parts) {
        return new Step(operation, kind, from, link, borrowed, Optional.of(parts));
    }

    /** Whether this step takes a value from step {@code step}'s exchange, through its link or the one it borrows. */
    public boolean takesFrom(int step) {
        return from.equals(OptionalInt.of(step)) || borrowed.filter(b -> b.step() == step).isPresent();
    }

    /** This step with the steps it takes values from renumbered (earlier steps were dropped). */
    Step renumbered(IntUnaryOperator number) {
        return new Step(operation, kind, from.isPresent() ? OptionalInt.of(number.applyAsInt(from.getAsInt())) : from, link,
                borrowed.map(b -> new Borrowed(b.parameter(), number.applyAsInt(b.step()), b.link())), request);
    }
}
