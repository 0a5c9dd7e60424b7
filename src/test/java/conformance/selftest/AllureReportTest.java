package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.NotAServerError;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.StatusCodeConformance;
import conformance.checks.TransportCheck;
import conformance.checks.UnknownIdentifierRejection;
import conformance.generation.Json;
import conformance.reference.ReferenceTarget;
import conformance.reference.Variant;
import conformance.report.Category;
import conformance.report.SingleFileReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The HTML report as people get it: two consecutive runs of the run command's suite into one reports folder (the
 * reference target, then a target that breaks one rule of each failure category), each rendered into a single-file
 * report by the Allure commandline. The second report must carry the first in its trend, sort every failure into
 * the category that names it, and show the verdict and every check in a real browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllureReportTest {
    /**
     * Failures of the second run, each with the category it belongs in. Its target breaks the rules of all but
     * status_code_conformance, whose failure comes from the 500s the server-error fault sends.
     */
    private static final Map<String, String> BROKEN = Map.of(
            ResponseSchemaConformance.ID, "Schema violation",
            StatusCodeConformance.ID, "Undocumented status",
            NotAServerError.ID, "Server error",
            TransportCheck.ID, "Transport",
            UnknownIdentifierRejection.ID, "Security");
    private static final Path SCREENSHOTS = Path.of("target", "self-tests", "browser");
    private static final Pattern SCRIPTS_AND_TAGS = Pattern.compile("(?s)<script.*?</script>|<style.*?</style>|<[^>]+>");

    @TempDir
    static Path work;

    private Path reports;
    private SingleFileReport first;
    private SingleFileReport second;
    private JsonNode secondSummary;

    @BeforeAll
    void twoConsecutiveRuns() throws IOException {
        reports = work.resolve("reports");
        first = runAndRender(Variant.CONFORMING);
        Set<String> faults = new TreeSet<>(BROKEN.keySet());
        faults.remove(StatusCodeConformance.ID);
        second = runAndRender(Corpus.breaking(faults));
        secondSummary = Json.MAPPER.readTree(Files.readString(reports.resolve("conformance-summary.json")));
    }

    private SingleFileReport runAndRender(Variant variant) throws IOException {
        Command.Result run;
        try (ReferenceTarget target = ReferenceTarget.start(variant)) {
            Map<String, String> settings = new HashMap<>(Targets.settingsFor(target));
            settings.put("tries", "20");
            run = SuiteProcess.run(settings, reports);
        }
        assertEquals(variant == Variant.CONFORMING ? 0 : 1, run.exitCode(), run.output());
        AllureCli.generateSingleFile(reports.resolve("allure-results"), reports.resolve("allure-report"));
        return SingleFileReport.read(reports.resolve("allure-report").resolve("index.html"));
    }

    @Test
    void theSecondReportShowsTheFirstRunInItsTrend() throws IOException {
        JsonNode firstTrend = json(first, "widgets/history-trend.json");
        JsonNode trend = json(second, "widgets/history-trend.json");
        assertEquals(1, firstTrend.size(), firstTrend.toString());
        assertEquals(2, trend.size(), "the second report's trend holds both runs: " + trend);
        JsonNode latest = trend.get(0).path("data");
        JsonNode earlier = trend.get(1).path("data");
        assertEquals(firstTrend.get(0).path("data"), earlier, "the earlier point is the first run");
        assertEquals(0, earlier.path("failed").asInt());
        assertTrue(latest.path("failed").asInt() >= BROKEN.size(), latest.toString());

        JsonNode history = json(second, "history/history.json");
        JsonNode schemaHistory = history.path(ResponseSchemaConformance.ID + "@create-a-conversation").path("items");
        assertEquals(List.of("failed", "passed"), statuses(schemaHistory), "this run, then the first: " + schemaHistory);
        assertTrue(testCase(second, "response_schema_conformance · create-a-conversation").path("newFailed").asBoolean(),
                "a check that passed last time and fails now is marked newly failed");
    }

    @Test
    void everyFailureIsInTheCategoryThatNamesIt() throws IOException {
        Map<String, Set<String>> categories = new LinkedHashMap<>();
        for (JsonNode category : json(second, "data/categories.json").path("children")) {
            categories.put(category.path("name").asString(), testNames(category));
        }
        Set<String> failed = new TreeSet<>();
        for (JsonNode check : secondSummary.path("checks")) {
            if (check.path("outcome").asString().equals("failed")) {
                failed.add(check.path("id").asString() + " · " + check.path("operation").asString());
            }
        }
        assertTrue(failed.containsAll(BROKEN.keySet().stream().map(id -> id + " · create-a-conversation").toList()), failed.toString());
        for (String test : failed) {
            String check = test.substring(0, test.indexOf(" · "));
            List<String> holding = categories.entrySet().stream().filter(e -> e.getValue().contains(test)).map(Map.Entry::getKey).toList();
            assertEquals(1, holding.size(), test + " must be in exactly one category: " + categories);
            if (BROKEN.containsKey(check)) {
                assertEquals(BROKEN.get(check), holding.get(0), test);
            }
        }
        assertEquals(Set.of("verdict · NON_CONFORMANT"), categories.get(Category.NON_CONFORMANT.title()));
        assertFalse(categories.containsKey("Product defects"), "no failure is left uncategorized: " + categories);
    }

    @Test
    void chromiumShowsTheVerdictAndEveryCheck() throws IOException {
        JsonNode suite = json(second, "data/suites.json").path("children").get(0);
        String verdictUid = StreamSupport.stream(suite.path("children").spliterator(), false)
                .filter(t -> t.path("name").asString().startsWith("verdict")).findFirst().orElseThrow().path("uid").asString();
        Path index = reports.resolve("allure-report").resolve("index.html").toAbsolutePath();
        // the suite's tree opened at the verdict test: every check in the tree, the verdict beside it
        var page = index.toUri().resolve("#suites/" + suite.path("uid").asString() + "/" + verdictUid);
        Chromium chromium = Chromium.find();
        String shown = SCRIPTS_AND_TAGS.matcher(chromium.dom(page)).replaceAll(" ").replaceAll("\\s+", " ");
        assertTrue(shown.contains("verdict · NON_CONFORMANT"), "the verdict test is shown");
        assertTrue(shown.contains(secondSummary.path("verdict").asString() + " — "), "the verdict line is shown");
        for (JsonNode check : secondSummary.path("checks")) {
            String name = check.path("id").asString() + " · " + check.path("operation").asString();
            assertTrue(shown.contains(name), "the page shows " + name);
        }
        chromium.screenshot(page, SCREENSHOTS.resolve("suites.png"));
        chromium.screenshot(index.toUri(), SCREENSHOTS.resolve("overview.png"));
    }

    private static JsonNode json(SingleFileReport report, String path) {
        return Json.MAPPER.readTree(report.text(path).orElseThrow(() -> new AssertionError("the report has no " + path)));
    }

    private static JsonNode testCase(SingleFileReport report, String name) {
        JsonNode suite = json(report, "data/suites.json").path("children").get(0);
        for (JsonNode t : suite.path("children")) {
            if (t.path("name").asString().equals(name)) {
                return json(report, "data/test-cases/" + t.path("uid").asString() + ".json");
            }
        }
        throw new AssertionError("no test " + name + " in the report");
    }

    private static List<String> statuses(JsonNode historyItems) {
        List<String> out = new ArrayList<>();
        historyItems.forEach(i -> out.add(i.path("status").asString()));
        return out;
    }

    /** The tests under a node of Allure's category tree (category → message → tests). */
    private static Set<String> testNames(JsonNode node) {
        Set<String> out = new TreeSet<>();
        if (node.has("status")) {
            out.add(node.path("name").asString());
        }
        node.path("children").forEach(child -> out.addAll(testNames(child)));
        return out;
    }
}
