package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** README.md as the self-tests read it: the fenced blocks they run or compare, found by a marker before them. */
final class Readme {
    private Readme() {
    }

    /** The body of the first {@code ```language} block after {@code marker}. */
    static String block(String marker, String language) {
        String readme;
        try {
            readme = Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read README.md", e);
        }
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "README.md marks the block with " + marker);
        String fence = "```" + language + "\n";
        int start = readme.indexOf(fence, at);
        assertTrue(start >= 0, "README.md has a " + fence.strip() + " block after " + marker);
        start += fence.length();
        return readme.substring(start, readme.indexOf("```\n", start));
    }
}
