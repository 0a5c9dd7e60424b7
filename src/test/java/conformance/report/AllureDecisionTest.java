package conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.chatwoot.CrossInboxIsolation;
import conformance.checks.Finding;
import conformance.checks.NotAServerError;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.ResponseSignatureTest;
import conformance.checks.StatusCodeConformance;
import conformance.checks.UnknownIdentifierRejection;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.Reports;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import conformance.verdict.Waiver;
import io.qameta.allure.SeverityLevel;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What the Allure report shows first: its name, the severity of each check, which waiver accepted a finding. */
class AllureDecisionTest {
    private static final Waiver WAIVER = new Waiver(3, StatusCodeConformance.ID, "create-a-conversation", OptionalInt.of(422),
            Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), "Chatwoot answers 422 for invalid input", Optional.empty());

    @TempDir
    Path dir;

    private static RunReport report(Verdict verdict, String target, boolean embedded) {
        return Reports.of(verdict, Optional.empty(), target, embedded, List.of());
    }

    private static AllureReport allure(Verdict verdict, String target, boolean embedded) {
        return new AllureReport(report(verdict, target, embedded), new Redactor(), Optional.empty());
    }

    private static FindingGroup finding(String check, int status, boolean specGap, Optional<Waiver> waiver) {
        return new FindingGroup(new Finding(check, "create-a-conversation", "status " + status + " is not documented", status,
                Optional.empty(), null, specGap, Optional.empty()), 1, waiver);
    }

    private static CheckResult check(String id, FindingGroup... findings) {
        return new CheckResult(id, "create-a-conversation", findings.length == 0 ? Outcome.PASSED : Outcome.FAILED, 5,
                Arrays.asList(findings), Optional.empty(), Optional.empty());
    }

    @Test
    void serverErrorsAndSecurityFindingsAreCritical() {
        assertEquals(Optional.of(SeverityLevel.CRITICAL), AllureReport.severity(check(NotAServerError.ID,
                finding(NotAServerError.ID, 500, false, Optional.empty()))));
        assertEquals(Optional.of(SeverityLevel.CRITICAL), AllureReport.severity(check(UnknownIdentifierRejection.ID,
                finding(UnknownIdentifierRejection.ID, 200, false, Optional.empty()))));
        assertEquals(Optional.of(SeverityLevel.CRITICAL), AllureReport.severity(check(CrossInboxIsolation.ID,
                finding(CrossInboxIsolation.ID, 200, false, Optional.empty()))));
        assertEquals(Optional.of(SeverityLevel.CRITICAL), AllureReport.severity(check(StatusCodeConformance.ID,
                finding(StatusCodeConformance.ID, 422, true, Optional.empty()),
                finding(StatusCodeConformance.ID, 503, false, Optional.empty()))), "a 5xx among spec gaps is a server error");
    }

    @Test
    void findingsThatAreAllSpecGapsAreMinorAndOthersKeepAllureDefault() {
        assertEquals(Optional.of(SeverityLevel.MINOR), AllureReport.severity(check(StatusCodeConformance.ID,
                finding(StatusCodeConformance.ID, 422, true, Optional.empty()),
                finding(StatusCodeConformance.ID, 400, true, Optional.empty()))));
        assertEquals(Optional.empty(), AllureReport.severity(check(StatusCodeConformance.ID,
                finding(StatusCodeConformance.ID, 422, true, Optional.empty()),
                finding(StatusCodeConformance.ID, 299, false, Optional.empty()))));
        assertEquals(Optional.empty(), AllureReport.severity(check(ResponseSchemaConformance.ID,
                finding(ResponseSchemaConformance.ID, 200, false, Optional.empty()))));
        assertEquals(Optional.empty(), AllureReport.severity(check(NotAServerError.ID)), "no finding, nothing to weigh");
    }

    @Test
    void aWaivedFindingNamesItsWaiverBeforeAnyCut() {
        AllureReport allure = allure(Verdict.CONFORMANT, "https://staging.example.com", false);
        FindingGroup waived = new FindingGroup(new Finding(StatusCodeConformance.ID, "create-a-conversation", "x".repeat(400),
                422, Optional.empty(), null, true, Optional.empty()), 2, Optional.of(WAIVER));
        String name = allure.findingStepName(1, waived);
        assertTrue(name.startsWith("finding 1 (waived by waiver #3): xxx"), name);
        assertTrue(name.length() <= 301, "still cut: " + name.length());
        assertEquals("finding 2: status 500 is not documented",
                allure.findingStepName(2, finding(StatusCodeConformance.ID, 500, false, Optional.empty())));
    }

    @Test
    void aShrunkFindingsStepSaysHowFarShrinkingGot() {
        AllureReport allure = allure(Verdict.NON_CONFORMANT, "https://staging.example.com", false);
        Exchange original = ResponseSignatureTest.answered("{\"n\":\"" + "x".repeat(2000) + "\"}", 422, "{\"message\":\"too long\"}");
        Exchange smaller = ResponseSignatureTest.answered("{\"n\":\"" + "x".repeat(1501) + "\"}", 422, "{\"message\":\"too long\"}");
        Finding f = new Finding(StatusCodeConformance.ID, "create-a-conversation", "undocumented status 422", 422,
                Optional.empty(), original, true, Optional.of(new Finding.Shrunk(Optional.of(smaller), 200, false)));
        String message = allure.findingStepMessage(new FindingGroup(f, 1, Optional.empty()));
        assertTrue(message.contains("response: status 422"), message);
        assertTrue(message.contains("not minimal: the shrink budget ran out after 200 tries"), message);
    }

    @Test
    void twoCausesOfOneMessageAreToldApartByTheirAnswersInTheFailureText() {
        AllureReport allure = allure(Verdict.NON_CONFORMANT, "https://staging.example.com", false);
        FindingGroup longString = answered("{\"message\":\"n length should be < 1500\"}");
        FindingGroup bigInteger = answered("{\"message\":\"n value should be < 9999999999\"}");
        FindingGroup other = new FindingGroup(new Finding(StatusCodeConformance.ID, "create-a-conversation", "undocumented status 404",
                404, Optional.empty(), ResponseSignatureTest.answered("{}", 404, "{\"error\":\"Not Found\"}"), false,
                Optional.empty()), 1, Optional.empty());
        String text = allure.failure(new CheckResult(StatusCodeConformance.ID, "create-a-conversation", Outcome.FAILED, 3,
                List.of(longString, bigInteger, other), Optional.empty(), Optional.empty()));
        assertTrue(text.contains("undocumented status 422 — {\"message\":\"n length should be < 1500\"}"), text);
        assertTrue(text.contains("undocumented status 422 — {\"message\":\"n value should be < 9999999999\"}"), text);
        assertTrue(text.contains("; undocumented status 404") && !text.contains("Not Found"), "a message of its own needs no answer: " + text);
    }

    private static FindingGroup answered(String body) {
        return new FindingGroup(new Finding(StatusCodeConformance.ID, "create-a-conversation", "undocumented status 422", 422,
                Optional.empty(), ResponseSignatureTest.answered("{}", 422, body), false, Optional.empty()), 1, Optional.empty());
    }

    @Test
    void theReportIsNamedByItsVerdictAndTarget() {
        assertEquals("NON_CONFORMANT — https://staging.example.com",
                allure(Verdict.NON_CONFORMANT, "https://staging.example.com", false).reportName());
        AllureReport embedded = allure(Verdict.CONFORMANT, "http://127.0.0.1:40123", true);
        assertEquals("CONFORMANT — embedded reference target, document dialect", embedded.reportName(),
                "the port is no part of the target's name");
        assertEquals("embedded reference target, document dialect", embedded.environment().getProperty("target"));
    }

    @Test
    void embeddedRunsOfAnotherDialectAreAnotherTargetWhoseHistoryIsNotContinued() throws IOException {
        Properties chatwoot = new AllureReport(Reports.embedded(Verdict.NON_CONFORMANT, "chatwoot"), new Redactor(), Optional.empty())
                .environment();
        assertEquals("embedded reference target, chatwoot dialect", chatwoot.getProperty("target"));
        Path previous = Files.createDirectories(dir.resolve("report").resolve(AllureHistory.FOLDER)).getParent();
        Files.writeString(previous.resolve(AllureHistory.FOLDER).resolve(AllureHistory.TREND), "[{\"data\":{\"passed\":15}}]");
        Files.createDirectories(previous.resolve(AllureHistory.ENVIRONMENT).getParent());
        Files.writeString(previous.resolve(AllureHistory.ENVIRONMENT),
                "[{\"name\":\"target\",\"values\":[\"" + chatwoot.getProperty("target") + "\"]},"
                        + "{\"name\":\"spec.sha256\",\"values\":[\"" + chatwoot.getProperty("spec.sha256") + "\"]}]");
        assertEquals(1, AllureHistory.carry(previous, dir.resolve("chatwoot-results"), chatwoot), "the same dialect continues");
        Properties document = allure(Verdict.CONFORMANT, "http://127.0.0.1:40123", true).environment();
        assertEquals(0, AllureHistory.carry(previous, dir.resolve("document-results"), document), "another dialect starts anew");
    }

    @Test
    void theRunFilesNameTheReportInItsExecutor() throws IOException {
        allure(Verdict.NON_CONFORMANT, "https://staging.example.com", false).writeRunFiles(dir);
        JsonNode executor = Json.MAPPER.readTree(Files.readString(dir.resolve(AllureReport.EXECUTOR_FILE)));
        assertEquals("NON_CONFORMANT — https://staging.example.com", executor.path("reportName").asString());
        assertTrue(Files.isRegularFile(dir.resolve("environment.properties")));
        assertTrue(Files.isRegularFile(dir.resolve(Category.FILE)));
    }

    @Test
    void aRunStoppedByItsConfigurationWritesItsEnvironmentCategoriesAndName() throws IOException {
        String reason = "configuration: conformance.tries: 'abc' is not a number";
        AllureReport.writeStoppedRunFiles(dir, reason);
        Properties env = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("environment.properties"))) {
            env.load(in);
        }
        assertEquals("INCONCLUSIVE", env.getProperty("verdict"));
        assertEquals(reason, env.getProperty("reason"));
        assertEquals(Category.json(), Files.readString(dir.resolve(Category.FILE)));
        assertEquals("INCONCLUSIVE — " + reason,
                Json.MAPPER.readTree(Files.readString(dir.resolve(AllureReport.EXECUTOR_FILE))).path("reportName").asString());
    }
}
