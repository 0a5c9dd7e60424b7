package conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.checks.Finding;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines: throttled, always one at the end, with the findings so far by check. */
class ConsoleProgressTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();
    private final Progress progress = new ConsoleProgress(new PrintStream(out, true, StandardCharsets.UTF_8), nanos::get);

    private static Finding finding(String check) {
        return new Finding(check, "create-a-conversation", "m", 500, Optional.empty(), null, false, Optional.empty());
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void linesComeAtMostEveryIntervalAndAtTheEnd() {
        for (int done = 1; done <= 100; done++) {
            nanos.addAndGet(ConsoleProgress.INTERVAL_NANOS / 40);
            progress.advanced(done, 100, List::of);
        }
        assertEquals(List.of(
                "[conformance] 41/100 cases (41%), about 7s left · no finding so far",
                "[conformance] 81/100 cases (81%), about 2s left · no finding so far",
                "[conformance] 100/100 cases (100%) · no finding so far"), lines());
    }

    @Test
    void findingsAreCountedByCheck() {
        List<Finding> findings = List.of(finding("transport"), finding("not_a_server_error"), finding("transport"));
        progress.advanced(10, 10, () -> findings);
        assertEquals(List.of("[conformance] 10/10 cases (100%) · 3 findings so far: not_a_server_error 1, transport 2"), lines());
    }

    @Test
    void findingsAreAskedForOnlyWhenALineIsPrinted() {
        progress.advanced(1, 10, () -> {
            throw new AssertionError("asked although no line was due");
        });
        assertEquals(List.of(), lines());
    }
}
