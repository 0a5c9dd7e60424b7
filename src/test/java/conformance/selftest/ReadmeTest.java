package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README is for users first: the two commands, what a run does to a server, what INCONCLUSIVE asks of them. */
class ReadmeTest {
    private static final Pattern LINK = Pattern.compile("\\]\\((docs/[^)#]+)\\)");

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void itOpensWithTheRunCommandAndTheTestCommandThatCiRuns() throws IOException {
        String readme = readme();
        String first = readme.substring(readme.indexOf("```sh\n") + 6, readme.indexOf("```", readme.indexOf("```sh\n") + 6));
        List<String> commands = first.lines().map(l -> l.replaceAll("\\s+#.*", "").trim()).toList();
        assertEquals(List.of("mvn -q verify -Pconformance", "mvn test"), commands);
        assertTrue(Files.readString(Path.of(".ci", "run")).contains("exec mvn test"), ".ci/run calls the README's test command");
    }

    @Test
    void usersReadWhatARunDoesToTheirServerBeforeTheSettings() throws IOException {
        String readme = readme();
        int server = readme.indexOf("## What a run does to your server");
        int inconclusive = readme.indexOf("## When the verdict is INCONCLUSIVE");
        int settings = readme.indexOf("## Configuration");
        assertTrue(server > 0 && server < settings && inconclusive > 0 && inconclusive < settings,
                "what a run creates and what to do about INCONCLUSIVE come before the settings");
        assertTrue(readme.contains("throwaway") && readme.contains("Conformance suite run"),
                "it says to use a throwaway inbox and how to find what a run created");
    }

    @Test
    void everyInconclusiveReasonTheLaunchGivesHasARow() throws IOException {
        String table = readme().split("## When the verdict is INCONCLUSIVE")[1].split("\n## ")[0];
        for (String reason : List.of("configuration:", "could not create a contact on inbox", "the target answered none of",
                "the run did not finish", "cannot generate request payloads", "conformance.requireAllChecks asks for every check",
                "the target did not come up within",
                "internal error of the suite")) {
            assertTrue(table.contains("| `" + reason), "a row for " + reason);
        }
    }

    @Test
    void whatMovedToDocsIsThere() throws IOException {
        Matcher m = LINK.matcher(readme());
        int links = 0;
        while (m.find()) {
            links++;
            assertTrue(Files.isRegularFile(Path.of(m.group(1))), m.group(1) + " exists");
        }
        assertTrue(links >= 2, "the self-tests and the benchmark details are linked");
        assertTrue(Files.readString(Path.of("docs", "performance.md")).contains("ThroughputBenchmark"));
        assertTrue(Files.readString(Path.of("docs", "self-tests.md")).contains("install-chromium.sh"));
    }
}
