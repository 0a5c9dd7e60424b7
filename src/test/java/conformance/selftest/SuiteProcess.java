package conformance.selftest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run command's suite (ConformanceSuite with the Allure listener) in a JVM of its own, as failsafe runs it:
 * its settings and its Allure results folder are that JVM's system properties, which the self-tests' JVM must not
 * share.
 */
final class SuiteProcess {
    private SuiteProcess() {
    }

    /** Runs the suite with these settings (short keys) writing into {@code reports}; returns the launcher's result. */
    static Command.Result run(Map<String, String> settings, Path reports) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Command.SHORT_LIVED_JVM, "-cp", classpath()));
        line.addAll(properties(settings));
        line.add("-Dconformance.reports=" + reports);
        line.add("-Dallure.results.directory=" + reports.resolve("allure-results"));
        line.addAll(List.of("org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner",
                "--disable-ansi-colors", "--details=none", "--select-class=conformance.ConformanceSuite"));
        return Command.of(Duration.ofMinutes(5), line.toArray(String[]::new)).run();
    }

    /** Settings (short keys) as the system properties that give them, in a stable order. */
    static List<String> properties(Map<String, String> settings) {
        return new TreeMap<>(settings).entrySet().stream().map(e -> "-Dconformance." + e.getKey() + "=" + e.getValue()).toList();
    }

    /** The test classpath; surefire keeps it in its own property when it starts tests through a manifest-only jar. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
