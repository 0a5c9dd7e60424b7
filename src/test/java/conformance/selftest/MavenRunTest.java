package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.NegativeDataRejection;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.StatusCodeConformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Real Maven builds, offline, in a copy of the project ({@link MavenCopy}), as users and CI start them. */
@Tag("external")
// each build in a copy of its own: side by side
@Execution(ExecutionMode.CONCURRENT)
class MavenRunTest {
    private static final Duration LIMIT = Duration.ofMinutes(8);
    private static final String README_MARKER = "<!-- quiet-failing-run";
    /** Where the README's output has the project folder. */
    private static final String README_PROJECT = "/path/to/project";
    /** What differs from one run to the next: the embedded target's port and how long the run took. */
    private static final Pattern VARYING = Pattern.compile("127\\.0\\.0\\.1:\\d+|\\b\\d+ ms\\b");

    @Test
    void aTargetGivenWithoutTheProfileFailsTheBuildWithOneLineSayingHowToRunTheSuite() throws Exception {
        MavenCopy copy = MavenCopy.of("forgotten-profile");
        Command.Result build = copy.mvn(LIMIT, "-q", "verify", "-Dconformance.baseUrl=http://127.0.0.1:9");
        assertNotEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().lines().anyMatch(l -> l.contains(RunCommandGuard.refusal(List.of("conformance.baseUrl")))),
                build.output());
        assertFalse(build.output().contains("\tat "), "no stack trace: " + build.output());
        try (Stream<Path> reports = Files.list(copy.root().resolve("target").resolve("surefire-reports"))) {
            assertEquals(List.of("TEST-" + RunCommandGuardTest.class.getName() + ".xml"), reports.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".xml")).toList(), "no self-test ran");
        }
        assertFalse(Files.exists(copy.reports().resolve("conformance-summary.json")), "no suite ran either");
    }

    @Test
    void aQuietFailingRunPrintsWhatTheReadmeShowsEachFailedCheckOnceAndNamesItsJunitTestsByCheckAndOperation() throws Exception {
        MavenCopy copy = MavenCopy.of("quiet-failing-run");
        Command.Result run = copy.mvn(LIMIT, "-q", "verify", "-Pconformance", "-Dconformance.quiet=true",
                "-Dconformance.reference=chatwoot", "-Dconformance.seed=7", "-Dconformance.operations=create-a-conversation");
        String out = run.output();
        assertNotEquals(0, run.exitCode(), out);
        Files.writeString(copy.root().resolve("console.txt"), out);
        assertEquals(comparable(Readme.block(README_MARKER, "text")), comparable(out.replace(copy.root().toString(), README_PROJECT)),
                "README.md shows this output as it is, ports and durations aside (the copy's folder shown as " + README_PROJECT + ")");
        assertTrue(out.startsWith("[conformance] NON_CONFORMANT — http://127.0.0.1:"), out);
        assertTrue(out.lines().findFirst().orElseThrow().contains("(embedded reference target, chatwoot dialect)"), out);
        assertFalse(out.contains("\u001b"), "no ANSI escape: " + out);
        assertFalse(out.contains("\tat ") || out.contains("AssertionFailedError") || out.contains("AssertionError"),
                "no stack trace: " + out);
        Set<String> failed = Set.of(StatusCodeConformance.ID, PositiveDataAcceptance.ID, NegativeDataRejection.ID);
        for (String check : failed) {
            assertEquals(1, out.lines().filter(l -> l.startsWith("[ERROR]") && l.contains(check + " failed on")).count(),
                    check + " once: " + out);
        }
        String xml = Files.readString(copy.reports().resolve("junit").resolve("TEST-conformance.ConformanceSuite.xml"));
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<testcase name=\"([^\"]*)\"").matcher(xml);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.contains("conformance() verdict"), names.toString());
        for (String check : failed) {
            assertTrue(names.contains("conformance() " + check + " · create-a-conversation"), names.toString());
        }
        assertTrue(names.stream().allMatch(n -> n.equals("conformance() verdict") || n.matches("conformance\\(\\) [a-z_]+ · [a-z-]+")),
                names.toString());
        assertTrue(xml.contains("reproduce the first finding:\ncurl -sS -i -X POST"), "the failure text holds a curl");
    }

    private static String comparable(String output) {
        return VARYING.matcher(output).replaceAll(m -> m.group().contains(":") ? "127.0.0.1:<port>" : "<n> ms");
    }
}
