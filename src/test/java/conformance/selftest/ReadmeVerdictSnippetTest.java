package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.generation.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The README's CI step that tells NON_CONFORMANT from INCONCLUSIVE, taken from README.md as it is and run. */
class ReadmeVerdictSnippetTest {
    private static final String MARKER = "<!-- ci-verdict-snippet";

    @TempDir
    Path folder;

    /**
     * Runs the block with a stand-in {@code mvn} first on the PATH: it writes {@code summary} (none when null) where the
     * suite would, and exits with {@code build}, as Maven does after the run.
     */
    private Command.Result runOn(ObjectNode summary, int build) throws IOException {
        Path reports = Files.createDirectories(folder.resolve("reports"));
        Path bin = Files.createDirectories(folder.resolve("bin"));
        String write = "";
        if (summary != null) {
            Path written = Files.writeString(folder.resolve("written.json"), Json.MAPPER.writeValueAsString(summary));
            write = "cp '" + written + "' \"$CONFORMANCE_REPORTS/conformance-summary.json\"\n";
        }
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\n" + write + "exit " + build + "\n");
        mvn.toFile().setExecutable(true);
        Path script = Files.writeString(folder.resolve("verdict.sh"), Readme.block(MARKER, "sh"));
        return Command.of(Duration.ofSeconds(30), "sh", script.toString()).with("CONFORMANCE_REPORTS", reports.toString())
                .with("PATH", bin + ":" + System.getenv("PATH")).run();
    }

    private static ObjectNode summary(String verdict) {
        ObjectNode s = Json.NODES.objectNode();
        s.put("verdict", verdict);
        // a finding that quotes another verdict must not fool the step
        s.putArray("checks").addObject().putArray("findings").addObject().put("message", "{\"verdict\": \"CONFORMANT\"}");
        return s;
    }

    @Test
    void aNonConformantSummaryExitsOne() throws IOException {
        Command.Result r = runOn(summary("NON_CONFORMANT"), 1);
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("non-conformant"), r.output());
    }

    @Test
    void anInconclusiveSummaryExitsTwoWithItsReason() throws IOException {
        ObjectNode s = summary("INCONCLUSIVE");
        s.put("reason", "the target answered none of the 40 requests");
        Command.Result r = runOn(s, 1);
        assertEquals(2, r.exitCode(), r.output());
        assertEquals("inconclusive: the target answered none of the 40 requests", r.output().strip());
    }

    @Test
    void aConformantSummaryExitsZeroAndNoSummaryCountsAsInconclusive() throws IOException {
        assertEquals(0, runOn(summary("CONFORMANT"), 0).exitCode());
        Command.Result none = runOn(null, 1);
        assertEquals(2, none.exitCode(), none.output());
        assertTrue(none.output().contains("no summary at"), none.output());
    }

    @Test
    void aSummaryAnEarlierRunLeftNeverSpeaksForABuildThatBrokeBeforeTheSuite() throws IOException {
        Path reports = Files.createDirectories(folder.resolve("reports"));
        Files.writeString(reports.resolve("conformance-summary.json"), Json.MAPPER.writeValueAsString(summary("CONFORMANT")));
        Command.Result broken = runOn(null, 1);
        assertEquals(2, broken.exitCode(), "a stale CONFORMANT is no pass: " + broken.output());
        assertTrue(broken.output().contains("no summary at"), broken.output());
    }

    @Test
    void aConformantRunWhoseBuildFailedAfterwardsIsInconclusive() throws IOException {
        Command.Result r = runOn(summary("CONFORMANT"), 1);
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("inconclusive: the run was conformant but the build failed"), r.output());
    }
}
