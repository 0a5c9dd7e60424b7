package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.generation.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The action's run step with the real Maven, offline, in a copy of the project ({@link MavenCopy}) standing for the
 * action's checkout, for a caller whose workspace has no pom.xml: what a caller's job gets, end to end.
 */
@Tag("external")
class ActionRunTest {
    @TempDir
    Path folder;

    private ActionStep step(String name) {
        return new ActionStep(MavenCopy.of(name).root(), folder).with("artifact-name", "conformance-reports-conformance-0");
    }

    @Test
    void againstTheEmbeddedTargetTheStepIsConformantWithItsReportsInTheCallersWorkspaceAndItsCertificateInTheJobSummary()
            throws IOException {
        ActionStep step = step("action-conformant").with("tries", "5").with("seed", "4242").with("operations", "create-a-conversation");
        assertFalse(Files.exists(step.workspace().resolve("pom.xml")));
        ActionStep.Outcome done = step.runWithRealMaven();
        assertEquals(0, done.exitCode(), done.log());
        assertEquals("CONFORMANT", done.output("verdict"), done.log());
        Path reports = step.workspace().resolve("conformance-reports");
        Path summary = Path.of(done.output("summary"));
        Path certificate = Path.of(done.output("certificate"));
        assertEquals(reports.resolve("conformance-summary.json"), summary);
        assertEquals(reports.resolve("certificate.md"), certificate);
        JsonNode written = Json.MAPPER.readTree(Files.readString(summary));
        assertEquals(4242, written.get("seed").asLong(), "the seed input reached the suite");
        assertEquals(5, written.at("/replay/tries").asInt(), "the tries input reached the suite");
        assertEquals(Files.readString(certificate), done.jobSummary());
        assertFalse(done.log().contains("::error"), done.log());
    }

    @Test
    void anUnreachableTargetFailsTheStepInconclusiveWithTheVerdictLineAndNoTokenAnywhere() throws IOException {
        String token = "hmac-0f-the-inbox";
        ActionStep step = step("action-unreachable").with("base-url", "http://127.0.0.1:" + closedPort())
                .with("inbox-identifier", "inbox-one").with("hmac-token", token).with("tries", "5");
        ActionStep.Outcome done = step.runWithRealMaven();
        assertEquals(1, done.exitCode(), done.log());
        assertEquals("INCONCLUSIVE", done.output("verdict"), done.log());
        String line = done.log().lines().filter(l -> l.startsWith("[conformance] INCONCLUSIVE")).reduce((a, b) -> b).orElseThrow()
                .substring("[conformance] ".length());
        assertTrue(done.log().lines().anyMatch(l -> l.equals("::error title=Conformance::" + line)), done.log());
        assertTrue(done.log().lines().filter(l -> l.contains(token)).allMatch(l -> l.equals("::add-mask::" + token)), done.log());
        try (Stream<Path> files = Files.walk(step.workspace())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(token), file + " holds the token");
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
