package conformance.selftest;

import conformance.generation.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Headless Chromium as the report self-test uses it: found on the machine, or installed by the project's own script
 * (src/test/scripts/install-chromium.sh, Debian's package), started with a fresh profile each time and with the
 * flags that keep it off the network, and given time for the page's scripts to run.
 */
final class Chromium {
    static final String INSTALL_SCRIPT = "src/test/scripts/install-chromium.sh";
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--virtual-time-budget=20000", "--window-size=1400,1000");
    /** How the network log marks a request the browser made for itself rather than for a page. */
    private static final String BROWSER_INITIATED = "not an origin";

    private final String binary;

    private Chromium(String binary) {
        this.binary = binary;
    }

    /** The machine's Chromium or Chrome; installs Debian's chromium first when there is none (a one-time cost). */
    static Chromium find() {
        String output = Command.of(Duration.ofMinutes(15), "bash", INSTALL_SCRIPT).runOrFail().strip();
        return new Chromium(output.substring(output.lastIndexOf('\n') + 1));
    }

    /** What one load of a page showed: its DOM after its scripts ran, and every URL it asked for. */
    record Page(String dom, List<String> requests) {
    }

    /** The page's DOM after its scripts ran. */
    String dom(URI page) {
        return run(page, "--dump-dom");
    }

    /**
     * One load of the page (a browser start costs more than all it is asked): its DOM, a screenshot into {@code png},
     * and every URL it asked for, from Chromium's network log: requests with the page as their initiator, not the
     * browser's own (updates, accounts), whether or not a network answered. A file:// page's own reads of the file
     * system are not network requests and do not appear.
     */
    Page load(URI page, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.deleteIfExists(png);
            Path log = Files.createTempFile("chromium-netlog", ".json");
            try {
                String dom = run(page, "--log-net-log=" + log, "--screenshot=" + png.toAbsolutePath(), "--dump-dom");
                if (!Files.isRegularFile(png)) {
                    throw new AssertionError("Chromium wrote no screenshot to " + png);
                }
                return new Page(dom, requests(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> requests(Path log) throws IOException {
        List<String> urls = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            // one event a line; the last may lack its closing when Chromium stops mid-write
            if (line.contains("\"initiator\"")) {
                try {
                    JsonNode params = Json.MAPPER.readTree(line.strip().replaceAll(",$", "")).path("params");
                    if (!params.path("initiator").asString().equals(BROWSER_INITIATED)) {
                        urls.add(params.path("url").asString());
                    }
                } catch (JacksonException partial) {
                    // a line cut off when the browser exited: no whole event to read
                }
            }
        }
        return urls;
    }

    private String run(URI page, String... actions) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            List<String> line = new ArrayList<>(List.of(binary));
            line.addAll(FLAGS);
            line.add("--user-data-dir=" + profile);
            line.addAll(List.of(actions));
            line.add(page.toString());
            return Command.of(Duration.ofMinutes(2), line.toArray(String[]::new)).runOrFail();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temp folder harms nothing
        }
    }
}
