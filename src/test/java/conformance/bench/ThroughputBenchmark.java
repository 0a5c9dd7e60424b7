package conformance.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.Launch;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.contract.Operation;
import conformance.exchange.HttpExchanger;
import conformance.exchange.SentRequest;
import conformance.generation.Case;
import conformance.reference.ReferenceTarget;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.selftest.Targets;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the suite judges a whole-API run (every operation, the default tries), beside its own transport, in one
 * JVM and against one embedded reference target used as a remote one. A suite run with every check, the exchange log
 * and the reports on is timed (a); the requests a suite run sends, fixtures included, are recorded (an
 * {@link ConformanceRun.Observer} sees every exchange: its case, operation and request) and the same cases are sent
 * again (b) by the suite's transport alone ({@link HttpExchanger}: REST Assured, limits, nothing generated, judged or
 * logged), and (c) by {@link RawClient}, a {@code java.net.http} loop that only sends and reads. Every pass has a
 * target of its own, started anew, and each replay sends the cases of a recording made on it just before (not
 * timed): each sender finds the target as the suite's own run found it (the embedded target looks resources up by
 * scanning them, so a target kept from pass to pass would slow down as they pile up, and the later passes with it).
 * Passes alternate, after a warm-up of each, and the spread over the rounds is printed with the rates. Then a sweep over {@code conformance.workers}, beside the raw
 * client on 1 and 4 connections, shows whether the suite can keep the target (and this machine) busy. A benchmark: it
 * prints numbers and asserts nothing about time.
 */
class ThroughputBenchmark {
    private static final long SEED = 20261128L;
    private static final int TRIES = RunConfig.DEFAULT_TRIES;
    /** Rounds whose figures are dropped: the JIT is still compiling the senders' paths (the raw client's too). */
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 5;
    private static final int SWEEP_ROUNDS = 3;
    private static final String SUITE = "suite (every check, log, reports)";
    private static final String TRANSPORT = "its transport alone (HttpExchanger, REST Assured)";
    private static final String RAW = "raw HttpClient";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path reports;

    /**
     * One pass: requests sent, the seconds they took, the share of the machine's CPU this JVM used meanwhile, and that
     * CPU in seconds (what a machine shared with other builds gives least noisily).
     */
    private record Pass(long requests, double seconds, double cpuShare, double cpuSeconds) {
        Pass(long requests, double seconds, Meter meter) {
            this(requests, seconds, meter.cpuShare(), meter.cpuSeconds());
        }

        double rate() {
            return requests / seconds;
        }

        double cpuMicrosPerRequest() {
            return 1e6 * cpuSeconds / requests;
        }
    }

    /** One request of a suite run: the case, its operation, and what went on the wire. */
    private record Sent(Case kase, Operation operation, SentRequest request) {
    }

    @Test
    void suiteBesideItsTransportOnOneWorker() {
        RawClient raw = new RawClient();
        Map<String, Supplier<Pass>> senders = new LinkedHashMap<>();
        senders.put(SUITE, () -> suite(1));
        // the transport's CPU per request on its sending thread, against the raw client's whole round trip
        List<Double> transportCpu = new ArrayList<>();
        senders.put(TRANSPORT, () -> transport(transportCpu));
        senders.put(RAW, () -> raw(raw, 1));
        List<String> order = new ArrayList<>(senders.keySet());
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        senders.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        senders.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
        List<Double> ratios = new ArrayList<>();
        List<Double> rawRatios = new ArrayList<>();
        for (int round = 1 - WARM_UP; round <= ROUNDS; round++) {
            // each round starts with another sender, so a drift of the machine's load hits all alike
            Map<String, Pass> passes = new LinkedHashMap<>();
            for (String sender : order) {
                passes.put(sender, senders.get(sender).get());
            }
            Collections.rotate(order, 1);
            assertEquals(passes.get(TRANSPORT).requests(), passes.get(SUITE).requests(), "all send the same requests");
            double ratio = passes.get(SUITE).rate() / passes.get(TRANSPORT).rate();
            System.out.printf("[benchmark] %s: suite %.0f requests/s, its transport alone %.0f, raw client %.0f; "
                            + "suite / transport %.2f (%d requests each)%n", round <= 0 ? "warm-up" : "round " + round,
                    passes.get(SUITE).rate(), passes.get(TRANSPORT).rate(), passes.get(RAW).rate(), ratio,
                    passes.get(SUITE).requests());
            if (round > 0) {
                passes.forEach((sender, p) -> {
                    rates.get(sender).add(p.rate());
                    cpu.get(sender).add(p.cpuMicrosPerRequest());
                });
                ratios.add(ratio);
                rawRatios.add(passes.get(SUITE).rate() / passes.get(RAW).rate());
            }
        }
        Table table = new Table("throughput of a whole-API run on one worker, " + TRIES + " tries per operation, "
                + ROUNDS + " rounds after " + WARM_UP + " of warm-up, a new embedded target each pass", "", "median (min–max)");
        rates.forEach((sender, list) -> table.row(sender + ", requests/s", Spread.of(list).show("%.0f")));
        // the suite's figure holds its whole launch (the document loaded, the reports written), the replays' only the sending
        cpu.forEach((sender, list) -> table.row(sender + ", JVM CPU per request (target included), µs", Spread.of(list).show("%.0f")));
        table.row("suite / its transport alone (goal >= 0.9)", Spread.of(ratios).show("%.2f"))
                .row("suite / raw", Spread.of(rawRatios).show("%.2f"))
                .row("transport: CPU per request on its sending thread, µs",
                        Spread.of(transportCpu.subList(WARM_UP, transportCpu.size())).show("%.0f"))
                .row("raw client: whole round trip (1 / rate), µs",
                        Spread.of(rates.get(RAW).stream().map(r -> 1e6 / r).toList()).show("%.0f"))
                .print(System.out);
    }

