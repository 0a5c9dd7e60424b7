package conformance.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project copied under {@code target/maven-copies/}, for self-tests that need what only a real Maven run gives
 * (Maven's console, Failsafe's JUnit XML, the report the run command renders): that build runs offline, as a user
 * starts it, and writes its {@code target/} and {@code reports/} in the copy, never in the project's own. The compiled
 * test classes come along, with the compiler's bookkeeping moved to the copy, so Maven does not compile them again.
 */
final class MavenCopy {
    private static final List<String> PROJECT = List.of("pom.xml", "spec", "src", "waivers", ".github", ".mvn");
    private static final List<String> BUILT = List.of("test-classes", "generated-test-sources", "maven-status",
            "dependency-maven-plugin-markers", "allure-commandline");
    /** A class whose time tells whether the copy's build compiled the suite again. */
    private static final Path PROBE = Path.of("target", "test-classes", "conformance", "ConformanceSuite.class");

    private final Path root;

    private MavenCopy(Path root) {
        this.root = root;
    }

    /** A fresh copy named {@code name} (an earlier copy of that name is replaced). */
    static MavenCopy of(String name) {
        Path project = Path.of("").toAbsolutePath();
        Path root = project.resolve("target").resolve("maven-copies").resolve(name);
        try {
            delete(root);
            for (String entry : PROJECT) {
                copy(project.resolve(entry), root.resolve(entry));
            }
            for (String entry : BUILT) {
                copy(project.resolve("target").resolve(entry), root.resolve("target").resolve(entry));
            }
            relocateCompilerStatus(root.resolve("target").resolve("maven-status"), project, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the project to " + root, e);
        }
        return new MavenCopy(root);
    }

    Path root() {
        return root;
    }

    /** The reports folder of the run command in this copy, with no setting moving it. */
    Path reports() {
        return root.resolve("reports");
    }

    /**
     * {@code mvn -B -o <arguments>} in the copy, on this JVM's JDK, stopped after {@code limit}. A first offline run
     * that misses a plugin (a machine where only {@code mvn test} ran) resolves the run command's plugins online once
     * and runs again. A build that compiled the suite again fails the test: the copy was not up to date, and a run
     * that compiles costs as much as the rest of the test.
     */
    Command.Result mvn(Duration limit, String... arguments) {
        FileTime compiled = compiledAt();
        Command.Result result = command(limit, arguments).run();
        if (result.output().contains("offline mode") && result.output().contains("has not been downloaded")) {
            command(limit, "-q", "-Pconformance", "dependency:resolve-plugins").runOrFail();
            result = command(limit, arguments).run();
        }
        if (!compiled.equals(compiledAt())) {
            throw new AssertionError("the copy's build compiled the suite again (were the project's test classes older than"
                    + " its sources when it was copied? run mvn test-compile first):\n" + result.output());
        }
        return result;
    }

    private FileTime compiledAt() {
        try {
            return Files.getLastModifiedTime(root.resolve(PROBE));
        } catch (IOException e) {
            throw new UncheckedIOException("the copy has no compiled suite (run mvn test-compile first)", e);
        }
    }

    private Command command(Duration limit, String... arguments) {
        List<String> line = new ArrayList<>(List.of("mvn", "-B", "-f", root.resolve("pom.xml").toString()));
        if (!arguments[arguments.length - 1].equals("dependency:resolve-plugins")) {
            line.add("-o");
        }
        line.addAll(List.of(arguments));
        // Command leaves out the machine's CONFORMANCE_* variables: a copy's run gets only the test's settings
        return new Command(line, Map.of("JAVA_HOME", System.getProperty("java.home"), "MAVEN_OPTS", Command.SHORT_LIVED_JVM), limit);
    }

    /** The compiler plugin remembers its sources by absolute path: point them at the copy's, so nothing is stale. */
    private static void relocateCompilerStatus(Path status, Path project, Path root) throws IOException {
        if (!Files.isDirectory(status)) {
            return;
        }
        try (Stream<Path> files = Files.walk(status)) {
            for (Path lst : files.filter(f -> f.toString().endsWith(".lst")).toList()) {
                String text = Files.readString(lst, StandardCharsets.UTF_8);
                Files.writeString(lst, text.replace(project + "/", root + "/"), StandardCharsets.UTF_8);
            }
        }
    }

    /** With the files' times, which the compiler compares to tell what is stale. */
    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
