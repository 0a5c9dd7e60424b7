package conformance.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program the self-tests run (a JVM, the Allure commandline, Chromium, node): output to a file (so a chatty
 * program never blocks on a full pipe), a time limit after which it is killed, and its exit code.
 */
record Command(List<String> line, Map<String, String> environment, Duration limit) {
    /**
     * For the JVMs the tests start (a suite run, a Maven build, the Allure commandline), which live seconds: C2
     * compiles more than it wins back in that time, so the C1 compiler alone spends about half the CPU (an Allure
     * render, 7.5 s → 4.3 s). It changes no output.
     */
    static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1";

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    static Command of(Duration limit, String... line) {
        return new Command(List.of(line), Map.of(), limit);
    }

    Command with(String variable, String value) {
        Map<String, String> env = new HashMap<>(environment);
        env.put(variable, value);
        return new Command(line, Map.copyOf(env), limit);
    }

    /** Runs it in the project folder; stdout and stderr together in the result. */
    Result run() {
        try {
            Path output = Files.createTempFile("selftest-command", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                // only what the test gives: the machine's own conformance settings must not leak in (a Maven run)
                builder.environment().keySet().removeIf(k -> k.startsWith("CONFORMANCE_"));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(line.get(0) + " did not finish within " + limit + ":\n" + tail(output));
                }
                return new Result(process.exitValue(), text(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + line.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + line.get(0), e);
        }
    }

    /** Runs it and fails the test with its output unless it exits 0. */
    String runOrFail() {
        Result r = run();
        if (!r.succeeded()) {
            throw new AssertionError(String.join(" ", line) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    /** Lenient: a program may print bytes that are not UTF-8. */
    private static String text(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }

    private static String tail(Path output) throws IOException {
        String text = text(output);
        return text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text;
    }
}
