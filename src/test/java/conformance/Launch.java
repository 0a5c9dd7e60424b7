package conformance;

import conformance.chatwoot.ChatwootSettings;
import conformance.config.ConfigException;
import conformance.chatwoot.ChatwootExtension;
import conformance.chatwoot.ChatwootSettings;
import conformance.checks.Catalog;
import conformance.config.Profile;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.config.Verbosity;
import conformance.contract.ContractException;
import conformance.generation.Json;
import conformance.links.LinkException;
import conformance.exchange.Exchange;
import conformance.exchange.RedactedExchange;
import conformance.exchange.Redactor;
import conformance.report.Checkpoint;
import conformance.report.ExchangeLog;
import conformance.report.HarLog;
import conformance.report.ReportWriter;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * A suite run as a user starts it: settings → run → reports → one verdict line. A configuration or document problem
 * ends with one line naming the setting, and a summary that says INCONCLUSIVE (never a stale pass).
 */
public final class Launch {
    static final String INTERNAL_ERROR = "internal-error.txt";
    private Launch() {
    }

    /** Either a finished run, or why it stopped without one (a configuration problem, an internal error). */
    public record Outcome(Optional<ConformanceRun.Result> result, Optional<String> stopReason, Path reports) {
    }

    /** Where a run with these settings writes, even when the rest of its configuration is wrong. */
    public static Path reportsFolder(Settings settings) {
        return settings.get("reports").map(Path::of).orElse(Path.of("reports"));
    }

    public static Outcome run(Settings settings, PrintStream console) {
        return run(settings, console, (config, chatwoot, progress, observer) -> new ConformanceRun(config, new ChatwootExtension(chatwoot), progress, observer));
    }

    /** A run made from settings as the run command makes it, with the Chatwoot client API's extension. */
    public static ConformanceRun prepare(Settings settings, Progress progress, ConformanceRun.Observer observer) {
        return Configuration.from(settings).run(progress, observer);
    }

    /** The ids of every check a run has: the generic ones and the Chatwoot client API's. */
    public static List<String> checkIds() {
        return Catalog.ids(new ChatwootExtension(null).checks(Profile.STRICT));
    }

    /** How a run is made from its configuration: the suite's own run, or in self-tests one that fails on purpose. */
    @FunctionalInterface
    interface Runs {
        ConformanceRun make(RunConfig config, ChatwootSettings chatwoot, Progress progress, ConformanceRun.Observer observer);
    }

    static Outcome run(Settings settings, PrintStream console, Runs runs) {
        Path reports = reportsFolder(settings);
        try {
            Configuration configuration = Configuration.from(settings);
            boolean quiet = Verbosity.from(settings) == Verbosity.QUIET;
            reports = configuration.config().outputs().reports();
            clearPreviousRun(reports);
            ConformanceRun.Result result;
            Checkpoint checkpoint = new Checkpoint(reports);
            Progress progress = quiet ? Progress.SILENT : Progress.console(console);
            try (ExchangeLogs logs = new ExchangeLogs(reports, checkpoint, configuration.config().outputs().harMaxEntries(),
                    progress::stage)) {
                // SIGTERM or a CI time limit: leave the run so far on disk, as INCONCLUSIVE, before the JVM goes
                Thread onStop = new Thread(() -> {
                    logs.flush();
                    checkpoint.interrupted().ifPresent(r -> console.println("[conformance] " + r.redactor().redact(r.report().headline())));
                }, "conformance-interrupted");
                Runtime.getRuntime().addShutdownHook(onStop);
                try {
                    result = runs.make(configuration.config(), configuration.chatwoot(), progress, logs).execute();
                    checkpoint.finished(result);
                } finally {
                    removeHook(onStop);
                }
            }
            if (!quiet) {
                console.println("[conformance] reports: " + reports.resolve(ReportWriter.SUMMARY) + ", "
                        + reports.resolve(ReportWriter.CERTIFICATE));
                result.report().unusedWaivers().forEach(w -> console.println("[conformance] waiver matched nothing: " + w.describe()));
            }
            // quiet or not: a waiver about to expire will stop a later run, so every run says so
            result.report().expiringWaivers().forEach(w -> console.println("[conformance] WARNING: "
                    + w.expiryNotice(result.report().runDate()).orElseThrow()));
            console.println("[conformance] " + result.redactor().redact(result.report().headline()));
            return new Outcome(Optional.of(result), Optional.empty(), reports);
        } catch (ConfigException | ContractException | LinkException e) {
            return stopped(reports, console, "configuration: " + e.getMessage(), true);
        } catch (RuntimeException e) {
            // a bug of the suite's own: one line saying so, never a pass, the trace kept for the bug report
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            String details;
            try {
                new ReportWriter(reports).writeAtomically(INTERNAL_ERROR, trace.toString());
                details = "details in " + reports.resolve(INTERNAL_ERROR);
            } catch (UncheckedIOException unwritable) {
                details = "no trace kept: " + unwritable.getMessage();
            }
            return stopped(reports, console, "internal error of the suite: " + e + " (" + details + "; please report it)", false);
        }
    }

