package conformance.report;

import conformance.generation.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * Carries the history of a previous report into the results of the next one, as Allure expects (its generator reads
 * {@code <results>/history/*.json} and writes them, one run longer, into the new report): that is what gives a
 * nightly report its trend graphs and its "new failed" marks. The previous report may be a folder report (with a
 * {@code history/} folder) or a single-file report (its index.html embeds the same files).
 */
public final class AllureHistory {
    static final String FOLDER = "history";
    static final String TREND = "history-trend.json";

    private AllureHistory() {
    }

    /**
     * Copies the history of {@code previousReport} (a report folder or its index.html) into
     * {@code results/history} and returns how many runs it holds; 0 when there is no previous report.
     *
     * @throws IOException when a previous report is there but cannot be read
     */
    public static int carry(Path previousReport, Path results) throws IOException {
        if (!Files.exists(previousReport)) {
            return 0;
        }
        Path index = Files.isDirectory(previousReport) ? previousReport.resolve("index.html") : previousReport;
        Path folder = Files.isDirectory(previousReport) ? previousReport.resolve(FOLDER) : previousReport.resolveSibling(FOLDER);
        try {
            Path target = Files.createDirectories(results.resolve(FOLDER));
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
                    for (Path f : files) {
                        Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } else if (Files.isRegularFile(index)) {
                for (Map.Entry<String, byte[]> f : SingleFileReport.read(index).under(FOLDER + "/").entrySet()) {
                    Files.write(target.resolve(f.getKey().substring(FOLDER.length() + 1)), f.getValue());
                }
            }
            Path trend = target.resolve(TREND);
            return Files.exists(trend) ? Json.MAPPER.readTree(Files.readString(trend)).size() : 0;
        } catch (IOException | JacksonException e) {
            throw new IOException("cannot carry the report history of " + previousReport + ": " + e.getMessage(), e);
        }
    }
}
