package conformance.merge;

import conformance.Configuration;
import conformance.Launch;
import conformance.config.ConfigException;
import conformance.config.Settings;
import conformance.config.Verbosity;
import conformance.generation.Json;
import conformance.report.AllureHistory;
import conformance.report.AllureReport;
import conformance.report.ReportWriter;
import conformance.verdict.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Merges the outputs of a sharded run (nightly.yml: one runner per seed) into one: {@code conformance-summary.json}
 * judged by {@link SummaryMerge}, and one {@code allure-results/} holding every shard's tests with the previous
 * report's history, for {@code mvn -Pconformance allure:report} to render. Ends with the verdict line, and a
 * non-zero exit unless CONFORMANT, like the run itself.
 *
 * <p>Settings: {@code conformance.shards} (a folder with one folder per shard, each a shard's reports folder),
 * {@code conformance.expectedShards} (optional: fewer shards make the merge INCONCLUSIVE), {@code conformance.reports}
 * (where the merged outputs go), {@code conformance.history} (the previous report; default
 * {@code <reports>/allure-report}), {@code conformance.quiet}.
 */
public final class MergeShards {
    private static final String RESULTS = "allure-results";
    /** Run-level files each shard wrote for itself; the merge writes its own. */
    private static final Set<String> PER_RUN_FILES = Set.of("environment.properties", "categories.json", "executor.json");

    private MergeShards() {
    }

    public static void main(String[] args) {
        Verdict verdict = run(Settings.fromSystem(Configuration.knownSettings()), System.out);
        if (verdict != Verdict.CONFORMANT) {
            System.exit(1);
        }
    }

    public static Verdict run(Settings settings, PrintStream console) {
        try {
            Configuration.knownSettings().requireKnown(settings);
            boolean quiet = Verbosity.from(settings) == Verbosity.QUIET;
            Path shardsFolder = settings.get("shards").map(Path::of).filter(Files::isDirectory).orElseThrow(() ->
                    new ConfigException(Settings.name("shards") + " must name a folder holding one reports folder per "
                            + "shard (each with " + ReportWriter.SUMMARY + " and " + RESULTS + "/)."));
            int expected = settings.get("expectedShards").map(MergeShards::count).orElse(0);
            Path reports = Launch.reportsFolder(settings);
            List<Path> shardFolders = shardFolders(shardsFolder);
            List<ShardSummary> summaries = shardFolders.stream().map(MergeShards::read).toList();
            SummaryMerge.Merged merged = SummaryMerge.merge(summaries, expected);
            new ReportWriter(reports).writeAtomically(ReportWriter.SUMMARY,
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(merged.summary()));
            Path results = reports.resolve(RESULTS);
            int earlierRuns = mergeAllureResults(shardFolders, results, merged, settings.get("history").map(Path::of)
                    .orElse(reports.resolve("allure-report")));
            if (!quiet) {
                console.println("[conformance] merged " + shardFolders.size() + " shards into " + reports.resolve(ReportWriter.SUMMARY)
                        + " and " + results + " (report history: " + earlierRuns + (earlierRuns == 1 ? " earlier run)" : " earlier runs)"));
            }
            console.println("[conformance] " + merged.headline());
            return merged.verdict();
        } catch (ConfigException | IOException | UncheckedIOException e) {
            console.println("[conformance] INCONCLUSIVE — merge: " + e.getMessage());
            return Verdict.INCONCLUSIVE;
        }
    }

    private static int count(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(Settings.name("expectedShards") + ": '" + v + "' is not a number of shards (1 or more).");
    }

    private static List<Path> shardFolders(Path shardsFolder) throws IOException {
        try (Stream<Path> children = Files.list(shardsFolder)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static ShardSummary read(Path folder) {
        String name = folder.getFileName().toString();
        Path summary = folder.resolve(ReportWriter.SUMMARY);
        if (!Files.isRegularFile(summary)) {
            return ShardSummary.missing(name, "no " + ReportWriter.SUMMARY + " (the shard did not finish)");
        }
        try {
            return ShardSummary.parse(name, Json.MAPPER.readTree(Files.readString(summary)));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return ShardSummary.missing(name, "unreadable " + ReportWriter.SUMMARY + ": " + e.getMessage());
        }
    }

    /** Every shard's test results side by side (their file names are unique), the merged run files, the history. */
    private static int mergeAllureResults(List<Path> shards, Path results, SummaryMerge.Merged merged, Path previousReport)
            throws IOException {
        Files.createDirectories(results);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(results, Files::isRegularFile)) {
            for (Path f : old) {
                Files.delete(f);
            }
        }
        for (Path shard : shards) {
            Path shardResults = shard.resolve(RESULTS);
            if (!Files.isDirectory(shardResults)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(shardResults,
                    f -> Files.isRegularFile(f) && !PER_RUN_FILES.contains(f.getFileName().toString()))) {
                for (Path f : files) {
                    Files.copy(f, results.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Properties env = new Properties();
        env.setProperty("verdict", merged.verdict().name());
        for (String field : List.of("target", "profile", "suiteVersion", "requests", "durationMs")) {
            env.setProperty(field, text(merged.summary().path(field)));
        }
        env.setProperty("spec.sha256", text(merged.summary().path("spec").path("sha256")));
        env.setProperty("shards", String.valueOf(merged.summary().path("shards").size()));
        env.setProperty("seeds", merged.summary().path("shards").valueStream()
                .map(s -> s.path("name").asString() + "=" + s.path("seed")).collect(Collectors.joining(", ")));
        AllureReport.writeRunFiles(results, env, merged.verdict() + " — " + env.getProperty("target"));
        AllureReport.writeMergedVerdict(results, merged.verdict(), merged.headline());
        return AllureHistory.carry(previousReport, results, env);
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.isNull() || value.isMissingNode() ? "" : value.toString();
    }
}
