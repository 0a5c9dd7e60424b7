package conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.generation.Statistics;
import conformance.run.ConformanceRun;
import conformance.verdict.Reports;
import conformance.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interim reports are written off the run's thread, and never after (or over) the finished run's. */
class CheckpointTest {
    @TempDir
    Path folder;

    private final ExecutorService writing = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        writing.shutdownNow();
    }

    private static ConformanceRun.Result result(Verdict verdict) {
        return new ConformanceRun.Result(Reports.of(verdict, List.of()), new Redactor(), new Statistics(), "target", Map.of());
    }

    /** Keeps the writing thread busy until the test releases it. */
    private void holdTheWriter() {
        writing.submit(() -> {
            release.await();
            return null;
        });
    }

    private String verdictOnDisk() throws Exception {
        return Json.MAPPER.readTree(Files.readString(folder.resolve(ReportWriter.SUMMARY))).get("verdict").asString();
    }

    @Test
    void theFirstWriteIsMadeAtOnceBeforeAnyRequest() throws Exception {
        holdTheWriter();
        new Checkpoint(folder, writing).progressed(0, () -> result(Verdict.INCONCLUSIVE));

        assertEquals("INCONCLUSIVE", verdictOnDisk(), "a folder that cannot be written must stop the run before any request");
    }

    @Test
    void theRunsThreadTakesTheRunSoFarAndLeavesTheWritingToAnother() throws Exception {
        Checkpoint checkpoint = new Checkpoint(folder, writing);
        checkpoint.progressed(0, () -> result(Verdict.CONFORMANT));
        holdTheWriter();
        AtomicInteger taken = new AtomicInteger();

        checkpoint.progressed(1, () -> {
            taken.incrementAndGet();
            return result(Verdict.INCONCLUSIVE);
        });

        assertEquals(1, taken.get(), "the run so far is taken on the run's thread");
        assertEquals("CONFORMANT", verdictOnDisk(), "the run's thread wrote the files itself");
        release.countDown();
        writing.submit(() -> { }).get(10, TimeUnit.SECONDS);
        assertEquals("INCONCLUSIVE", verdictOnDisk());
    }

    @Test
    void theFinishedRunWaitsForTheInterimWriteAndReplacesIt() throws Exception {
        Checkpoint checkpoint = new Checkpoint(folder, writing);
        checkpoint.progressed(0, () -> result(Verdict.INCONCLUSIVE));
        holdTheWriter();
        checkpoint.progressed(1, () -> result(Verdict.INCONCLUSIVE));
        Thread finishing = new Thread(() -> checkpoint.finished(result(Verdict.CONFORMANT)));
        finishing.start();
        // long enough for finished() to have written everything, had it not waited
        finishing.join(2_000);
        assertTrue(finishing.isAlive(), "the finished run's files were written while an interim write was still to come");
        release.countDown();
        finishing.join(10_000);
        // finished() shut the writer down: once it is idle, every write that was to come has landed
        assertTrue(writing.awaitTermination(10, TimeUnit.SECONDS));

        assertFalse(finishing.isAlive());
        assertEquals("CONFORMANT", verdictOnDisk());
        assertTrue(checkpoint.interrupted().isEmpty(), "a finished run is not rewritten as interrupted");
    }
}
