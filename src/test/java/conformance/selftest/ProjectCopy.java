package conformance.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The project copied under target/, where a self-test runs Maven as a user does (the README's run command), so the
 * build writes into the copy's target/ and reports/, never into the project's own.
 */
final class ProjectCopy {
    private static final List<String> SOURCES = List.of("pom.xml", "spec", "src", "waivers");
    /** What the project's build already made, copied with its times so that the copy's build finds it up to date. */
    private static final List<String> BUILT = List.of("test-classes", "generated-test-sources", "maven-status",
            "allure-commandline", "dependency-maven-plugin-markers");

    private final Path root;

    private ProjectCopy(Path root) {
        this.root = root;
    }

    /** A fresh copy at {@code root} (what was there before is deleted). */
    static ProjectCopy at(Path root) {
        try {
            delete(root);
            for (String name : SOURCES) {
                copy(Path.of(name), root.resolve(name));
            }
            for (String name : BUILT) {
                copy(Path.of("target", name), root.resolve("target").resolve(name));
            }
            return new ProjectCopy(root.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the project to " + root, e);
        }
    }

    Path root() {
        return root;
    }

    /** The reports folder of the run command, with no setting moving it. */
    Path reports() {
        return root.resolve("reports");
    }

    /**
     * {@code mvn -o -B -q <arguments>} in the copy, with these settings as {@code -Dconformance.*} properties. The
     * compiler checks sources by their times only: the copy's sources sit in another folder than the ones its
     * build records name, which would otherwise make it compile the whole suite again.
     */
    Command.Result maven(Map<String, String> settings, String... arguments) {
        List<String> line = new ArrayList<>(List.of("mvn", "-o", "-B", "-q", "-f", root.resolve("pom.xml").toString(),
                "-Dmaven.compiler.useIncrementalCompilation=false"));
        line.addAll(List.of(arguments));
        new TreeMap<>(settings).forEach((k, v) -> line.add("-Dconformance." + k + "=" + v));
        return Command.of(Duration.ofMinutes(10), line.toArray(String[]::new))
                .with("JAVA_HOME", System.getProperty("java.home"))
                .run();
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
