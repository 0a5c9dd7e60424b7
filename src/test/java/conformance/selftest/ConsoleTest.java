package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Launch;
import conformance.config.Settings;
import conformance.reference.ReferenceTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the console shows: progress and stages by default, only the verdict line when quiet; the verdict last. */
class ConsoleTest {
    @TempDir
    Path reports;

    private List<String> lines(Map<String, String> extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReferenceTarget target = ReferenceTarget.start()) {
            Map<String, String> settings = new HashMap<>(Targets.settingsFor(target));
            settings.put("tries", "20");
            settings.put("reports", reports.toString());
            settings.putAll(extra);
            Launch.run(Settings.of(settings), new PrintStream(out, true, StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aNormalRunShowsProgressAndEndsWithTheVerdict() {
        List<String> lines = lines(Map.of());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[conformance] \\d+/\\d+ cases \\(100%\\) · no finding so far")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("[conformance] CONFORMANT — "), lines.toString());
    }

    @Test
    void aQuietRunPrintsOnlyTheVerdictLine() {
        List<String> lines = lines(Map.of("quiet", "true"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[conformance] CONFORMANT — "), lines.toString());
    }

    @Test
    void aQuietSettingThatIsNeitherTrueNorFalseIsNamed() {
        List<String> lines = lines(Map.of("quiet", "loud"));
        assertEquals(List.of("[conformance] INCONCLUSIVE — configuration: conformance.quiet (CONFORMANCE_QUIET): "
                + "'loud' is not true or false."), lines);
    }
}