    @Test
    void workersSweep() {
        boolean workers = Workers.supported();
        RawClient raw = new RawClient();
        Map<String, Supplier<Pass>> senders = new LinkedHashMap<>();
        senders.put("raw HttpClient, 1 connection", () -> raw(raw, 1));
        senders.put("raw HttpClient, 4 connections", () -> raw(raw, 4));
        for (int w : workers ? new int[] {1, 2, 4} : new int[] {1}) {
            senders.put("suite, workers=" + w, () -> suite(w));
        }
        Map<String, List<Pass>> passes = new LinkedHashMap<>();
        senders.keySet().forEach(k -> passes.put(k, new ArrayList<>()));
        for (int round = 1 - WARM_UP; round <= SWEEP_ROUNDS; round++) {
            for (Map.Entry<String, Supplier<Pass>> s : senders.entrySet()) {
                Pass p = s.getValue().get();
                if (round > 0) {
                    passes.get(s.getKey()).add(p);
                }
            }
        }
        Map<String, Spread> rates = new LinkedHashMap<>();
        passes.forEach((name, list) -> rates.put(name, Spread.of(list.stream().map(Pass::rate).toList())));
        double fastest = rates.values().stream().mapToDouble(Spread::median).max().orElseThrow();
        Table table = new Table("senders against the embedded target, whole API, " + TRIES + " tries per operation, "
                + SWEEP_ROUNDS + " rounds after " + WARM_UP + " of warm-up, " + Runtime.getRuntime().availableProcessors()
                + " cores", "sender", "requests/s", "of the fastest", "CPU of the machine");
        passes.forEach((name, list) -> table.row(name, rates.get(name).show("%.0f"),
                String.format("%.0f%%", 100 * rates.get(name).median() / fastest),
                Spread.of(list.stream().map(p -> 100 * p.cpuShare()).toList()).show("%.0f%%")));
        table.print(System.out);
        if (!workers) {
            System.out.println("[benchmark] conformance.workers is not a setting of this build: the suite was measured "
                    + "on one worker only");
        }
    }

    /** A suite run as users start it, against a new target as a remote one, every check and report on. */
    private Pass suite(int workers) {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            Map<String, String> settings = settings(target);
            settings.put("workers", String.valueOf(workers));
            Meter meter = new Meter();
            Launch.Outcome outcome = meter.time(() -> Launch.run(Settings.of(settings), SILENT));
            RunReport report = outcome.result().orElseThrow(() -> new AssertionError(outcome.stopReason().orElse(""))).report();
            assertEquals(Verdict.CONFORMANT, report.verdict(), report.headline());
            return new Pass(report.requests(), report.durationMs() / 1000.0, meter);
        }
    }

    /** The requests of a suite run with the benchmark's settings, fixtures included, in the order it sent them (not timed). */
    private List<Sent> record(ReferenceTarget target) {
        List<Sent> sent = new ArrayList<>();
        ConformanceRun.Observer recorder = (e, redactor) -> sent.add(new Sent(e.kase(), e.operation(), e.request()));
        RunReport report = Launch.prepare(Settings.of(settings(target)), Progress.SILENT, recorder).execute().report();
        assertEquals(Verdict.CONFORMANT, report.verdict(), report.headline());
        assertEquals(report.requests(), sent.size(), "the observer saw every request");
        return sent;
    }

    private Map<String, String> settings(ReferenceTarget target) {
        Map<String, String> settings = new HashMap<>(Targets.settingsFor(target));
        settings.put("tries", String.valueOf(TRIES));
        settings.put("seed", String.valueOf(SEED));
        settings.put("reports", reports.toString());
        settings.put("quiet", "true");
        return settings;
    }

    /** The raw client's pass on a new target: a suite run's requests made before the clock starts, then sent and read. */
    private Pass raw(RawClient raw, int connections) {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            List<HttpRequest> requests = raw.requests(record(target).stream().map(Sent::request).toList());
            Meter meter = new Meter();
            meter.time(() -> raw.send(requests, connections));
            return new Pass(requests.size(), meter.seconds(), meter);
        }
    }

    /** On a new target, a suite run's cases delivered again by the suite's own transport, nothing judged or logged. */
    private Pass transport(List<Double> cpuMicrosPerRequest) {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            List<Sent> sent = record(target);
            Meter meter = new Meter();
            meter.time(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                try (HttpExchanger exchanger = new HttpExchanger(target.baseUrl(), RunConfig.DEFAULT_TIMEOUT,
                        RunConfig.DEFAULT_MAX_BODY_BYTES, OptionalDouble.empty(), Optional.empty())) {
                    sent.forEach(s -> exchanger.deliver(s.kase(), s.operation()));
                }
                cpuMicrosPerRequest.add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / sent.size());
            });
            return new Pass(sent.size(), meter.seconds(), meter);
        }
    }
}
