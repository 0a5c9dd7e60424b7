package conformance.prism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stoplight Prism from npm, installed by the project's own files: {@code src/test/prism/package.json} and its lock file
 * are copied to {@code target/prism} and installed there with {@code npm ci}, once per build (again only when the lock
 * file changes). Anything missing (Node.js, npm, the registry) ends in one {@link PrismUnavailable} naming it.
 */
public final class PrismInstallation {
    public static final String VERSION = "5.14.2";
    static final Path SOURCE = Path.of("src", "test", "prism");
    static final Path HOME = Path.of("target", "prism");
    static final Path CLI = HOME.resolve(Path.of("node_modules", "@stoplight", "prism-cli", "dist", "index.js"));
    private static final int[] MIN_NODE = {18, 20, 1};
    private static final long INSTALL_MINUTES = 10;

    private PrismInstallation() {
    }

    /**
     * The command that starts Prism ({@code node …/prism-cli/dist/index.js}), installing it first if needed; one caller
     * at a time, so that test classes running side by side never run two {@code npm ci} into one folder.
     */
    public static synchronized List<String> ensure() {
        checkNode();
        if (!installed()) {
            install();
        }
        return List.of("node", CLI.toAbsolutePath().toString());
    }

    private static boolean installed() {
        Path lock = HOME.resolve("package-lock.json");
        try {
            return Files.isRegularFile(CLI) && Files.isRegularFile(lock)
                    && Arrays.equals(Files.readAllBytes(lock), Files.readAllBytes(SOURCE.resolve("package-lock.json")));
        } catch (IOException e) {
            return false;
        }
    }

    private static void install() {
        Path log = HOME.resolve("npm-ci.log");
        try {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            String npm = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
            Process p = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new PrismUnavailable("`npm ci` in " + HOME + " did not finish within " + INSTALL_MINUTES
                        + " minutes (is the npm registry reachable?); see " + log);
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(CLI)) {
                throw new PrismUnavailable("could not install Prism " + VERSION + ": `npm ci` in " + HOME + " failed (exit "
                        + p.exitValue() + "): " + reason(log) + ". It needs the npm registry (registry.npmjs.org, or the one "
                        + "npm is configured with); full log: " + log);
            }
        } catch (IOException e) {
            throw new PrismUnavailable("could not run npm to install Prism into " + HOME + ": " + e.getMessage()
                    + ". Install Node.js " + minNode() + "+ with npm on the PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrismUnavailable("interrupted while installing Prism into " + HOME);
        }
    }

    private static void checkNode() {
        String version;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new PrismUnavailable("Prism " + VERSION + " needs Node.js " + minNode() + "+ on the PATH: `node` was not found");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrismUnavailable("interrupted while looking for Node.js");
        }
        Matcher m = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find() || Arrays.compare(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))}, MIN_NODE) < 0) {
            throw new PrismUnavailable("Prism " + VERSION + " needs Node.js " + minNode() + "+; `node --version` says " + version);
        }
    }

    private static String minNode() {
        return MIN_NODE[0] + "." + MIN_NODE[1] + "." + MIN_NODE[2];
    }

    /** npm's own reason, skipping its code/errno lines, stack frames and the pointer to its debug log. */
    private static String reason(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .map(l -> l.replaceFirst("^npm (error|ERR!) ?", "")).filter(l -> !l.isBlank()).toList();
            return lines.stream().filter(l -> !l.startsWith(" ") && !l.matches("(code|syscall|errno|A complete log) .*"))
                    .findFirst().or(() -> lines.stream().findFirst()).orElse("no output").strip();
        } catch (IOException | UncheckedIOException e) {
            return "no readable output";
        }
    }
}
