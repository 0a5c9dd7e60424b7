package conformance.selftest;

import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.reference.ReferenceTarget;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.verdict.CheckResult;
import conformance.verdict.Outcome;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the suite against a variant of the reference target, as a remote target (base URL + inbox identifiers). */
public final class Targets {
    static final int TRIES = 60;

    private Targets() {
    }

    public static Map<String, String> settingsFor(ReferenceTarget target) {
        Map<String, String> s = new HashMap<>();
        s.put("baseUrl", target.baseUrl().toString());
        s.put("inboxIdentifier", target.inboxes().get(0).identifier());
        s.put("otherInboxIdentifier", target.inboxes().get(1).identifier());
        s.put("tries", String.valueOf(TRIES));
        s.put("seed", "20261128");
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
        try (ReferenceTarget target = ReferenceTarget.start(variant)) {
            Map<String, String> s = settingsFor(target);
            s.putAll(extra);
            return new ConformanceRun(RunConfig.from(Settings.of(s)), Progress.SILENT, observer).execute();
        }
    }

    static Set<String> failedChecks(ConformanceRun.Result r) {
        return r.report().checks().stream().filter(c -> c.outcome() == Outcome.FAILED).map(CheckResult::checkId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
