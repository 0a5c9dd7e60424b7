package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.ContentTypeConformance;
import conformance.chatwoot.CrossInboxIsolation;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The HTML report as people get it: two consecutive runs against one target address into the reports folder of a
 * copy of the project. The first (the reference target) is rendered by the Allure commandline; the second (a target
 * that breaks one rule of each failure category, one of them waived) is the README's run command, a real Maven build
 * that renders its own report. That report must carry the first in its trend, sort every failure into the category
 * that names it, show the decision on its first screen, and open in a real browser without a request to anywhere.
 */
@Tag("external")
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
    /** Broken too in the second run, and waived there. */
    private static final String WAIVED = ContentTypeConformance.ID;
    private static final Path SCREENSHOTS = Path.of("target", "self-tests", "browser");
    private static final Pattern SCRIPTS_AND_TAGS = Pattern.compile("(?s)<script.*?</script>|<style.*?</style>|<[^>]+>");

    @TempDir
    static Path work;

    private Path reports;
    private String targetUrl;
    private SingleFileReport first;
    private SingleFileReport second;
    private JsonNode secondSummary;
    private Chromium chromium;
    private Chromium.Page overview;

    @BeforeAll
    void twoConsecutiveRuns() throws IOException {
        MavenCopy project = MavenCopy.of("allure-report-test");
        reports = project.reports();
        Set<String> faults = new TreeSet<>(BROKEN.keySet());
        faults.remove(StatusCodeConformance.ID);
        faults.add(WAIVED);
        Variant breaking = Corpus.breaking(faults);
        Path waivers = Files.writeString(work.resolve("waivers.yaml"), "waivers:\n  - check: " + WAIVED
                + "\n    operation: create-a-conversation\n    reason: accepted by this self-test\n");
        // one target for both runs, as a report's history belongs to one target: conforming first, then broken
        AtomicBoolean broken = new AtomicBoolean();
        try (ReferenceTarget target = ReferenceTarget.start((call, r) -> broken.get() ? breaking.answer(call, r) : r)) {
            targetUrl = target.baseUrl().toString();
            Map<String, String> conforming = settings(target);
            // a green point in the history: its checks and operations count, not how long each was tried
            conforming.put("tries", "5");
            Command.Result run = SuiteProcess.run(conforming, reports);
            assertEquals(0, run.exitCode(), run.output());
            AllureCli.generateSingleFile(reports.resolve("allure-results"), reports.resolve("allure-report"));
            first = SingleFileReport.read(reports.resolve("allure-report").resolve("index.html"));

            broken.set(true);
            Map<String, String> settings = settings(target);
            settings.put("waivers", waivers.toString());
            // without a second inbox cross_inbox_isolation cannot run: the report must show it
            settings.remove("otherInboxIdentifier");
            List<String> command = new ArrayList<>(List.of("-q", "verify", "-Pconformance"));
            command.addAll(SuiteProcess.properties(settings));
            run = project.mvn(Duration.ofMinutes(10), command.toArray(String[]::new));
            assertEquals(1, run.exitCode(), "the run command fails on a non-conformant target:\n" + run.output());
        }
        second = SingleFileReport.read(reports.resolve("allure-report").resolve("index.html"));
        secondSummary = Json.MAPPER.readTree(Files.readString(reports.resolve("conformance-summary.json")));
    }

    /** A remote target's settings; the reports folder is the run command's own, in the project's copy. */
    private static Map<String, String> settings(ReferenceTarget target) {
        Map<String, String> settings = new HashMap<>(Targets.settingsFor(target));
        settings.remove("reports");
        settings.put("tries", "20");
        return settings;
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
        Map<String, Set<String>> categories = categories(second);
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
        assertEquals(Set.of("verdict"), categories.get(Category.NON_CONFORMANT.title()));
        assertEquals(Set.of(WAIVED + " · create-a-conversation · waived"), categories.get(Category.WAIVED.title()));
        assertFalse(categories.containsKey("Product defects"), "no failure is left uncategorized: " + categories);
    }

    @Test
    void aCheckThatCouldNotRunIsFiledUnderNotRunAndOneThatDoesNotApplyUnderNoCategory() {
        Map<String, Set<String>> categories = categories(second);
        Map<String, Set<String>> skipped = new HashMap<>();
        for (JsonNode check : secondSummary.path("checks")) {
            if (check.path("outcome").asString().equals("skipped")) {
                skipped.computeIfAbsent(check.path("skip").asString(), k -> new TreeSet<>())
                        .add(check.path("id").asString() + " · " + check.path("operation").asString());
            }
        }
        assertTrue(skipped.get("not_run").contains(CrossInboxIsolation.ID + " · create-a-conversation"), skipped.toString());
        assertEquals(skipped.get("not_run"), categories.get(Category.NOT_RUN.title()));
        assertFalse(skipped.getOrDefault("not_applicable", Set.of()).isEmpty(), "the spec profile leaves a check out: " + skipped);
        for (String test : skipped.get("not_applicable")) {
            assertTrue(categories.values().stream().noneMatch(tests -> tests.contains(test)), test + " is no problem: " + categories);
        }
    }

    @Test
    void eachFindingStepShowsTheResponseBesideTheRequest() {
        JsonNode steps = testCase(second, NotAServerError.ID + " · create-a-conversation").path("testStage").path("steps");
        assertFalse(steps.isEmpty(), "the server errors are findings");
        for (JsonNode step : steps) {
            assertTrue(step.path("statusMessage").asString().contains("\nresponse: status 500"), step.toString());
            List<String> attachments = new ArrayList<>();
            step.path("attachments").forEach(a -> attachments.add(a.path("name").asString()));
            assertTrue(attachments.containsAll(List.of("request", "response", "curl")), attachments.toString());
        }
    }

    @Test
    void theFirstScreenNamesTheReportByItsVerdictAndTarget() {
        String name = "NON_CONFORMANT — " + targetUrl;
        assertEquals(name, json(second, "widgets/summary.json").path("reportName").asString());
        String shown = shown(overview().dom());
        assertTrue(shown.contains(name), "the overview shows " + name + ": " + shown);
    }

    @Test
    void serverErrorsAndSecurityFindingsAreCritical() {
        for (String check : List.of(NotAServerError.ID, UnknownIdentifierRejection.ID)) {
            assertEquals("critical", testCase(second, check + " · create-a-conversation").path("extra").path("severity").asString(), check);
        }
        assertEquals("normal", testCase(second, ResponseSchemaConformance.ID + " · create-a-conversation").path("extra").path("severity").asString());
    }

    @Test
    void aWaivedCheckLooksUnlikeASkippedOneAndNamesItsWaiver() {
        JsonNode waived = testCase(second, WAIVED + " · create-a-conversation · waived");
        assertEquals("skipped", waived.path("status").asString());
        assertTrue(waived.path("extra").path("tags").toString().contains("waived"), waived.path("extra").toString());
        JsonNode steps = waived.path("testStage").path("steps");
        assertFalse(steps.isEmpty(), "its findings are shown");
        for (JsonNode step : steps) {
            assertTrue(step.path("name").asString().contains("(waived by waiver #1)"), step.path("name").asString());
            assertEquals("skipped", step.path("status").asString(), "a waived finding is not a failure");
        }
        JsonNode notRun = StreamSupport.stream(secondSummary.path("checks").spliterator(), false)
                .filter(c -> c.path("outcome").asString().equals("skipped")).findFirst().orElseThrow();
        JsonNode skipped = testCase(second, notRun.path("id").asString() + " · " + notRun.path("operation").asString());
        assertEquals("skipped", skipped.path("status").asString());
        assertFalse(skipped.path("extra").path("tags").toString().contains("waived"), skipped.path("extra").toString());
    }

    @Test
    void openingTheReportMakesNoRequestToAnotherPlace() {
        List<String> outside = overview().requests().stream()
                .filter(url -> !url.startsWith("file:") && !url.startsWith("data:") && !url.startsWith("blob:")).toList();
        assertEquals(List.of(), outside, "the report the run command rendered asks nothing of the network");
    }

    @Test
    void aRunStoppedByABadSettingIsFiledAsInconclusive() throws IOException {
        Path stopped = work.resolve("stopped");
        Command.Result run = SuiteProcess.run(Map.of("tries", "many"), stopped);
        assertEquals(1, run.exitCode(), run.output());
        AllureCli.generateSingleFile(stopped.resolve("allure-results"), stopped.resolve("allure-report"));
        SingleFileReport report = SingleFileReport.read(stopped.resolve("allure-report").resolve("index.html"));
        Map<String, Set<String>> categories = categories(report);
        assertEquals(Set.of("configuration"), categories.get(Category.INCONCLUSIVE.title()), categories.toString());
        assertFalse(categories.containsKey("Product defects"), categories.toString());
        assertTrue(json(report, "widgets/environment.json").toString().contains("INCONCLUSIVE"));
        assertTrue(json(report, "widgets/summary.json").path("reportName").asString().startsWith("INCONCLUSIVE — configuration: "));
    }

    @Test
    void chromiumShowsTheVerdictAndEveryCheckUnderItsOperation() throws IOException {
        JsonNode suite = json(second, "data/suites.json").path("children").get(0);
        String verdictUid = StreamSupport.stream(suite.path("children").spliterator(), false)
                .filter(t -> t.path("name").asString().startsWith("verdict")).findFirst().orElseThrow().path("uid").asString();
        Path index = index();
        // the suite's tree opened at the verdict test: the verdict, and every operation beside it
        var page = index.toUri().resolve("#suites/" + suite.path("uid").asString() + "/" + verdictUid);
        String shown = shown(chromium().load(page, SCREENSHOTS.resolve("suites.png")).dom());
        assertTrue(shown.contains("verdict"), "the verdict test is shown");
        assertTrue(shown.contains(secondSummary.path("verdict").asString() + " — "), "the verdict line is shown");
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        suite.path("children").forEach(node -> {
            if (node.has("children")) {
                operations.put(node.path("name").asString(), node);
            }
        });
        for (JsonNode check : secondSummary.path("checks")) {
            String operation = check.path("operation").asString();
            assertTrue(shown.contains(operation), "the page shows " + operation);
            assertTrue(testNames(operations.get(operation)).stream().anyMatch(n -> n.startsWith(check.path("id").asString() + " · " + operation)),
                    check.path("id").asString() + " is filed under " + operation);
        }
        // an operation opened at its first check: every check of it shown
        JsonNode first = operations.values().iterator().next();
        String opened = shown(chromium().dom(index.toUri().resolve("#suites/" + first.path("uid").asString() + "/"
                + first.path("children").get(0).path("uid").asString())));
        testNames(first).forEach(name -> assertTrue(opened.contains(name), "the page shows " + name));
    }

    private Chromium chromium() {
        if (chromium == null) {
            chromium = Chromium.find();
        }
        return chromium;
    }

    /** The report's first screen, loaded once for the tests that read it (and shot as overview.png). */
    private Chromium.Page overview() {
        if (overview == null) {
            overview = chromium().load(index().toUri(), SCREENSHOTS.resolve("overview.png"));
        }
        return overview;
    }

    private Path index() {
        return reports.resolve("allure-report").resolve("index.html").toAbsolutePath();
    }

    /** The text a page shows, without its scripts, styles and tags. */
    private static String shown(String dom) {
        return SCRIPTS_AND_TAGS.matcher(dom).replaceAll(" ").replaceAll("\\s+", " ");
    }

    private static Map<String, Set<String>> categories(SingleFileReport report) {
        Map<String, Set<String>> categories = new LinkedHashMap<>();
        for (JsonNode category : json(report, "data/categories.json").path("children")) {
            categories.put(category.path("name").asString(), testNames(category));
        }
        return categories;
    }

    private static JsonNode json(SingleFileReport report, String path) {
        return Json.MAPPER.readTree(report.text(path).orElseThrow(() -> new AssertionError("the report has no " + path)));
    }

    /** A test anywhere in the Suites tree (run → operation → check). */
    private static JsonNode testCase(SingleFileReport report, String name) {
        return testUid(json(report, "data/suites.json"), name).map(uid -> json(report, "data/test-cases/" + uid + ".json"))
                .orElseThrow(() -> new AssertionError("no test " + name + " in the report"));
    }

    private static Optional<String> testUid(JsonNode node, String name) {
        if (node.has("status") && node.path("name").asString().equals(name)) {
            return Optional.of(node.path("uid").asString());
        }
        for (JsonNode child : node.path("children")) {
            Optional<String> found = testUid(child, name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
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