    /** A run that could not judge: one line, and a summary that says INCONCLUSIVE with why (never a stale pass). */
    private static Outcome stopped(Path reports, PrintStream console, String reason, boolean beforeAnyRequest) {
        console.println("[conformance] INCONCLUSIVE — " + reason);
        ObjectNode summary = Json.NODES.objectNode();
        summary.put("verdict", "INCONCLUSIVE");
        summary.put("reason", reason);
        if (beforeAnyRequest) {
            clearPreviousRun(reports);
        }
        try {
            new ReportWriter(reports).writeAtomically(ReportWriter.SUMMARY, Json.MAPPER.writeValueAsString(summary));
        } catch (UncheckedIOException e) {
            // the folder itself may be what is wrong: the line above already says why the run stopped
            console.println("[conformance] and no summary could be written: " + e.getMessage());
        }
        return new Outcome(Optional.empty(), Optional.of(reason), reports);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook is writing the run as it stands
        }
    }

    /**
     * Opens the exchange log and the HAR on the first exchange, when the run's redactor is known; keeps the checkpoint.
     * {@code harCapReached} hears once that the HAR is full. Each exchange is redacted once, when it is recorded, and
     * the HAR entry written after its judging reuses that.
     */
    private static final class ExchangeLogs implements ConformanceRun.Observer, AutoCloseable {
        private final Path folder;
        private final Checkpoint checkpoint;
        private final int harMaxEntries;
        private final Consumer<String> harCapReached;
        private ExchangeLog log;
        private HarLog har;
        private Exchange recorded;
        private RedactedExchange shown;

        ExchangeLogs(Path folder, Checkpoint checkpoint, int harMaxEntries, Consumer<String> harCapReached) {
            this.folder = folder;
            this.checkpoint = checkpoint;
            this.harMaxEntries = harMaxEntries;
            this.harCapReached = harCapReached;
        }

        @Override
        public synchronized void exchanged(Exchange exchange, Redactor redactor) {
            if (log == null) {
                log = new ExchangeLog(folder);
                har = new HarLog(folder, redactor, harMaxEntries, harCapReached);
            }
            recorded = exchange;
            shown = redactor.redacted(exchange);
            log.accept(exchange, shown);
        }

        @Override
        public synchronized void judged(Exchange exchange, ConformanceRun.Judged judged, Redactor redactor) {
            har.accept(exchange, exchange == recorded ? shown : redactor.redacted(exchange), judged);
        }

        @Override
        public void progressed(long distinctFindings, Supplier<ConformanceRun.Result> soFar) {
            checkpoint.progressed(distinctFindings, () -> {
                flush();
                return soFar.get();
            });
        }

        synchronized void flush() {
            if (log != null) {
                log.flush();
                har.flush();
            }
        }

        @Override
        public synchronized void close() {
            if (log != null) {
                log.close();
                har.close();
            }
        }
    }

    /** Old summaries must never be mistaken for this run's; Allure history is kept for trends. */
    private static void clearPreviousRun(Path reports) {
        try {
            Files.deleteIfExists(reports.resolve(ReportWriter.SUMMARY));
            Files.deleteIfExists(reports.resolve(ReportWriter.CERTIFICATE));
            Files.deleteIfExists(reports.resolve(ExchangeLog.FILE));
            Files.deleteIfExists(reports.resolve(HarLog.FILE));
            Path results = reports.resolve("allure-results");
            if (Files.isDirectory(results)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(results, Files::isRegularFile)) {
                    for (Path f : files) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException e) {
            // a folder we cannot clean is one we cannot write either; the writer reports that with its path
        }
    }
}
