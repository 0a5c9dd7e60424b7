package conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.exchange.Redactor;
import conformance.verdict.CheckResult;
import conformance.verdict.Outcome;
import conformance.verdict.Reports;
import conformance.verdict.Verdict;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import io.qameta.allure.util.ResultsUtils;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Allure's Suites tab reads operation → check: each check's test is filed under its operation, the verdict beside them. */
class AllureSuitesTest {
    private static final CheckResult CHECK = new CheckResult("status_code_conformance", "update-a-message", Outcome.PASSED, 3,
            List.of(), Optional.empty(), Optional.empty());
    private final AllureReport allure = new AllureReport(Reports.of(Verdict.CONFORMANT, List.of(CHECK)), new Redactor(), Optional.empty());

    /** The suite labels of one test, started as the JUnit extension starts it (under the class's suite), after {@code body}. */
    private static Map<String, List<String>> suiteLabels(Consumer<AllureReport> body, AllureReport allure) {
        List<TestResult> written = new ArrayList<>();
        AllureLifecycle previous = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new AllureResultsWriter() {
            @Override
            public void write(TestResult result) {
                written.add(result);
            }

            @Override
            public void write(TestResultContainer container) {
            }

            @Override
            public void write(String source, InputStream attachment) {
            }
        });
        String uuid = UUID.randomUUID().toString();
        Allure.setLifecycle(lifecycle);
        try {
            lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("a test")
                    .setLabels(new ArrayList<>(List.of(ResultsUtils.createSuiteLabel("conformance.ConformanceSuite")))));
            lifecycle.startTestCase(uuid);
            body.accept(allure);
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        } finally {
            Allure.setLifecycle(previous);
        }
        return written.get(0).getLabels().stream().filter(l -> l.getName().toLowerCase().contains("suite"))
                .collect(Collectors.groupingBy(Label::getName, Collectors.mapping(Label::getValue, Collectors.toList())));
    }

    @Test
    void aChecksTestIsFiledUnderItsOperationWithinTheRun() {
        assertEquals(Map.of("parentSuite", List.of("conformance.ConformanceSuite"), "suite", List.of("update-a-message")),
                suiteLabels(a -> a.describe(CHECK), allure));
    }

    @Test
    void theVerdictTestSitsBesideTheOperations() {
        assertEquals(Map.of("parentSuite", List.of("conformance.ConformanceSuite")),
                suiteLabels(a -> a.describeVerdict("", Path.of("target", ExchangeLog.FILE)), allure));
    }
}
