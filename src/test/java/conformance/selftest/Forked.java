package conformance.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link ForkedLaunch} (or another main that runs the suite, such as a benchmark's) in a new JVM with the
 * test's classpath; its console (stdout and stderr) goes to a file.
 */
public final class Forked {
    private final Process process;
    private final Path console;

    private Forked(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    static Forked start(Map<String, String> settings, Path console, String... jvmOptions) {
        return start(ForkedLaunch.class, settings, console, jvmOptions);
    }

    public static Forked start(Class<?> main, Map<String, String> settings, Path console, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        settings.forEach((k, v) -> command.add("-Dconformance." + k + "=" + v));
        command.add(main.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile())
                .directory(Path.of(System.getProperty("user.dir")).toFile());
        // only what the test sets: settings from the machine's environment must not leak in
        builder.environment().keySet().removeIf(k -> k.startsWith("CONFORMANCE_"));
        try {
            return new Forked(builder.start(), console);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for the run", e);
        }
    }

    /** Waits for the run to end by itself; a run still going after {@code seconds} is killed and the test fails. */
    public int exitCode(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the forked run did not end within " + seconds + " s: " + console());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGTERM, as a CI time limit or a user's kill sends it, then waits for the JVM to go. */
    int terminate(long seconds) {
        process.destroy();
        return exitCode(seconds);
    }

    boolean alive() {
        return process.isAlive();
    }

    public String console() {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
