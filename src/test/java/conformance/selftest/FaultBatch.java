package conformance.selftest;

import conformance.reference.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Faulty variants of distinct operations judged in one run. Each variant is confined to its operation, so the faults
 * cannot meet: a check failing on an operation is that operation's fault's doing, or a false alarm where none is. One
 * run per fault would cost a whole run per fault; one per batch costs as many runs as the most-broken operation has faults.
 */
record FaultBatch(List<Corpus.Faulty> faults, Map<String, String> settings) {
    FaultBatch {
        faults = List.copyOf(faults);
        settings = Map.copyOf(settings);
    }

    /**
     * Packs the faults in order, each into the first batch of the same settings that has no fault of its operation yet.
     */
    static List<FaultBatch> pack(List<Corpus.Faulty> all, Function<Corpus.Faulty, Map<String, String>> settings) {
        Map<Map<String, String>, List<List<Corpus.Faulty>>> bySettings = new LinkedHashMap<>();
        for (Corpus.Faulty f : all) {
            List<List<Corpus.Faulty>> batches = bySettings.computeIfAbsent(settings.apply(f), k -> new ArrayList<>());
            List<Corpus.Faulty> free = batches.stream().filter(b -> b.stream().noneMatch(o -> o.operation().equals(f.operation())))
                    .findFirst().orElseGet(() -> {
                        List<Corpus.Faulty> fresh = new ArrayList<>();
                        batches.add(fresh);
                        return fresh;
                    });
            free.add(f);
        }
        List<FaultBatch> out = new ArrayList<>();
        bySettings.forEach((s, batches) -> batches.forEach(b -> out.add(new FaultBatch(b, s))));
        return out;
    }

    /** Every fault of the batch, each on the answers of its own operation. */
    Variant variant() {
        return Corpus.inTurn(faults.stream().map(f -> f.variant().get()).toList());
    }

    /** What must fail, and all that may: the union of the faults' own. */
    Set<Targets.Failure> mustFail() {
        return faults.stream().flatMap(f -> f.mustFail().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The operations its faults break. */
    Set<String> operations() {
        return faults.stream().map(Corpus.Faulty::operation).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether a fault of the batch also fails later steps on other operations (a false identity, used after). */
    boolean failsDownstream() {
        return faults.stream().anyMatch(f -> !f.downstream().isEmpty());
    }

    /**
     * What of a run's failures is {@code fault}'s doing: those on its operation and those it fails on later steps,
     * less what another fault of the batch fails on later steps; and the false alarms, which are every fault's.
     */
    Set<Targets.Failure> of(Corpus.Faulty fault, Set<Targets.Failure> failures) {
        Set<Targets.Failure> others = faults.stream().filter(f -> f != fault).flatMap(f -> f.downstream().stream())
                .filter(f -> !fault.mustFail().contains(f)).collect(Collectors.toSet());
        Set<Targets.Failure> got = falseAlarms(failures);
        failures.stream().filter(f -> f.operation().equals(fault.operation()) || fault.downstream().contains(f))
                .filter(f -> !others.contains(f)).forEach(got::add);
        return got;
    }

    /** The failures on operations no fault of the batch breaks, but those a fault of it fails on later steps. */
    Set<Targets.Failure> falseAlarms(Set<Targets.Failure> failures) {
        Set<String> broken = operations();
        Set<Targets.Failure> downstream = faults.stream().flatMap(f -> f.downstream().stream()).collect(Collectors.toSet());
        return failures.stream().filter(f -> !broken.contains(f.operation()) && !downstream.contains(f))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String toString() {
        return faults.stream().map(Corpus.Faulty::name).collect(Collectors.joining("; "));
    }
}
