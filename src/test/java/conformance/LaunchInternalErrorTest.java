package conformance;

import conformance.chatwoot.ChatwootExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.Settings;
import conformance.generation.Json;
import conformance.run.ConformanceRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bug of the suite's own ends a run in one INCONCLUSIVE line and summary, never a pass or a bare stack trace. */
class LaunchInternalErrorTest {
    @TempDir
    Path reports;

    @Test
    void aBugMidRunIsOneInconclusiveLineWithItsTraceKeptAside() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Launch.Outcome o = Launch.run(Settings.of(Map.of("reports", reports.toString(), "tries", "5", "quiet", "true")),
                new PrintStream(console, true, StandardCharsets.UTF_8),
                (config, chatwoot, progress, observer) -> new ConformanceRun(config, new ChatwootExtension(chatwoot), progress, (exchange, redactor) -> {
                    throw new IllegalStateException("a bug in recording an exchange");
                }));
        String out = console.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith("[conformance] INCONCLUSIVE — internal error of the suite: java.lang.IllegalStateException: "
                + "a bug in recording an exchange"), out);
        assertFalse(out.contains("\tat "), "the trace is not on the console");
        assertTrue(o.result().isEmpty() && o.stopReason().isPresent());
        assertEquals("INCONCLUSIVE", Json.MAPPER.readTree(Files.readString(reports.resolve("conformance-summary.json")))
                .get("verdict").asString());
        assertTrue(Files.readString(reports.resolve(Launch.INTERNAL_ERROR)).contains("at conformance."), "the trace is kept");
    }
}
