package conformance.report;

import conformance.Launch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.checks.Catalog;
import conformance.chatwoot.CrossInboxIsolation;
import conformance.checks.DocumentedPropertiesPresent;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.Skip;
import conformance.checks.TransportCheck;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.verdict.CheckResult;
import conformance.verdict.Outcome;
import conformance.verdict.Reports;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The categories catch the messages the suite's tests fail or skip with, each in one category only. */
class CategoryTest {
    private static RunReport report(Verdict verdict) {
        return Reports.of(verdict, List.of());
    }

    private static CheckResult check(String id, Outcome outcome) {
        return new CheckResult(id, "create-a-conversation", outcome, 3, List.of(),
                outcome == Outcome.WAIVED ? Optional.of("known gap, ticket 12") : Optional.empty(), Optional.empty());
    }

    private static List<Category> holding(String status, String message) {
        return Arrays.stream(Category.values()).filter(c -> c.matches(status, message)).toList();
    }

    @Test
    void everyCheckOfTheCatalogFailsIntoExactlyOneCategoryOfItsOwn() {
        AllureReport allure = new AllureReport(report(Verdict.NON_CONFORMANT), new Redactor(), Optional.empty());
        for (String id : Launch.checkIds()) {
            List<Category> categories = holding("failed", allure.failure(check(id, Outcome.FAILED)));
            assertEquals(1, categories.size(), id + " is in " + categories);
        }
    }

    @Test
    void aMessageQuotingAnotherCheckStaysInItsOwnCategory() {
        String message = TransportCheck.ID + " failed on create-a-conversation: the body is not JSON, so "
                + ResponseSchemaConformance.ID + " could not judge it\nnext line";
        assertEquals(List.of(Category.TRANSPORT), holding("failed", message));
    }

    @Test
    void waivedInconclusiveAndVerdictMessagesHaveTheirCategories() {
        AllureReport conformant = new AllureReport(report(Verdict.CONFORMANT), new Redactor(), Optional.empty());
        assertEquals(List.of(Category.WAIVED), holding("skipped", conformant.waived(check(TransportCheck.ID, Outcome.WAIVED))));
        AllureReport inconclusive = new AllureReport(report(Verdict.INCONCLUSIVE), new Redactor(), Optional.empty());
        assertEquals(List.of(Category.INCONCLUSIVE), holding("skipped", inconclusive.inconclusive()));
        assertEquals(List.of(Category.INCONCLUSIVE), holding("failed", report(Verdict.INCONCLUSIVE).headline()));
        assertEquals(List.of(Category.NON_CONFORMANT), holding("failed", report(Verdict.NON_CONFORMANT).headline()));
        assertEquals(List.of(), holding("passed", report(Verdict.CONFORMANT).headline()));
    }

    @Test
    void aCheckThatCouldNotRunIsInNotRunAndOneThatDoesNotApplyInNoCategory() {
        AllureReport allure = new AllureReport(report(Verdict.CONFORMANT), new Redactor(), Optional.empty());
        String notRun = allure.skipped(skipped(CrossInboxIsolation.ID, Skip.notRun("no second inbox")));
        assertEquals("not run: cross_inbox_isolation on create-a-conversation: no second inbox", notRun);
        assertEquals(List.of(Category.NOT_RUN), holding("skipped", notRun));
        String notApplicable = allure.skipped(skipped(DocumentedPropertiesPresent.ID, Skip.notApplicable("strict profile only")));
        assertEquals("not applicable: documented_properties_present on create-a-conversation: strict profile only", notApplicable);
        assertEquals(List.of(), holding("skipped", notApplicable), "a check that does not apply is no problem");
    }

    private static CheckResult skipped(String id, Skip skip) {
        return new CheckResult(id, "create-a-conversation", Outcome.SKIPPED, 0, List.of(), Optional.empty(), Optional.of(skip));
    }

    @Test
    void categoriesJsonSaysWhatTheCategoriesMatch() {
        JsonNode json = Json.MAPPER.readTree(Category.json());
        assertEquals(Category.values().length, json.size());
        for (int i = 0; i < json.size(); i++) {
            Category c = Category.values()[i];
            assertEquals(c.title(), json.get(i).path("name").asString());
            assertEquals(c.messageRegex(), json.get(i).path("messageRegex").asString());
            assertEquals(c.statuses(), json.get(i).path("matchedStatuses").valueStream().map(JsonNode::asString).toList());
        }
    }
}
