package conformance.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The composite action's run step ({@code .github/actions/conformance/run.sh}) run as the runner runs it: inputs as
 * the {@code INPUT_*} variables action.yml maps them to, a caller's workspace without a pom.xml, and the files the
 * runner reads the step's outputs and job summary from. {@code mvn} on the PATH is the test's: a stand-in, or the real
 * one offline.
 */
final class ActionStep {
    static final Path SCRIPT = Path.of(".github", "actions", "conformance", "run.sh");

    private final Path script;
    private final Path folder;
    private final Map<String, String> inputs = new LinkedHashMap<>();

    /** The step of the action in {@code project} (this project, or a copy of it), run in {@code folder}. */
    ActionStep(Path project, Path folder) {
        this.script = project.toAbsolutePath().resolve(SCRIPT);
        this.folder = folder;
    }

    /** The environment variable the step reads an input from, as action.yml names it. */
    static String variable(String input) {
        return "INPUT_" + input.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** An input as a caller gives it in {@code with:} ({@code base-url}, …). */
    ActionStep with(String input, String value) {
        inputs.put(input, value);
        return this;
    }

    /** The caller's workspace: no pom.xml, only what the test puts there. */
    Path workspace() {
        return folder.resolve("workspace");
    }

    /** What the step did: its exit code and log, the outputs it wrote and the job summary. */
    record Outcome(int exitCode, String log, Map<String, String> outputs, String jobSummary) {
        String output(String name) {
            return outputs.getOrDefault(name, "");
        }
    }

    /** Runs the step with {@code mvn} being a shell script of this body. */
    Outcome runWithMaven(String mavenScript) {
        try {
            Path bin = Files.createDirectories(folder.resolve("bin"));
            Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\n" + mavenScript + "\n");
            mvn.toFile().setExecutable(true);
            Files.createDirectories(workspace());
            Path outputs = Files.writeString(folder.resolve("github-output"), "");
            Path summary = Files.writeString(folder.resolve("step-summary.md"), "");
            Path temp = Files.createDirectories(folder.resolve("runner-temp"));
            Command command = Command.of(Duration.ofMinutes(6), "bash", script.toString())
                    .with("GITHUB_WORKSPACE", workspace().toString())
                    .with("GITHUB_OUTPUT", outputs.toString())
                    .with("GITHUB_STEP_SUMMARY", summary.toString())
                    .with("GITHUB_JOB", "conformance")
                    .with("RUNNER_TEMP", temp.toString())
                    .with("JAVA_HOME", System.getProperty("java.home"))
                    .with("PATH", bin + ":" + System.getenv("PATH"));
            for (Map.Entry<String, String> input : inputs.entrySet()) {
                command = command.with(variable(input.getKey()), input.getValue());
            }
            Command.Result result = command.run();
            return new Outcome(result.exitCode(), result.output(), parse(Files.readString(outputs)), Files.readString(summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the step with the machine's Maven, offline (the local repository is warm; a test must not download). */
    Outcome runWithRealMaven() {
        return runWithMaven("PATH='" + System.getenv("PATH") + "'\nexport MAVEN_OPTS='" + Command.SHORT_LIVED_JVM + "'\nexec mvn -o \"$@\"");
    }

    /** {@code name=value} lines, as the step writes them to {@code $GITHUB_OUTPUT}. */
    private static Map<String, String> parse(String written) {
        Map<String, String> outputs = new LinkedHashMap<>();
        written.lines().filter(l -> l.contains("=")).forEach(l -> outputs.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return outputs;
    }
}
