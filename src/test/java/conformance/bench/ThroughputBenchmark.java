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
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.selftest.Targets;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
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
 * JVM and against the embedded reference target used as a remote one. A suite run with every check, the exchange log
 * and the reports on is timed (a); the requests a suite run sends, fixtures included, are recorded once, before the
 * rounds (an {@link ConformanceRun.Observer} sees every exchange: its case, operation, request and status), and sent
 * again (b) by the suite's transport alone ({@link HttpExchanger}: REST Assured, limits, nothing generated, judged or
 * logged), and (c) by {@link RawClient}, a {@code java.net.http} loop that only sends and reads.
 * <p>
 * What makes the ratio worth reading on a machine shared with other builds: every pass, whoever sends, has a new
 * embedded target, so each finds it empty and leaves it with the same data (the target is seeded: the same requests
 * get the same identifiers, and a replay must get every status the recorded run got, or the benchmark fails), and
 * neither side pays for the other's data; a full collection before each pass, so neither pays for the other's
 * garbage; rounds interleaved (each starts with another sender, so a drift of the machine's load hits all alike)
 * after warm-up rounds whose figures are dropped; the ratio of each round's two passes, next to each other in time,
 * and the median and spread of those. The CPU figures (this JVM's, all threads) are the least noisy under load. A
 * benchmark: it prints numbers and asserts nothing about time.
 * <p>
 * Then a sweep over {@code conformance.workers}, beside the raw client on 1 and 4 connections, shows whether the suite
 * can keep the target (and this machine) busy.
 */
class ThroughputBenchmark {
    private static final long SEED = 20261128L;
    private static final int TRIES = RunConfig.DEFAULT_TRIES;
    /**
     * Rounds whose figures are dropped: the JIT is still compiling the senders' paths (the raw client's too). The suite
     * has far more code to compile than its transport, much of it run once a request or less: in one JVM its passes
     * kept getting faster for about thirty of them (a quiet machine, 2026-12-02: 2.1 s for the second pass, 1.35 s for
     * the seventh, 0.62-0.8 s from the thirtieth on), its transport's for far fewer. Each round prints how long the
     * JIT compiled meanwhile: 1-6 s a round at first, about 100 ms by the thirtieth, about 35 ms by the sixtieth. Sixty
     * rounds of warm-up did not move the ratio (five runs each, 2026-12-02: a median of 0.97 after 30, 1.03 after 60).
     * {@code -Dbenchmark.warmUp=N} sets another number.
     */
    private static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 30);
    private static final int ROUNDS = 9;
    private static final int SWEEP_ROUNDS = 3;
    private static final String SUITE = "suite (every check, log, reports)";
    private static final String TRANSPORT = "its transport alone (HttpExchanger, REST Assured)";
    private static final String RAW = "raw HttpClient";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The compilers' time (the JIT's threads), summed: still climbing by hundreds of ms a round means still warming up. */
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();
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

    /** One request of a suite run: the case, its operation, what went on the wire, and the status it got. */
    private record Sent(Case kase, Operation operation, SentRequest request, int status) {
    }

    /** What a suite run sent, in order, and the base URL of the target it was sent to. */
    private record Recording(List<Sent> sent, URI baseUrl) {
        List<Integer> statuses() {
            return sent.stream().map(Sent::status).toList();
        }
    }

    @Test
    void suiteBesideItsTransportOnOneWorker() {
        Recording recording = record();
        Map<String, Supplier<Pass>> senders = new LinkedHashMap<>();
        senders.put(SUITE, () -> suite(1));
        // the transport's CPU per request on its sending thread, against the raw client's whole round trip
        List<Double> transportCpu = new ArrayList<>();
        senders.put(TRANSPORT, () -> transport(recording, transportCpu));
        senders.put(RAW, () -> raw(recording, 1));
        List<String> order = new ArrayList<>(senders.keySet());
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        senders.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        senders.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> rawRatios = new ArrayList<>();
        List<Double> compiling = new ArrayList<>();
        for (int round = 1 - WARM_UP; round <= ROUNDS; round++) {
            Map<String, Pass> passes = new LinkedHashMap<>();
            long compiled = COMPILER.getTotalCompilationTime();
            for (String sender : order) {
                passes.put(sender, pass(senders.get(sender)));
            }
            long jit = COMPILER.getTotalCompilationTime() - compiled;
            Collections.rotate(order, 1);
            assertEquals(recording.sent().size(), passes.get(SUITE).requests(), "the suite sends what was recorded");
            Pass suite = passes.get(SUITE);
            Pass transport = passes.get(TRANSPORT);
            double ratio = suite.rate() / transport.rate();
            System.out.printf("[benchmark] %s: suite %.0f requests/s, its transport alone %.0f, raw client %.0f; "
                            + "suite / transport %.2f (%d requests each); the JIT compiling for %d ms meanwhile%n",
                    round <= 0 ? "warm-up " + (round + WARM_UP) : "round " + round,
                    suite.rate(), transport.rate(), passes.get(RAW).rate(), ratio, suite.requests(), jit);
            if (round > 0) {
                passes.forEach((sender, p) -> {
                    rates.get(sender).add(p.rate());
                    cpu.get(sender).add(p.cpuMicrosPerRequest());
                });
                ratios.add(ratio);
                compiling.add((double) jit);
                cpuRatios.add(transport.cpuMicrosPerRequest() / suite.cpuMicrosPerRequest());
                rawRatios.add(suite.rate() / passes.get(RAW).rate());
            }
        }
        Table table = new Table("throughput of a whole-API run on one worker, " + TRIES + " tries per operation, "
                + ROUNDS + " rounds after " + WARM_UP + " of warm-up, a new embedded target each pass", "", "median (min–max)");
        rates.forEach((sender, list) -> table.row(sender + ", requests/s", Spread.of(list).show("%.0f")));
        // the suite's figure holds its whole launch (the document loaded, the reports written), the replays' only the sending
        cpu.forEach((sender, list) -> table.row(sender + ", JVM CPU per request (target included), µs", Spread.of(list).show("%.0f")));
        table.row("suite / its transport alone, each round's pair (goal >= 0.9)", Spread.of(ratios).show("%.2f"))
                .row("its transport's CPU per request / the suite's, each round's pair", Spread.of(cpuRatios).show("%.2f"))
                .row("suite / raw", Spread.of(rawRatios).show("%.2f"))
                .row("the JIT's compiling during a round (its three passes), ms", Spread.of(compiling).show("%.0f"))
                .row("transport: CPU per request on its sending thread, µs",
                        Spread.of(transportCpu.subList(WARM_UP, transportCpu.size())).show("%.0f"))
                .row("raw client: whole round trip (1 / rate), µs",
                        Spread.of(rates.get(RAW).stream().map(r -> 1e6 / r).toList()).show("%.0f"))
                .print(System.out);
    }

    @Test
    void workersSweep() {
        boolean workers = Workers.supported();
        Recording recording = record();
        Map<String, Supplier<Pass>> senders = new LinkedHashMap<>();
        senders.put("raw HttpClient, 1 connection", () -> raw(recording, 1));
        senders.put("raw HttpClient, 4 connections", () -> raw(recording, 4));
        for (int w : workers ? new int[] {1, 2, 4} : new int[] {1}) {
            senders.put("suite, workers=" + w, () -> suite(w));
        }
        Map<String, List<Pass>> passes = new LinkedHashMap<>();
        senders.keySet().forEach(k -> passes.put(k, new ArrayList<>()));
        for (int round = 1 - WARM_UP; round <= SWEEP_ROUNDS; round++) {
            for (Map.Entry<String, Supplier<Pass>> s : senders.entrySet()) {
                Pass p = pass(s.getValue());
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

    /**
     * The same pair against a target that takes as long as a server's work before it answers: the loopback target
     * answers in a fraction of a millisecond, a real one takes longer, and what the suite does beside its sending
     * overlaps with that wait or adds to it. The figures beside the first table's, not instead of them.
     */
    @Test
    void suiteBesideItsTransportAtAServersLatency() {
        Recording recording = record();
        Table table = new Table("whole-API run on one worker against a target that waits before it answers, " + TRIES
                + " tries per operation, " + SWEEP_ROUNDS + " rounds after 1 of warm-up", "server latency",
                "suite requests/s", "transport alone requests/s", "suite / transport, each round's pair");
        for (int millis : new int[] {1, 5}) {
            Variant slow = latency(millis);
            Map<String, Supplier<Pass>> senders = Map.of(SUITE, () -> suite(1, slow),
                    TRANSPORT, () -> transport(recording, new ArrayList<>(), slow));
            List<String> order = new ArrayList<>(List.of(SUITE, TRANSPORT));
            List<Double> suiteRates = new ArrayList<>();
            List<Double> transportRates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round <= SWEEP_ROUNDS; round++) {
                Map<String, Pass> passes = new HashMap<>();
                for (String sender : order) {
                    passes.put(sender, pass(senders.get(sender)));
                }
                // each round starts with the other sender, as in the first table
                Collections.rotate(order, 1);
                Pass suite = passes.get(SUITE);
                Pass transport = passes.get(TRANSPORT);
                if (round > 0) {
                    suiteRates.add(suite.rate());
                    transportRates.add(transport.rate());
                    ratios.add(suite.rate() / transport.rate());
                }
            }
            table.row(millis + " ms", Spread.of(suiteRates).show("%.0f"), Spread.of(transportRates).show("%.0f"),
                    Spread.of(ratios).show("%.2f"));
        }
        table.print(System.out);
    }

    /** The conforming target, answering each request after {@code millis} of a server's work. */
    private static Variant latency(int millis) {
        return (call, reply) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reply;
        };
    }

    /** A pass after a full collection: the garbage of the passes before it is not this one's to collect. */
    private static Pass pass(Supplier<Pass> sender) {
        System.gc();
        return sender.get();
    }

    /** A suite run as users start it, against a new target as a remote one, every check and report on. */
    private Pass suite(int workers) {
        return suite(workers, Variant.CONFORMING);
    }

    private Pass suite(int workers, Variant answering) {
        try (ReferenceTarget target = ReferenceTarget.start(answering)) {
            Map<String, String> settings = settings(target);
            settings.put("workers", String.valueOf(workers));
            Meter meter = new Meter();
            Launch.Outcome outcome = meter.time(() -> Launch.run(Settings.of(settings), SILENT));
            RunReport report = outcome.result().orElseThrow(() -> new AssertionError(outcome.stopReason().orElse(""))).report();
            assertEquals(Verdict.CONFORMANT, report.verdict(), report.headline());
            return new Pass(report.requests(), report.durationMs() / 1000.0, meter);
        }
    }

    /** The requests of a suite run with the benchmark's settings, on a target of its own, in the order it sent them (not timed). */
    private Recording record() {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            List<Sent> sent = new ArrayList<>();
            ConformanceRun.Observer recorder = (e, redactor) -> sent.add(new Sent(e.kase(), e.operation(), e.request(), e.status()));
            RunReport report = Launch.prepare(Settings.of(settings(target)), Progress.SILENT, recorder).execute().report();
            assertEquals(Verdict.CONFORMANT, report.verdict(), report.headline());
            assertEquals(report.requests(), sent.size(), "the observer saw every request");
            return new Recording(List.copyOf(sent), target.baseUrl());
        }
    }

    private Map<String, String> settings(ReferenceTarget target) {
        Map<String, String> settings = new HashMap<>(Targets.settingsFor(target));
        settings.put("tries", String.valueOf(TRIES));
        settings.put("seed", String.valueOf(SEED));
        settings.put("reports", reports.toString());
        settings.put("quiet", "true");
        return settings;
    }

    /**
     * The raw client's pass on a new target: the recorded requests made before the clock starts, then sent and read. A
     * new client each pass: one kept from the last would reuse a connection to a closed target on the same port.
     */
    private Pass raw(Recording recording, int connections) {
        RawClient raw = new RawClient();
        try (ReferenceTarget target = ReferenceTarget.start()) {
            List<HttpRequest> requests = raw.requests(recording.sent().stream().map(Sent::request).toList(),
                    recording.baseUrl(), target.baseUrl());
            Meter meter = new Meter();
            List<Integer> statuses = meter.time(() -> raw.send(requests, connections));
            if (connections == 1) {
                // on several connections the target may take a fetch before the create it follows
                assertEquals(recording.statuses(), statuses, "the raw client's target answered as the recorded run's did");
            }
            return new Pass(requests.size(), meter.seconds(), meter);
        }
    }

    /** On a new target, the recorded cases delivered again by the suite's own transport, nothing judged or logged. */
    private Pass transport(Recording recording, List<Double> cpuMicrosPerRequest) {
        return transport(recording, cpuMicrosPerRequest, Variant.CONFORMING);
    }

    private Pass transport(Recording recording, List<Double> cpuMicrosPerRequest, Variant answering) {
        try (ReferenceTarget target = ReferenceTarget.start(answering)) {
            List<Integer> statuses = new ArrayList<>(recording.sent().size());
            Meter meter = new Meter();
            meter.time(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                try (HttpExchanger exchanger = new HttpExchanger(target.baseUrl(), RunConfig.DEFAULT_TIMEOUT,
                        RunConfig.DEFAULT_MAX_BODY_BYTES, OptionalDouble.empty(), Optional.empty())) {
                    recording.sent().forEach(s -> statuses.add(exchanger.deliver(s.kase(), s.operation()).last().status()));
                }
                cpuMicrosPerRequest.add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / recording.sent().size());
            });
            assertEquals(recording.statuses(), statuses, "the transport's target answered as the recorded run's did");
            return new Pass(recording.sent().size(), meter.seconds(), meter);
        }
    }
}
