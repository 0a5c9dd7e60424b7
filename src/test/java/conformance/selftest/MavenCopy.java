package conformance.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project copied under {@code target/maven-copies/}, for tests that run Maven as a user does (offline), without
 * writing anywhere in the project's own {@code target/} or {@code reports/}. The compiled test classes come along,
 * with the compiler's bookkeeping moved to the copy, so Maven does not compile everything again.
 */
public final class MavenCopy {
    private static final List<String> PROJECT = List.of("pom.xml", "spec", "src", "waivers", ".github", ".mvn");
    private static final List<String> BUILT = List.of("test-classes", "generated-test-sources", "maven-status",
            "dependency-maven-plugin-markers", "allure-commandline");

    private final Path root;

    private MavenCopy(Path root) {
        this.root = root;
    }

    /** A fresh copy named {@code name} (an earlier copy of that name is replaced). */
    public static MavenCopy of(String name) {
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

    public Path root() {
        return root;
    }

    /** The reports folder of runs in this copy: give it as {@code -Dconformance.reports}. */
    public Path reports() {
        return root.resolve("reports");
    }

    /**
     * {@code mvn -B -o <arguments>} in the copy, stopped after {@code limit}. A first offline run that misses a plugin
     * (a machine where only {@code mvn test} ran) resolves the run command's plugins online once and runs again.
     */
    public Command.Result mvn(Duration limit, String... arguments) {
        Command.Result result = command(limit, arguments).run();
        if (result.output().contains("offline mode") && result.output().contains("has not been downloaded")) {
            command(limit, "-q", "-Pconformance", "dependency:resolve-plugins").runOrFail();
            result = command(limit, arguments).run();
        }
        return result;
    }

    private Command command(Duration limit, String... arguments) {
        List<String> line = new ArrayList<>(List.of("mvn", "-B", "-f", root.resolve("pom.xml").toString()));
        if (!arguments[arguments.length - 1].equals("dependency:resolve-plugins")) {
            line.add("-o");
        }
        line.addAll(List.of(arguments));
        return new Command(line, Map.of(), limit);
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
