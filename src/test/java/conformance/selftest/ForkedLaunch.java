package conformance.selftest;

import conformance.Configuration;
import conformance.Launch;
import conformance.config.Settings;
import conformance.verdict.Verdict;

/**
 * A suite run in a JVM of its own, configured by system properties as users configure it: for the self-tests that
 * bound its heap, stop it midway, or read everything it prints. Exit code 0 for CONFORMANT, 1 for another verdict,
 * 2 for a configuration error.
 */
public final class ForkedLaunch {
    private ForkedLaunch() {
    }

    public static void main(String[] args) {
        Launch.Outcome outcome = Launch.run(Settings.fromSystem(Configuration.knownSettings()), System.out);
        System.exit(outcome.result().map(r -> r.report().verdict() == Verdict.CONFORMANT ? 0 : 1).orElse(2));
    }
}
