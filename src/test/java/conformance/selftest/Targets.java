package conformance.selftest;

import conformance.Configuration;
import conformance.checks.Catalog;
import conformance.checks.Check;
import conformance.config.Profile;
import conformance.config.Settings;
import conformance.generation.Case;
import conformance.reference.ReferenceTarget;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import java.util.Comparator;
import java.util.HashMap;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Runs the suite against a variant of the reference target, as a remote target (base URL + inbox identifiers). */
public final class Targets {
    static final int TRIES = 60;
    static final long SEED = 20261128;

    private Targets() {
    }

    public static Map<String, String> settingsFor(ReferenceTarget target) {
        Map<String, String> s = new HashMap<>();
        s.put("baseUrl", target.baseUrl().toString());
        s.put("inboxIdentifier", target.inboxes().get(0).identifier());
        s.put("otherInboxIdentifier", target.inboxes().get(1).identifier());
        s.put("tries", String.valueOf(TRIES));
        s.put("seed", String.valueOf(SEED));
        // not the project's reports/: failing cases stored by a user's own runs must not leak into self-tests
        s.put("reports", Path.of("target", "selftest-reports").toString());
        return s;
    }

    static ConformanceRun.Result run(Variant variant) {
        return run(variant, Map.of());
    }

    static ConformanceRun.Result run(Variant variant, Map<String, String> extra) {
        return run(variant, extra, ConformanceRun.Observer.NONE);
    }

    /** {@code extra} settings replace the defaults; a blank one means unset (e.g. no seed). */
    static ConformanceRun.Result run(Variant variant, Map<String, String> extra, ConformanceRun.Observer observer) {
        return execute(variant, s -> s.putAll(extra), observer);
    }

    static Set<String> failedChecks(ConformanceRun.Result r) {
        return new Measured(r, Map.of()).failedChecks();
    }

    /** A check that failed on an operation: the verdict is per check and operation. */
    record Failure(String check, String operation) implements Comparable<Failure> {
        private static final Comparator<Failure> ORDER = Comparator.comparing(Failure::check).thenComparing(Failure::operation);

        @Override
        public int compareTo(Failure other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return check + " on " + operation;
        }
    }

    /** A run and, per failure, the first request that showed it. */
    record Measured(ConformanceRun.Result result, Map<Failure, FirstSeen> firstSeen) {
        Set<String> failedChecks() {
            return failures().stream().map(Failure::check).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<Failure> failures() {
            return result.report().checks().stream().filter(c -> c.outcome() == Outcome.FAILED)
                    .map(c -> new Failure(c.checkId(), c.operationId())).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The 1-based number of the request (setup requests included) that first showed a check failing, and its case. */
    record FirstSeen(long request, String intent) {
    }

    /** Runs the suite against {@code variant}; {@code adjust} may change the settings (seed, tries, …) first. */
    static Measured measure(Variant variant, Consumer<Map<String, String>> adjust) {
        // by case: a finding keeps a trimmed copy of its exchange, but the same case
        Map<Case, Long> order = new IdentityHashMap<>();
        long[] requests = {0};
        ConformanceRun.Result r = execute(variant, adjust, (exchange, redactor) -> order.putIfAbsent(exchange.kase(), ++requests[0]));
        Map<Failure, FirstSeen> first = new TreeMap<>();
        for (CheckResult c : r.report().checks()) {
            c.findings().stream().map(FindingGroup::first)
                    .filter(f -> order.containsKey(f.exchange().kase()))
                    .map(f -> new FirstSeen(order.get(f.exchange().kase()), f.exchange().kase().intent().name()))
                    .forEach(seen -> first.merge(new Failure(c.checkId(), c.operationId()), seen,
                            (a, b) -> a.request() <= b.request() ? a : b));
        }
        return new Measured(r, first);
    }

    /**
     * The first request that shows {@code failure}, judged by a fresh instance of its check beside the run's own, which
     * is then stopped: a seed sweep needs to know whether and when a fault is found, not the rest of the run. Empty when
     * the whole run never shows it.
     */
    static Optional<FirstSeen> untilDetected(Variant variant, Failure failure, Consumer<Map<String, String>> adjust) {
        Check watcher = Catalog.create(Profile.STRICT).stream().filter(c -> c.id().equals(failure.check())).findFirst().orElseThrow();
        long[] requests = {0};
        ConformanceRun.Observer watch = (exchange, redactor) -> {
            requests[0]++;
            if (exchange.operation().id().equals(failure.operation()) && watcher.appliesTo(exchange) && !watcher.judge(exchange).isEmpty()) {
                throw new Detected(new FirstSeen(requests[0], exchange.kase().intent().name()));
            }
        };
        try {
            execute(variant, adjust, watch);
            return Optional.empty();
        } catch (Detected d) {
            return Optional.of(d.seen);
        }
    }

    /** Stops a run from inside its observer; carries no stack trace, it is not an error. */
    private static final class Detected extends RuntimeException {
        private final transient FirstSeen seen;

        Detected(FirstSeen seen) {
            super(null, null, false, false);
            this.seen = seen;
        }
    }

    private static ConformanceRun.Result execute(Variant variant, Consumer<Map<String, String>> adjust,
                                                 ConformanceRun.Observer observer) {
        try (ReferenceTarget target = ReferenceTarget.start(variant)) {
            Map<String, String> s = settingsFor(target);
            adjust.accept(s);
            return Configuration.from(Settings.of(s)).run(Progress.SILENT, observer).execute();
        }
    }
}
