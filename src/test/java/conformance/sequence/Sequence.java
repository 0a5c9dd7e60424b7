package conformance.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Steps a client takes in order, each owning what its root create made; {@code name} is stable for one document and seed. */
public record Sequence(String name, List<Step> steps) {
    public Sequence {
        steps = List.copyOf(steps);
    }

    /** The operations the steps call, in order. */
    public List<String> operations() {
        return steps.stream().map(Step::operation).toList();
    }

    /** Step {@code step} and every later step that takes a value from one of those: what must go when it goes. */
    public Set<Integer> withDependents(int step) {
        Set<Integer> out = new TreeSet<>(Set.of(step));
        for (int later = step + 1; later < steps.size(); later++) {
            Step s = steps.get(later);
            if (out.stream().anyMatch(s::takesFrom)) {
                out.add(later);
            }
        }
        return out;
    }

    /** This sequence without the steps {@code dropped}, the later steps' sources renumbered; no step of it may take from a dropped one. */
    public Sequence without(Set<Integer> dropped) {
        List<Step> kept = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!dropped.contains(i)) {
                kept.add(steps.get(i).renumbered(at -> at - (int) dropped.stream().filter(d -> d < at).count()));
            }
        }
        return new Sequence(name, kept);
    }

    /** The first {@code count} steps. */
    public Sequence first(int count) {
        return new Sequence(name, steps.subList(0, count));
    }

    /** This sequence with step {@code at} replaced. */
    public Sequence with(int at, Step step) {
        List<Step> out = new ArrayList<>(steps);
        out.set(at, step);
        return new Sequence(name, out);
    }
}
