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
import java.util.stream.Stream;

/**
 * The project copied into a folder of its own, for self-tests that need what only a real Maven run produces (Failsafe's
 * JUnit XML, Maven's console): that run writes its {@code target/} and {@code reports/} there, never into the
 * project's own, and runs offline (the local repository is warm after the project's own build).
 */
final class MavenProjectCopy {
    private static final List<String> SOURCES = List.of("pom.xml", "spec", "src", "waivers");
    /** Build outputs taken along so the copy does not compile again; the compiler's list of inputs names the copy's files. */
    private static final List<String> BUILT = List.of("test-classes", "generated-test-sources", "maven-status",
            "allure-commandline", "dependency-maven-plugin-markers");

    private final Path root;

    private MavenProjectCopy(Path root) {
        this.root = root;
    }

    /** A new copy in {@code target/project-copies/<name>}, replacing what an earlier test run left there. */
    static MavenProjectCopy fresh(String name) {
        Path folder = Path.of("target", "project-copies", name).toAbsolutePath();
        Path project = Path.of("").toAbsolutePath();
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> old = Files.walk(folder)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(folder);
            for (String source : SOURCES) {
                copyTree(project.resolve(source), folder.resolve(source));
            }
            for (String built : BUILT) {
                copyTree(project.resolve("target").resolve(built), folder.resolve("target").resolve(built));
            }
            try (Stream<Path> lists = Files.walk(folder.resolve("target").resolve("maven-status"))) {
                for (Path list : lists.filter(p -> p.getFileName().toString().equals("inputFiles.lst")).toList()) {
                    Files.writeString(list, Files.readString(list).replace(project.toString(), folder.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the project into " + folder, e);
        }
        return new MavenProjectCopy(folder);
    }

    Path root() {
        return root;
    }

    /** {@code mvn -B -o <arguments>} on the copy, with these environment variables added. */
    Command.Result maven(Map<String, String> environment, String... arguments) {
        List<String> line = new ArrayList<>(List.of("mvn", "-B", "-o", "-f", root.resolve("pom.xml").toString()));
        line.addAll(List.of(arguments));
        Command command = Command.of(Duration.ofMinutes(8), line.toArray(String[]::new));
        for (Map.Entry<String, String> e : environment.entrySet()) {
            command = command.with(e.getKey(), e.getValue());
        }
        return command.run();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
