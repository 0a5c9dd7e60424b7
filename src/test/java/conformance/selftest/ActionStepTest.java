package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.Settings;
import conformance.generation.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The action's run step with a stand-in {@code mvn} that records what it was given and leaves the reports a test
 * asks for: how inputs reach the suite and how the step turns what the suite left into outputs, job summary and exit.
 * {@link ActionRunTest} runs the same step with the real Maven.
 */
class ActionStepTest {
    private static final String CERTIFICATE = "# Conformance certificate\n\nverdict: NON_CONFORMANT\n";

    @TempDir
    Path folder;

    private ActionStep step() {
        return new ActionStep(Path.of(""), folder).with("artifact-name", "conformance-reports-conformance-0");
    }

    /** A stand-in Maven that writes what it was given under record/, then what a run would leave, then exits. */
    private String maven(String summaryJson, String console, int exit) throws IOException {
        Path record = Files.createDirectories(folder.resolve("record"));
        StringBuilder body = new StringBuilder()
                .append("python3 -c 'import json, os, sys; json.dump({\"env\": {k: v for k, v in os.environ.items() if k.startswith(\"CONFORMANCE_\")},")
                .append(" \"args\": sys.argv[1:]}, open(\"").append(record.resolve("given.json")).append("\", \"w\"))' \"$@\"\n")
                .append("for a in \"$@\"; do case \"$a\" in -Dconformance.reports=*) reports=\"${a#-Dconformance.reports=}\" ;; esac; done\n");
        if (summaryJson != null) {
            Path summary = Files.writeString(folder.resolve("summary.json"), summaryJson);
            Path certificate = Files.writeString(folder.resolve("certificate.md"), CERTIFICATE);
            body.append("mkdir -p \"$reports\"\ncp '").append(summary).append("' \"$reports/conformance-summary.json\"\n")
                    .append("cp '").append(certificate).append("' \"$reports/certificate.md\"\n");
        }
        return body.append("echo '").append(console).append("'\nexit ").append(exit).toString();
    }

    private static String summary(String verdict) {
        // a finding that quotes another verdict must not fool the step
        return "{\"verdict\": \"" + verdict + "\", \"checks\": [{\"findings\": [{\"message\": \"{\\\"verdict\\\": \\\"CONFORMANT\\\"}\"}]}]}";
    }

    private JsonNode given() throws IOException {
        return Json.MAPPER.readTree(Files.readString(folder.resolve("record").resolve("given.json")));
    }

