package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Launch;
import conformance.config.Settings;
import conformance.generation.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelled setting on its own used to be ignored: the run tested the embedded target and passed. Now it stops
 * the run before any request, INCONCLUSIVE (a non-zero exit), naming the setting that was meant.
 */
class UnknownSettingTest {
    @TempDir
    Path reports;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private Launch.Outcome launch(Properties properties, Map<String, String> environment) {
        properties.setProperty("conformance.reports", reports.toString());
        return Launch.run(new Settings(properties, environment), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private void assertStoppedNamingBaseUrl(Launch.Outcome outcome, String typo) throws Exception {
        assertTrue(outcome.result().isEmpty(), "no run: ForkedLaunch and ConformanceSuite end non-zero");
        String reason = outcome.stopReason().orElseThrow();
        assertTrue(reason.contains(typo) && reason.contains("did you mean conformance.baseUrl"), reason);
        String out = console.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, out.lines().count(), "one line: " + out);
        assertTrue(out.startsWith("[conformance] INCONCLUSIVE — ") && !out.contains("staging.example.com"), out);
        assertEquals("INCONCLUSIVE", Json.MAPPER.readTree(Files.readString(reports.resolve("conformance-summary.json")))
                .get("verdict").asString());
        assertTrue(Files.notExists(reports.resolve("exchanges.ndjson")), "not one request was sent");
    }

    @Test
    void aMisspelledPropertyEndsInconclusiveNamingConformanceBaseUrl() throws Exception {
        Properties p = new Properties();
        p.setProperty("conformance.baseurl", "https://staging.example.com");
        assertStoppedNamingBaseUrl(launch(p, Map.of()), "conformance.baseurl");
    }

    @Test
    void aMisspelledEnvironmentVariableEndsInconclusiveNamingConformanceBaseUrl() throws Exception {
        assertStoppedNamingBaseUrl(launch(new Properties(), Map.of("CONFORMANCE_BASEURL", "https://staging.example.com")),
                "CONFORMANCE_BASEURL");
    }
}
