package conformance.prism;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prism process on loopback, on a port the system picks ({@code -p 0}; the port is read from Prism's own
 * "listening" line, so no other process can take it in between). Closing it stops the process and its children.
 */
public final class Prism implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Prism is listening on (http://\\S+)");
    private static final long START_SECONDS = 90;
    private static final int LOG_LINES = 30;

    private final Process process;
    private final URI baseUrl;
    private final Deque<String> log = new ArrayDeque<>();

    /** {@code prism mock}: static (examples, else values built from the schema) or dynamic (json-schema-faker). */
    public static Prism mock(Path document, boolean dynamic) {
        List<String> args = new ArrayList<>(List.of("mock", "-h", "127.0.0.1", "-p", "0"));
        if (dynamic) {
            args.add("--dynamic");
        }
        args.add(document.toAbsolutePath().toString());
        return new Prism(args);
    }

    /**
     * {@code prism proxy --errors}: forwards to {@code upstream} and answers 500 with the violations (problem+json)
     * when the upstream response breaks the document. Requests are forwarded unvalidated, so invalid input reaches
     * the upstream and its answer is judged too.
     */
    public static Prism proxy(Path document, URI upstream) {
        return new Prism(List.of("proxy", "-h", "127.0.0.1", "-p", "0", "--errors", "--validate-request", "false",
                document.toAbsolutePath().toString(), upstream.toString()));
    }

    private Prism(List<String> args) {
        List<String> command = new ArrayList<>(PrismInstallation.ensure());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FORCE_COLOR", "0");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PrismUnavailable("could not start Prism (" + String.join(" ", args) + "): " + e.getMessage());
        }
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(listening), "prism-output");
        reader.setDaemon(true);
        reader.start();
        try {
            baseUrl = listening.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            close();
            throw new PrismUnavailable("Prism did not start (" + String.join(" ", args) + ") within " + START_SECONDS
                    + " s; its last output:\n" + tail());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new PrismUnavailable("interrupted while Prism was starting");
        }
    }

    /** Drains Prism's output for as long as it runs (a full pipe would stall it), keeping the last lines. */
    private void read(CompletableFuture<URI> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (log) {
                    log.addLast(line);
                    if (log.size() > LOG_LINES) {
                        log.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended; what it printed so far is in the log
        }
        listening.completeExceptionally(new IllegalStateException("Prism exited with " + exitValue()));
    }

    private String exitValue() {
        try {
            return String.valueOf(process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "no exit yet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Prism's last lines of output, for messages when something went wrong. */
    public String tail() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
