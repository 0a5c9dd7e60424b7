package conformance.verdict;

import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.checks.Skip;
import conformance.contract.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Collects, per (check, operation), how many exchanges a check judged and its distinct findings, keeping memory
 * bounded however long the run: repeats are counted, and at most {@link #MAX_DISTINCT} distinct findings are kept.
 */
public final class Tally {
    /**
     * More than the rules a request can break on one operation (update-a-message's body and path give 56), so that a
     * target refusing none of them still has every finding kept, each one judged (and waived) on its own.
     */
    static final int MAX_DISTINCT = 100;
    /** What shows a finding about the whole run: no kind of case, so only a waiver that names none covers it. */
    private static final String THE_WHOLE_RUN = "(the whole run)";

    private record Key(String checkId, String operationId) {
    }

    private static final class Entry {
        long requests;
        final Map<String, Finding> firsts = new LinkedHashMap<>();
        final Map<String, Integer> counts = new LinkedHashMap<>();
        /** the kinds of case that showed each distinct finding, for waivers that cover some kinds only */
        final Map<String, Set<String>> shownBy = new LinkedHashMap<>();
        /** findings about the whole run (see {@link #concluded}): no one response of theirs to match or shrink */
        final Set<String> aboutTheRun = new HashSet<>();
        long dropped;
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    public synchronized void judged(Check check, String operationId) {
        entry(check.id(), operationId).requests++;
    }

    public synchronized void found(Finding f) {
        add(f, Set.of(f.exchange().kase().kind().id()));
    }

    /**
     * A finding about the whole run rather than one answer (a documented status never observed): every kind of case
     * counts as showing it, so only a waiver for all kinds covers it, not one whose example exchange happens to match.
     */
    public synchronized void concluded(Finding f) {
        if (add(f, Set.of(THE_WHOLE_RUN))) {
            entry(f.checkId(), f.operationId()).aboutTheRun.add(f.signature());
        }
    }

    /** Whether a kept finding is about the whole run rather than its example exchange. */
    public synchronized boolean aboutTheRun(Finding f) {
        Entry e = entries.get(new Key(f.checkId(), f.operationId()));
        return e != null && e.aboutTheRun.contains(f.signature());
    }

    /** Whether the finding is kept (a repeat, or one of the first {@link #MAX_DISTINCT} distinct ones). */
    private boolean add(Finding f, Set<String> kinds) {
        Entry e = entry(f.checkId(), f.operationId());
        String sig = f.signature();
        if (e.firsts.containsKey(sig) || e.firsts.size() < MAX_DISTINCT) {
            e.firsts.putIfAbsent(sig, f);
            e.counts.merge(sig, 1, Integer::sum);
            e.shownBy.computeIfAbsent(sig, k -> new HashSet<>()).addAll(kinds);
            return true;
        }
        e.dropped++;
        return false;
    }

    /** How many findings {@link #distinct} holds, without a list of them (asked after every case). */
    public synchronized int distinctCount() {
        int n = 0;
        for (Entry e : entries.values()) {
            n += e.firsts.size();
        }
        return n;
    }

    public synchronized List<Finding> distinct() {
        List<Finding> all = new ArrayList<>();
        entries.values().forEach(e -> all.addAll(e.firsts.values()));
        return all;
    }

    /** Replaces a kept finding (e.g. by the same finding with its shrunk case). */
    public synchronized void revise(Finding f, UnaryOperator<Finding> change) {
        Entry e = entries.get(new Key(f.checkId(), f.operationId()));
        e.firsts.computeIfPresent(f.signature(), (k, old) -> change.apply(old));
    }

    private Entry entry(String checkId, String operationId) {
        return entries.computeIfAbsent(new Key(checkId, operationId), k -> new Entry());
    }

    /**
     * The results for the catalog on every selected operation, in their order (skipped ones included, with the reason
     * for that operation), then for any other operation the run touched, through its fixtures (only the checks that
     * judged something there).
     */
    public synchronized List<CheckResult> results(List<Check> catalog, List<Operation> selected, Waivers waivers) {
        List<CheckResult> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Operation op : selected) {
            ids.add(op.id());
            for (Check check : catalog) {
                out.add(result(check, op.id(), Optional.of(op), waivers));
            }
        }
        entries.keySet().stream().map(Key::operationId).distinct().filter(op -> !ids.contains(op))
                .forEach(op -> catalog.forEach(check -> {
                    if (entries.containsKey(new Key(check.id(), op))) {
                        out.add(result(check, op, Optional.empty(), waivers));
                    }
                }));
        return out;
    }

    private CheckResult result(Check check, String operationId, Optional<Operation> selected, Waivers waivers) {
        Entry e = entries.getOrDefault(new Key(check.id(), operationId), new Entry());
        List<FindingGroup> groups = new ArrayList<>();
        e.firsts.forEach((sig, f) -> groups.add(new FindingGroup(f, e.counts.get(sig),
                waivers.match(f, e.shownBy.get(sig), e.aboutTheRun.contains(sig)))));
        boolean allWaived = groups.stream().allMatch(g -> g.waiver().isPresent());
        Outcome outcome = groups.isEmpty() ? (e.requests > 0 ? Outcome.PASSED : Outcome.SKIPPED)
                : allWaived && e.dropped == 0 ? Outcome.WAIVED : Outcome.FAILED;
        Optional<Skip> skip = outcome == Outcome.SKIPPED ? selected.map(check::skip) : Optional.empty();
        List<String> reasons = groups.stream().flatMap(g -> g.waiver().stream()).distinct().map(Waiver::describe).toList();
        Optional<String> waiver = reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
        return new CheckResult(check.id(), operationId, outcome, e.requests, List.copyOf(groups), waiver, skip);
    }
}
