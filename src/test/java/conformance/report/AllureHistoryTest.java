package conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History comes from a folder report or a single-file one of the same target and document, and a missing previous
 * report is no error.
 */
class AllureHistoryTest {
    private static final String TREND = "[{\"buildOrder\":2,\"data\":{\"passed\":3}},{\"buildOrder\":1,\"data\":{\"passed\":2}}]";
    private static final String HISTORY = "{\"transport@create-a-conversation\":{\"items\":[]}}";
    private static final String ENVIRONMENT = "[{\"name\":\"seed\",\"values\":[\"7\"]},"
            + "{\"name\":\"spec.sha256\",\"values\":[\"abc\"]},{\"name\":\"target\",\"values\":[\"https://staging.example.com\"]}]";

    @TempDir
    Path dir;

    @Test
    void aFolderReportGivesItsHistoryFolder() throws IOException {
        Path report = Files.createDirectories(dir.resolve("allure-report").resolve("history")).getParent();
        Files.writeString(report.resolve("history").resolve("history-trend.json"), TREND);
        Files.writeString(report.resolve("history").resolve("history.json"), HISTORY);
        Files.writeString(Files.createDirectories(report.resolve("widgets")).resolve("environment.json"), ENVIRONMENT);
        assertEquals(2, AllureHistory.carry(report, dir.resolve("results"), run("https://staging.example.com", "abc")));
        assertEquals(HISTORY, Files.readString(dir.resolve("results").resolve("history").resolve("history.json")));
    }

    @Test
    void aSingleFileReportGivesTheHistoryItEmbeds() throws IOException {
        singleFileReport();
        assertEquals(2, AllureHistory.carry(dir, dir.resolve("results"), run("https://staging.example.com", "abc")));
        assertEquals(TREND, Files.readString(dir.resolve("results").resolve("history").resolve("history-trend.json")));
        try (Stream<Path> carried = Files.list(dir.resolve("results").resolve("history"))) {
            assertEquals(Set.of("history-trend.json", "history.json"),
                    carried.map(p -> p.getFileName().toString()).collect(Collectors.toSet()), "only the history");
        }
    }

    @Test
    void aReportOfAnotherTargetOrDocumentStartsANewHistory() throws IOException {
        singleFileReport();
        assertEquals(0, AllureHistory.carry(dir, dir.resolve("results"), run("https://other.example.com", "abc")));
        assertFalse(Files.exists(dir.resolve("results").resolve("history").resolve("history.json")), "another target's history");
        assertEquals(0, AllureHistory.carry(dir, dir.resolve("results"), run("https://staging.example.com", "def")));
        assertFalse(Files.exists(dir.resolve("results").resolve("history").resolve("history.json")), "another document's history");
    }

    @Test
    void aHistoryCarriedForAnEarlierRunDoesNotOutliveIt() throws IOException {
        Path stale = Files.createDirectories(dir.resolve("results").resolve("history")).resolve("history.json");
        Files.writeString(stale, HISTORY);
        assertEquals(0, AllureHistory.carry(dir.resolve("nothing-here"), dir.resolve("results"), run("https://staging.example.com", "abc")));
        assertFalse(Files.exists(stale));
    }

    @Test
    void noPreviousReportMeansNoHistory() throws IOException {
        assertEquals(0, AllureHistory.carry(dir.resolve("nothing-here"), dir.resolve("results"), run("https://staging.example.com", "abc")));
    }

    @Test
    void aPageThatIsNoAllureReportIsSaidSo() throws IOException {
        Files.writeString(dir.resolve("index.html"), "<html>hello</html>");
        IOException e = assertThrows(IOException.class,
                () -> AllureHistory.carry(dir, dir.resolve("results"), run("https://staging.example.com", "abc")));
        assertTrue(e.getMessage().contains("not an Allure single-file report"), e.getMessage());
    }

    private void singleFileReport() throws IOException {
        Files.writeString(dir.resolve("index.html"), "<script>d('data/suites.json','e30='),\n        d('history/history-trend.json','"
                + base64(TREND) + "'),\n        d('history/history.json','" + base64(HISTORY) + "'),\n        "
                + "d('widgets/environment.json','" + base64(ENVIRONMENT) + "')</script>");
    }

    private static Properties run(String target, String specSha256) {
        Properties env = new Properties();
        env.setProperty("target", target);
        env.setProperty("spec.sha256", specSha256);
        env.setProperty("seed", "8");
        return env;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
