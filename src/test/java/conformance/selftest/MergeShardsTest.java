package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Launch;
import conformance.checks.DocumentedPropertiesPresent;
import conformance.checks.UnknownIdentifierRejection;
import conformance.config.Settings;
import conformance.generation.Json;
import conformance.merge.MergeShards;
import conformance.reference.Outcome;
import conformance.reference.ReferenceTarget;
import conformance.reference.Variant;
import conformance.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Three real shard runs against one target, other seeds, where only the second meets the target's fault (it
 * accepts an unknown contact), merged as nightly.yml merges them.
 */
class MergeShardsTest {
    @TempDir
    static Path dir;

    private static Path shards;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void threeShardRuns() throws IOException {
        shards = dir.resolve("shards");
        AtomicBoolean broken = new AtomicBoolean();
        Variant fault = Corpus.on(Outcome.UNKNOWN_CONTACT, (call, r) -> call.acceptAnyway().get());
        try (ReferenceTarget target = ReferenceTarget.start((call, r) -> broken.get() ? fault.answer(call, r) : r)) {
            for (int shard = 1; shard <= 3; shard++) {
                broken.set(shard == 2);
                Map<String, String> settings = new HashMap<>(Targets.settingsFor(target));
                settings.put("tries", "20");
                settings.put("operations", "create-a-conversation");
                settings.put("seed", String.valueOf(shard));
                settings.put("quiet", "true");
                settings.put("reports", shards.resolve("shard-" + shard).toString());
                Launch.run(Settings.of(settings), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                // what the run command's suite adds beside the summary: one Allure result per test
                Path results = Files.createDirectories(shards.resolve("shard-" + shard).resolve("allure-results"));
                Files.writeString(results.resolve("shard" + shard + "-result.json"), "{}");
                Files.writeString(results.resolve("environment.properties"), "seed=" + shard);
            }
        }
    }

    private Verdict merge(Path from, Path into, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("shards", from.toString());
        settings.put("reports", into.toString());
        return MergeShards.run(Settings.of(settings), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private static JsonNode summary(Path folder) throws IOException {
        return Json.MAPPER.readTree(Files.readString(folder.resolve("conformance-summary.json")));
    }

    private static List<JsonNode> findings(JsonNode summary, String checkId) {
        List<JsonNode> out = new ArrayList<>();
        summary.path("checks").forEach(c -> {
            if (c.path("id").asString().equals(checkId)) {
                c.path("findings").forEach(out::add);
            }
        });
        return out;
    }

    private String lastLine() {
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void threeShardsOneWithAFindingMergeIntoNonConformantWithThatFindingOnce() throws IOException {
        JsonNode second = summary(shards.resolve("shard-2"));
        assertEquals("NON_CONFORMANT", second.path("verdict").asString());
        assertEquals("CONFORMANT", summary(shards.resolve("shard-1")).path("verdict").asString());
        Path merged = dir.resolve("merged");

        assertEquals(Verdict.NON_CONFORMANT, merge(shards, merged, Map.of("expectedShards", "3")));

        JsonNode m = summary(merged);
        assertEquals("NON_CONFORMANT", m.path("verdict").asString());
        List<JsonNode> mergedFindings = findings(m, UnknownIdentifierRejection.ID);
        assertEquals(1, mergedFindings.size(), "the unknown contact's finding is listed once: " + mergedFindings);
        assertTrue(mergedFindings.get(0).path("message").asString().startsWith("accepted with 200"), mergedFindings.toString());
        for (JsonNode check : m.path("checks")) {
            String id = check.path("id").asString();
            assertEquals(findings(second, id), findings(m, id), id + ": the merged findings are the second shard's");
        }
        long requests = 0;
        for (int shard = 1; shard <= 3; shard++) {
            requests += summary(shards.resolve("shard-" + shard)).path("requests").asLong();
        }
        assertEquals(requests, m.path("requests").asLong());
        assertEquals(3, m.path("shards").size());
        assertTrue(lastLine().startsWith("[conformance] NON_CONFORMANT — ") && lastLine().contains(UnknownIdentifierRejection.ID)
                && lastLine().contains("3 shards"), lastLine());
        List<Path> results;
        try (Stream<Path> files = Files.list(merged.resolve("allure-results"))) {
            results = files.sorted().toList();
        }
        List<String> names = results.stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("categories.json", "environment.properties", "executor.json", "shard1-result.json",
                "shard2-result.json", "shard3-result.json")), "every shard's results, the merged run files: " + names);
        assertEquals(7, names.size(), "and the merged verdict's result: " + names);
        assertEquals("NON_CONFORMANT — " + m.path("target").asString(), Json.MAPPER.readTree(Files.readString(
                merged.resolve("allure-results").resolve("executor.json"))).path("reportName").asString(), "the merged report's name");
        JsonNode verdictTest = Json.MAPPER.readTree(Files.readString(results.stream()
                .filter(p -> p.getFileName().toString().endsWith("-result.json") && !p.getFileName().toString().startsWith("shard"))
                .findFirst().orElseThrow()));
        assertEquals("merged verdict · NON_CONFORMANT", verdictTest.path("name").asString());
        assertEquals(lastLine().substring("[conformance] ".length()), verdictTest.path("statusDetails").path("message").asString());
        assertTrue(Files.readString(merged.resolve("allure-results").resolve("environment.properties")).contains("shards=3"));
    }

    @Test
    void aFindingSeenByTwoShardsIsListedOnceWithItsOccurrencesAddedUp() throws IOException {
        Path twice = dir.resolve("twice");
        for (String name : List.of("a", "b")) {
            Files.createDirectories(twice.resolve(name));
            Files.copy(shards.resolve("shard-2").resolve("conformance-summary.json"), twice.resolve(name).resolve("conformance-summary.json"));
        }
        assertEquals(Verdict.NON_CONFORMANT, merge(twice, dir.resolve("merged-twice"), Map.of()));
        List<JsonNode> once = findings(summary(shards.resolve("shard-2")), UnknownIdentifierRejection.ID);
        List<JsonNode> merged = findings(summary(dir.resolve("merged-twice")), UnknownIdentifierRejection.ID);
        assertEquals(1, once.size());
        assertEquals(once.size(), merged.size());
        for (int i = 0; i < once.size(); i++) {
            assertEquals(2 * once.get(i).path("occurrences").asLong(), merged.get(i).path("occurrences").asLong());
        }
    }

    @Test
    void aMissingOrInconclusiveShardMakesTheNightInconclusive() throws IOException {
        Path partial = dir.resolve("partial");
        Files.createDirectories(partial.resolve("shard-1"));
        Files.copy(shards.resolve("shard-1").resolve("conformance-summary.json"), partial.resolve("shard-1").resolve("conformance-summary.json"));
        assertEquals(Verdict.INCONCLUSIVE, merge(partial, dir.resolve("m1"), Map.of("expectedShards", "2")));
        assertTrue(lastLine().contains("1 of 2 expected shards reported"), lastLine());

        Files.createDirectories(partial.resolve("shard-2"));
        assertEquals(Verdict.INCONCLUSIVE, merge(partial, dir.resolve("m2"), Map.of("expectedShards", "2")));
        assertTrue(lastLine().contains("shard shard-2: no conformance-summary.json"), lastLine());

        Launch.run(Settings.of(Map.of("baseUrl", "http://127.0.0.1:9", "reports", partial.resolve("shard-2").toString())),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(Verdict.INCONCLUSIVE, merge(partial, dir.resolve("m3"), Map.of("expectedShards", "2")));
        assertTrue(lastLine().contains("shard shard-2: configuration: conformance.inboxIdentifier"), lastLine());
        assertEquals("INCONCLUSIVE", summary(dir.resolve("m3")).path("verdict").asString());
    }

    @Test
    void theMergeCarriesThePreviousReportsHistory() throws IOException {
        Path previous = Files.createDirectories(dir.resolve("previous-report").resolve("history")).getParent();
        Files.writeString(previous.resolve("history").resolve("history-trend.json"), "[{\"data\":{\"passed\":15}}]");
        // the previous night's report was of the same target and document
        JsonNode shard = summary(shards.resolve("shard-1"));
        Files.writeString(Files.createDirectories(previous.resolve("widgets")).resolve("environment.json"),
                "[{\"name\":\"target\",\"values\":[\"" + shard.path("target").asString() + "\"]},"
                        + "{\"name\":\"spec.sha256\",\"values\":[\"" + shard.path("spec").path("sha256").asString() + "\"]}]");
        merge(shards, dir.resolve("merged-with-history"), Map.of("history", previous.toString()));
        assertTrue(Files.exists(dir.resolve("merged-with-history").resolve("allure-results").resolve("history").resolve("history-trend.json")));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("report history: 1 earlier run)"), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAShardsFolderTheMergeSaysWhichSettingInOneLine() {
        assertEquals(Verdict.INCONCLUSIVE, MergeShards.run(Settings.of(Map.of("reports", dir.resolve("m4").toString())),
                new PrintStream(console, true, StandardCharsets.UTF_8)));
        assertEquals(1, console.toString(StandardCharsets.UTF_8).lines().count());
        assertTrue(lastLine().startsWith("[conformance] INCONCLUSIVE — merge: conformance.shards (CONFORMANCE_SHARDS)"), lastLine());
    }

    @Test
    void aMisspelledMergeSettingStopsTheMergeNamingTheSettingMeant() {
        assertEquals(Verdict.INCONCLUSIVE, merge(shards, dir.resolve("m5"), Map.of("expectedShard", "3")));
        assertTrue(lastLine().contains("did you mean conformance.expectedShards"), lastLine());
    }

    @Test
    void theMergedSummaryKeepsWhyACheckWasSkipped() throws IOException {
        Path merged = dir.resolve("m6");
        merge(shards, merged, Map.of());
        JsonNode strictOnly = summary(merged).path("checks").valueStream()
                .filter(c -> c.path("id").asString().equals(DocumentedPropertiesPresent.ID)).findFirst().orElseThrow();
        assertEquals("not_applicable", strictOnly.path("skip").asString(), strictOnly.toString());
    }
}
