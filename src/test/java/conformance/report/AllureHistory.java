package conformance.report;

import conformance.generation.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Carries the history of a previous report into the results of the next one, as Allure expects (its generator reads
 * {@code <results>/history/*.json} and writes them, one run longer, into the new report): that is what gives a
 * nightly report its trend graphs and its "new failed" marks. The previous report may be a folder report (with a
 * {@code history/} folder) or a single-file report (its index.html embeds the same files). Only a report of the same
 * target and document is continued: one trend mixing two servers or two documents would say nothing of either.
 */
public final class AllureHistory {
    static final String FOLDER = "history";
    static final String TREND = "history-trend.json";
    static final String ENVIRONMENT = "widgets/environment.json";
    /** The environment entries ({@link AllureReport#environment}) that say whose history a report holds. */
    static final List<String> IDENTITY = List.of("target", "spec.sha256");

    private AllureHistory() {
    }

    /**
     * Copies the history of {@code previousReport} (a report folder or its index.html) into
     * {@code results/history} and returns how many runs it holds; 0 when there is no previous report, or when it is
     * of another target or document than {@code run} (this run's environment).
     *
     * @throws IOException when a previous report is there but cannot be read
     */
    public static int carry(Path previousReport, Path results, Properties run) throws IOException {
        try {
            Path target = results.resolve(FOLDER);
            // what an earlier run carried here is older than the previous report's history, or not of this target
            deleteFiles(target);
            if (!Files.exists(previousReport)) {
                return 0;
            }
            Map<String, byte[]> files = files(previousReport);
            if (!sameRun(files.get(ENVIRONMENT), run)) {
                return 0;
            }
            Files.createDirectories(target);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getKey().startsWith(FOLDER + "/")) {
                    Files.write(target.resolve(f.getKey().substring(FOLDER.length() + 1)), f.getValue());
                }
            }
            Path trend = target.resolve(TREND);
            return Files.exists(trend) ? Json.MAPPER.readTree(Files.readString(trend)).size() : 0;
        } catch (IOException | JacksonException e) {
            throw new IOException("cannot carry the report history of " + previousReport + ": " + e.getMessage(), e);
        }
    }

    /** The history files and the environment of a report folder or a single-file report, by their path in it. */
    private static Map<String, byte[]> files(Path previousReport) throws IOException {
        Path index = Files.isDirectory(previousReport) ? previousReport.resolve("index.html") : previousReport;
        Path folder = Files.isDirectory(previousReport) ? previousReport : previousReport.getParent();
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (Files.isDirectory(folder.resolve(FOLDER))) {
            try (DirectoryStream<Path> history = Files.newDirectoryStream(folder.resolve(FOLDER), "*.json")) {
                for (Path f : history) {
                    files.put(FOLDER + "/" + f.getFileName(), Files.readAllBytes(f));
                }
            }
            if (Files.isRegularFile(folder.resolve(ENVIRONMENT))) {
                files.put(ENVIRONMENT, Files.readAllBytes(folder.resolve(ENVIRONMENT)));
            }
        } else if (Files.isRegularFile(index)) {
            SingleFileReport report = SingleFileReport.read(index);
            files.putAll(report.under(FOLDER + "/"));
            report.text(ENVIRONMENT).ifPresent(env -> files.put(ENVIRONMENT, env.getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    /** Allure's environment widget: [{"name": "target", "values": ["…"]}, …]; a report without one is no match. */
    private static boolean sameRun(byte[] environmentWidget, Properties run) {
        if (environmentWidget == null) {
            return false;
        }
        Map<String, String> previous = new HashMap<>();
        for (JsonNode entry : Json.MAPPER.readTree(environmentWidget)) {
            previous.put(entry.path("name").asString(), entry.path("values").path(0).asString());
        }
        return IDENTITY.stream().allMatch(key -> run.getProperty(key) != null && run.getProperty(key).equals(previous.get(key)));
    }

    private static void deleteFiles(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
                for (Path f : files) {
                    Files.delete(f);
                }
            }
        }
    }
}
