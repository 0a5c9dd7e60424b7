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
import org.junit.jupiter.api.Assertions;
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
        Settings settings = Settings.fromSystem();
        Path reports = Launch.reportsFolder(settings);
        Path results = Path.of(System.getProperty("allure.results.directory", reports.resolve("allure-results").toString()));
        Launch.Outcome outcome = Launch.run(settings, System.out);
        if (outcome.result().isEmpty()) {
            AllureReport.writeStoppedRunFiles(results, outcome.stopReason().orElseThrow());
            return Stream.of(DynamicTest.dynamicTest("configuration",
                    () -> Assertions.fail("INCONCLUSIVE — " + outcome.stopReason().orElseThrow())));
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
                    case FAILED -> Assertions.fail(allure.failure(c));
                    case WAIVED -> Assumptions.abort(allure.waived(c));
                    case SKIPPED -> Assumptions.abort(c.skipReason().orElse("skipped"));
                    case PASSED -> { }
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("verdict · " + report.verdict(), () -> {
            allure.describeVerdict(result.statistics().render(), outcome.reports().resolve(ExchangeLog.FILE));
            if (report.verdict() != Verdict.CONFORMANT) {
                Assertions.fail(result.redactor().redact(report.headline()));
            }
        }));
        return tests.stream();
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
