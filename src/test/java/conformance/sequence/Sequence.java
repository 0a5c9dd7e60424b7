package conformance.sequence;

import java.util.List;

/** Steps a client takes in order, each owning what its root create made; {@code name} is stable for one document and seed. */
public record Sequence(String name, List<Step> steps) {
    public Sequence {
        steps = List.copyOf(steps);
    }

    /** The operations the steps call, in order. */
    public List<String> operations() {
        return steps.stream().map(Step::operation).toList();
    }
}
