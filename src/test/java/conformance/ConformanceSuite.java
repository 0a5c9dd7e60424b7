package conformance;

import conformance.config.Settings;
import conformance.report.AllureReport;
import conformance.report.ExchangeLog;
import conformance.run.ConformanceRun;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
    private static final long MAX_ATTACHED_LOG_BYTES = 4L << 20;

    @TestFactory
    Stream<DynamicTest> conformance() {
        Launch.Outcome outcome = Launch.run(Settings.fromSystem(), System.out);
        if (outcome.result().isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("configuration",
                    () -> Assertions.fail("INCONCLUSIVE — " + outcome.configurationError().orElseThrow())));
        }
        ConformanceRun.Result result = outcome.result().get();
        RunReport report = result.report();
        AllureReport allure = new AllureReport(report, result.redactor());
        allure.writeRunFiles(Path.of(System.getProperty("allure.results.directory", outcome.reports().resolve("allure-results").toString())));
        List<DynamicTest> tests = new ArrayList<>();
        for (CheckResult c : report.checks()) {
            tests.add(DynamicTest.dynamicTest(c.checkId() + " · " + c.operationId(), () -> {
                allure.describe(c);
                if (report.verdict() == Verdict.INCONCLUSIVE && c.outcome() != Outcome.FAILED) {
                    Assumptions.abort("INCONCLUSIVE run: " + result.redactor().redact(report.inconclusiveReason().orElse("")));
                }
                switch (c.outcome()) {
                    case FAILED -> Assertions.fail(c.checkId() + " failed on " + c.operationId() + ": "
                            + c.findings().stream().limit(5).map(g -> line(g, result)).collect(Collectors.joining("; "))
                            + (c.findings().size() > 5 ? "; …" : ""));
                    case SKIPPED -> Assumptions.abort(c.skipReason().orElse("skipped"));
                    case WAIVED -> Allure.description("Waived: " + c.waiver().orElse(""));
                    default -> { }
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("verdict", () -> {
            Allure.addAttachment("generation statistics", "text/plain", result.statistics().render(), ".txt");
            attachExchangeLog(outcome.reports().resolve(ExchangeLog.FILE));
            if (report.verdict() != Verdict.CONFORMANT) {
                Assertions.fail(result.redactor().redact(report.headline()));
            }
        }));
        return tests.stream();
    }

    /** Every exchange of the run, when the log is small enough to attach; its path otherwise. */
    private static void attachExchangeLog(Path log) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        if (Files.size(log) <= MAX_ATTACHED_LOG_BYTES) {
            try (var in = Files.newInputStream(log)) {
                Allure.addAttachment("every exchange (ndjson)", "application/x-ndjson", in, ".ndjson");
            }
        } else {
            Allure.addAttachment("every exchange", "text/plain", "too large to attach: see " + log.toAbsolutePath(), ".txt");
        }
    }

    private static String line(FindingGroup g, ConformanceRun.Result result) {
        return result.redactor().redact(g.first().message()) + (g.occurrences() > 1 ? " (×" + g.occurrences() + ")" : "");
    }
}
