package conformance;

import conformance.config.Settings;
import conformance.report.AllureHistory;
import conformance.report.AllureReport;
import conformance.report.ExchangeLog;
import conformance.run.ConformanceRun;
import conformance.verdict.CheckResult;
import conformance.verdict.Outcome;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The suite as JUnit runs it (the README's run command): one run against the configured target, then one test per
 * check and operation, and a verdict test that fails on NON_CONFORMANT and INCONCLUSIVE. Not one of the project's
 * self-tests: the test command leaves it out.
 */
class ConformanceSuite {

    @TestFactory
    Stream<DynamicTest> conformance() {
        Settings settings = Settings.fromSystem(Configuration.knownSettings());
        Path reports = Launch.reportsFolder(settings);
        Path results = Path.of(System.getProperty("allure.results.directory", reports.resolve("allure-results").toString()));
        Launch.Outcome outcome = Launch.run(settings, System.out);
        if (outcome.result().isEmpty()) {
            AllureReport.writeStoppedRunFiles(results, outcome.stopReason().orElseThrow());
            return Stream.of(DynamicTest.dynamicTest("configuration",
                    () -> {
                        throw new Failed("INCONCLUSIVE — " + outcome.stopReason().orElseThrow(), "");
                    }));
        }
        ConformanceRun.Result result = outcome.result().get();
        RunReport report = result.report();
        AllureReport allure = new AllureReport(report, result.redactor(), settings.get("shard"));
        allure.writeRunFiles(results);
        carryHistory(settings.get("history").map(Path::of).orElse(reports.resolve("allure-report")), results, allure.environment());
        List<DynamicTest> tests = new ArrayList<>();
        for (CheckResult c : report.checks()) {
            tests.add(DynamicTest.dynamicTest(c.checkId() + " · " + c.operationId(), () -> {
                allure.describe(c);
                if (report.verdict() == Verdict.INCONCLUSIVE && c.outcome() != Outcome.FAILED) {
                    Assumptions.abort(allure.inconclusive());
                }
                switch (c.outcome()) {
                    case FAILED -> throw new Failed(allure.failure(c), firstCurl(c, result));
                    case WAIVED -> Assumptions.abort(allure.waived(c));
                    case SKIPPED -> Assumptions.abort(allure.skipped(c));
                    case PASSED -> { }
                }
            }));
        }
        // named "verdict" whatever the verdict, so CI systems follow one test from run to run
        tests.add(DynamicTest.dynamicTest("verdict", () -> {
            allure.describeVerdict(result.statistics().render(), outcome.reports().resolve(ExchangeLog.FILE));
            if (report.verdict() != Verdict.CONFORMANT) {
                String why = report.inconclusiveReason().orElse(report.failedChecks() + " of " + report.checks().size()
                        + " checks failed");
                throw new Failed(report.verdict() + " — " + result.redactor().redact(why), result.redactor().redact(report.headline()));
            }
        }));
        return tests.stream();
    }

    /** How to send the first finding of a failed check again, for the JUnit XML. */
    private static String firstCurl(CheckResult c, ConformanceRun.Result result) {
        return c.findings().stream().findFirst().map(g -> g.first().shrunk().orElse(g.first().exchange()).request())
                .map(r -> "reproduce the first finding:\n" + result.redactor().curl(r)).orElse("");
    }

    /**
     * A check's failure: Maven's console prints its message once, with no stack trace (it is not a bug of the suite);
     * the JUnit XML's failure text also holds its details (the first finding's curl, the verdict line).
     */
    private static final class Failed extends AssertionError {
        private final String details;

        Failed(String message, String details) {
            super(message, null);
            this.details = details;
            setStackTrace(new StackTraceElement[0]);
        }

        @Override
        public String toString() {
            return details.isEmpty() ? getMessage() : getMessage() + "\n" + details;
        }
    }

    /**
     * The previous report's history goes into this run's results, so the new report shows trends, when that report
     * is of this run's target and document; a run goes on without one.
     */
    private static void carryHistory(Path previousReport, Path results, Properties run) {
        try {
            AllureHistory.carry(previousReport, results, run);
        } catch (IOException e) {
            System.out.println("[conformance] report history: " + e.getMessage() + "; this report starts a new history");
        }
    }
}
