package conformance.report;

import conformance.exchange.Redactor;
import conformance.run.ConformanceRun;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.RunReport;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps the reports of a run that is still going on disk, so that a run killed midway (SIGTERM, a CI time limit)
 * leaves a summary, a certificate and an Allure result that say INCONCLUSIVE and list every finding made until then.
 * Every write is atomic; a run writes at most once a second, and at once when a new distinct finding appears (as
 * soon as the write before it is done). After the first write, the run's thread only takes the run so far (its
 * tally is not thread-safe); rendering and writing the files happen on a thread of their own, so that the cases keep
 * going meanwhile.
 */
public final class Checkpoint {
    static final Duration EVERY = Duration.ofSeconds(1);
    private static final String ALLURE_RESULTS = "allure-results";
    private static final String ASIDE = ".allure-checkpoint";

    private final Path folder;
    private final ReportWriter writer;
    /** Made once: each writer makes its own JSON mapper, which costs more than the result it writes. */
    private final FileSystemResultsWriter allureAside;
    private final String allureUuid = UUID.randomUUID().toString();
    private final ExecutorService writing;
    private Future<?> pending = CompletableFuture.completedFuture(null);
    private Supplier<ConformanceRun.Result> latest;
    private long lastWrite;
    private long lastFindings = -1;
    private boolean finished;

    public Checkpoint(Path folder) {
        // one thread at most, gone when idle: a run that ends without finished() leaves none behind
        this(folder, new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "conformance-checkpoint");
            t.setDaemon(true);
            return t;
        }));
    }

    /** @param writing where the files are rendered and written, one write after the other */
    Checkpoint(Path folder, ExecutorService writing) {
        this.folder = folder;
        this.writer = new ReportWriter(folder);
        this.allureAside = new FileSystemResultsWriter(folder.resolve(ASIDE));
        this.writing = writing;
    }

    /** The run so far (as the run itself reports it when it cannot finish); written when it is time to. */
    public synchronized void progressed(long distinctFindings, Supplier<ConformanceRun.Result> soFar) {
        latest = soFar;
        long now = System.nanoTime();
        if (!finished && pending.isDone() && (distinctFindings != lastFindings || now - lastWrite >= EVERY.toNanos())) {
            awaitPending();
            ConformanceRun.Result r = soFar.get();
            if (lastFindings < 0) {
                // the first, before any request: a folder that cannot be written stops the run there
                write(r);
            } else {
                pending = writing.submit(() -> write(r));
            }
            lastFindings = distinctFindings;
            lastWrite = now;
        }
    }

    /** Waits for the write under way; a write that failed fails the run here, as it would have on the run's thread. */
    private void awaitPending() {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The run is being stopped before its end: its latest state replaces what was written, and is returned. */
    public synchronized Optional<ConformanceRun.Result> interrupted() {
        if (finished || latest == null) {
            return Optional.empty();
        }
        ConformanceRun.Result now = latest.get();
        awaitPending();
        write(now);
        return Optional.of(now);
    }

    /** The run ended: its reports replace the interim ones (its Allure tests are written by the JUnit run). */
    public synchronized void finished(ConformanceRun.Result result) {
        awaitPending();
        writing.shutdown();
        writer.finish(result);
        finished = true;
        try {
            Files.deleteIfExists(allureResult(folder.resolve(ALLURE_RESULTS)));
            Files.deleteIfExists(folder.resolve(ASIDE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the interim Allure result from " + folder.resolve(ALLURE_RESULTS), e);
        }
    }

    private void write(ConformanceRun.Result r) {
        writer.write(r);
        writeAllure(r.report(), r.redactor());
    }

    private Path allureResult(Path results) {
        return results.resolve(allureUuid + "-result.json");
    }

    /** One broken Allure test for the unfinished run, a failed step per finding; written aside, then moved in. */
    private void writeAllure(RunReport report, Redactor redactor) {
        TestResult test = new TestResult().setUuid(allureUuid).setHistoryId("conformance-run-unfinished")
                .setName("conformance run (did not finish)").setFullName("conformance run (did not finish)")
                .setStatus(Status.BROKEN).setStart(report.startedAt().toEpochMilli())
                .setStop(report.startedAt().toEpochMilli() + report.durationMs())
                .setStatusDetails(new StatusDetails().setMessage(redactor.redact(report.headline())))
                .setLabels(List.of(new Label().setName("suite").setValue("conformance")));
        for (CheckResult c : report.checks()) {
            for (FindingGroup g : c.findings()) {
                test.getSteps().add(new StepResult().setName(c.checkId() + " · " + c.operationId() + ": "
                        + redactor.redact(g.first().message()) + (g.occurrences() > 1 ? " (×" + g.occurrences() + ")" : ""))
                        .setStatus(Status.FAILED));
            }
        }
        try {
            Path results = Files.createDirectories(folder.resolve(ALLURE_RESULTS));
            Path aside = Files.createDirectories(folder.resolve(ASIDE));
            allureAside.write(test);
            Files.move(allureResult(aside), allureResult(results), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the interim Allure result under " + folder, e);
        }
    }
}