    private static Map<String, String> environment(JsonNode given) {
        Map<String, String> env = new TreeMap<>();
        given.get("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        return env;
    }

    @Test
    void everyInputReachesTheSuiteAsItsSettingsEnvironmentVariableAndNoneOnTheCommandLine() throws IOException {
        // input → the setting it gives, and a value
        Map<String, List<String>> inputs = Map.ofEntries(Map.entry("base-url", List.of("baseUrl", "https://chatwoot.example.com")),
                Map.entry("inbox-identifier", List.of("inboxIdentifier", "inbox-one")),
                Map.entry("other-inbox-identifier", List.of("otherInboxIdentifier", "inbox-two")),
                Map.entry("hmac-token", List.of("hmacToken", "token-of-inbox-one")),
                Map.entry("other-inbox-hmac-token", List.of("otherInboxHmacToken", "token-of-inbox-two")),
                Map.entry("tries", List.of("tries", "17")), Map.entry("seed", List.of("seed", "4242")),
                Map.entry("profile", List.of("profile", "strict")),
                Map.entry("operations", List.of("operations", "create-a-conversation,Contacts API")),
                Map.entry("checks", List.of("checks", "not_a_server_error")),
                Map.entry("require-all-checks", List.of("requireAllChecks", "true")),
                Map.entry("headers", List.of("headers", "X-Gateway-Key: k3y,with:colon")),
                Map.entry("proxy", List.of("proxy", "http://proxy.internal:3128")), Map.entry("wait-for", List.of("waitFor", "2m")));
        ActionStep step = step().with("waivers", "ci/waivers.yaml").with("reports", "out/conformance");
        inputs.forEach((input, setting) -> step.with(input, setting.get(1)));
        ActionStep.Outcome done = step.runWithMaven(maven(summary("CONFORMANT"), "[conformance] CONFORMANT — stand-in", 0));
        assertEquals(0, done.exitCode(), done.log());
        Map<String, String> expected = new TreeMap<>();
        inputs.values().forEach(setting -> expected.put(Settings.envName(setting.get(0)), setting.get(1)));
        expected.put(Settings.envName("waivers"), step.workspace().resolve("ci/waivers.yaml").toString());
        JsonNode given = given();
        assertEquals(expected, environment(given), "each input as its setting's environment twin, the waivers path in the caller's workspace");
        Path reports = step.workspace().resolve("out/conformance");
        List<String> args = given.get("args").valueStream().map(JsonNode::asString).toList();
        assertEquals(List.of("-B", "-q", "-f", Path.of("pom.xml").toAbsolutePath().toString(), "verify", "-Pconformance",
                "-Dconformance.reports=" + reports), args, "the action's own pom, the reports in the caller's workspace, no input");
        assertEquals(reports.resolve("conformance-summary.json").toString(), done.output("summary"));
        assertEquals("conformance-reports-conformance-0", done.output("artifact-name"));
    }

    @Test
    void inputsLeftEmptyGiveTheSuiteNoSettingSoItsDefaultsHold() throws IOException {
        ActionStep step = step().with("base-url", "").with("tries", "").with("waivers", "");
        ActionStep.Outcome done = step.runWithMaven(maven(summary("CONFORMANT"), "[conformance] CONFORMANT — stand-in", 0));
        assertEquals(0, done.exitCode(), done.log());
        assertEquals(Map.of(), environment(given()));
        assertTrue(given().get("args").toString().contains("-Dconformance.reports=" + step.workspace().resolve("conformance-reports")),
                "the default reports folder is in the caller's workspace: " + given());
    }

    @Test
    void aConformantRunGivesItsVerdictAndPathsAndPutsTheCertificateInTheJobSummary() throws IOException {
        ActionStep step = step();
        ActionStep.Outcome done = step.runWithMaven(maven(summary("CONFORMANT"), "[conformance] CONFORMANT — stand-in", 0));
        assertEquals(0, done.exitCode(), done.log());
        assertEquals("CONFORMANT", done.output("verdict"));
        Path reports = step.workspace().resolve("conformance-reports");
        assertEquals(reports.resolve("certificate.md").toString(), done.output("certificate"));
        assertEquals(CERTIFICATE, done.jobSummary());
        assertFalse(done.log().contains("::error"), done.log());
    }

    @Test
    void aNonConformantRunFailsTheStepWithItsVerdictLineAsTheErrorAnnotation() throws IOException {
        String line = "NON_CONFORMANT — http://127.0.0.1:8080 — 2 of 17 checks failed: 100% sure";
        ActionStep.Outcome done = step().runWithMaven(maven(summary("NON_CONFORMANT"), "[conformance] " + line, 1));
        assertEquals(1, done.exitCode(), done.log());
        assertEquals("NON_CONFORMANT", done.output("verdict"));
        assertTrue(done.log().lines().anyMatch(l -> l.equals("::error title=Conformance::" + line.replace("%", "%25"))), done.log());
        assertEquals(CERTIFICATE, done.jobSummary());
    }

    @Test
    void aBuildThatBrokeBeforeTheSuiteWroteASummaryIsInconclusiveWhateverAnEarlierRunLeft() throws IOException {
        ActionStep step = step();
        Path stale = Files.createDirectories(step.workspace().resolve("conformance-reports"));
        Files.writeString(stale.resolve("conformance-summary.json"), summary("CONFORMANT"));
        Files.writeString(stale.resolve("certificate.md"), "# an earlier run's certificate\n");
        ActionStep.Outcome done = step.runWithMaven(maven(null, "[ERROR] COMPILATION ERROR", 1));
        assertEquals(1, done.exitCode(), done.log());
        assertEquals("INCONCLUSIVE", done.output("verdict"));
        assertEquals("", done.output("summary"), "no summary of this run");
        assertEquals("", done.output("certificate"));
        String line = "INCONCLUSIVE — the build failed (exit 1) before the suite wrote a summary: see the log above";
        assertTrue(done.log().lines().anyMatch(l -> l.equals("::error title=Conformance::" + line)), done.log());
        assertEquals("## Conformance\n\n" + line + "\n", done.jobSummary());
    }

    @Test
    void aConformantSummaryFromABuildThatFailedAfterwardsIsInconclusive() throws IOException {
        ActionStep.Outcome done = step().runWithMaven(maven(summary("CONFORMANT"), "[conformance] CONFORMANT — stand-in", 1));
        assertEquals(1, done.exitCode(), done.log());
        assertEquals("INCONCLUSIVE", done.output("verdict"));
        assertTrue(done.log().contains("::error title=Conformance::INCONCLUSIVE — the run was conformant but the build failed (exit 1)"),
                done.log());
    }

    @Test
    void secretInputsAreMaskedBeforeAnyOtherLineAndNeverPrinted() throws IOException {
        ActionStep step = step().with("hmac-token", "hmac-one").with("other-inbox-hmac-token", "hmac-two")
                .with("headers", "X-Api-Key: abcd\nX-Tenant:  tenant-secret ").with("proxy", "http://user:pr0xy-pass@proxy:3128");
        ActionStep.Outcome done = step.runWithMaven(maven(summary("NON_CONFORMANT"), "[conformance] NON_CONFORMANT — stand-in", 1));
        List<String> lines = done.log().lines().toList();
        List<String> masked = lines.stream().takeWhile(l -> l.startsWith("::add-mask::")).map(l -> l.substring("::add-mask::".length())).toList();
        for (String secret : List.of("hmac-one", "hmac-two", "abcd", "tenant-secret", "pr0xy-pass")) {
            assertTrue(masked.contains(secret), secret + " is masked first: " + done.log());
            assertTrue(lines.stream().filter(l -> l.contains(secret)).allMatch(l -> l.startsWith("::add-mask::")),
                    secret + " only in its mask line: " + done.log());
        }
    }

    @Test
    void anArtifactNameUploadCannotTakeStopsTheStepBeforeMaven() throws IOException {
        ActionStep.Outcome done = step().with("artifact-name", "reports/of:job").runWithMaven("echo maven ran\nexit 0");
        assertNotEquals(0, done.exitCode(), done.log());
        assertTrue(done.log().startsWith("::error title=Conformance::artifact-name 'reports/of:job' cannot name an artifact"), done.log());
        assertFalse(done.log().contains("maven ran"), done.log());
    }
}
