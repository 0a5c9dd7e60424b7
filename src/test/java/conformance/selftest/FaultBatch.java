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

    /** The failures on operations no fault of the batch breaks. */
    Set<Targets.Failure> falseAlarms(Set<Targets.Failure> failures) {
        Set<String> broken = faults.stream().map(Corpus.Faulty::operation).collect(Collectors.toSet());
        return failures.stream().filter(f -> !broken.contains(f.operation())).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String toString() {
        return faults.stream().map(Corpus.Faulty::name).collect(Collectors.joining("; "));
    }
}
