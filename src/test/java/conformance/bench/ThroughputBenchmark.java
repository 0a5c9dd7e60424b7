package conformance.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.Launch;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.exchange.HttpExchanger;
import conformance.generation.Case;
import conformance.reference.Inbox;
import conformance.reference.ReferenceTarget;
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
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the suite judges, beside a raw {@code java.net.http} client, in one JVM and against one embedded reference
 * target used as a remote one: the same generated requests (same seed, same tries, same plan) sent (a) through the
 * suite with every check, the exchange log and the reports on, and (b) by {@link RawClient}, which only sends and
 * reads; and, to tell where the difference goes, (c) by the suite's transport alone ({@link HttpExchanger}: REST
 * Assured, limits, nothing judged or logged). Passes alternate, after a warm-up of each, and the spread over the
 * rounds is printed with the rates. Then
 * a sweep over {@code conformance.workers}, beside the raw client on 1 and 4 connections, shows whether the suite
 * can keep the target (and this machine) busy. A benchmark: it prints numbers and asserts nothing about time.
 */
class ThroughputBenchmark {
    private static final long SEED = 20261128L;
    private static final int TRIES = 1000;
    /** Rounds whose figures are dropped: the JIT is still compiling the senders' paths (the raw client's too). */
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 5;
    private static final int SWEEP_ROUNDS = 3;
    private static final String SUITE = "suite (every check, log, reports)";
    private static final String TRANSPORT = "its transport alone (HttpExchanger, REST Assured)";
    private static final String RAW = "raw HttpClient";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private final Contract contract = new ContractLoader().load(RunConfig.DEFAULT_SPEC);

    @TempDir
    Path reports;

    /** One pass: requests sent, the seconds they took, and the share of the machine's CPU this JVM used meanwhile. */
    private record Pass(long requests, double seconds, double cpuShare) {
        double rate() {
            return requests / seconds;
        }
    }

    @Test
    void suiteBesideRawClientOnOneWorker() {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            RawClient raw = new RawClient(target.baseUrl(), contract);
            Map<String, Supplier<Pass>> senders = new LinkedHashMap<>();
            senders.put(SUITE, () -> suite(target, 1));
            // the transport's CPU per request on its sending thread, against the raw client's whole round trip
            List<Double> transportCpu = new ArrayList<>();
            senders.put(TRANSPORT, () -> transport(raw, target, transportCpu));
            senders.put(RAW, () -> raw(raw, target, 1));
            List<String> order = new ArrayList<>(senders.keySet());
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            senders.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
            List<Double> ratios = new ArrayList<>();
            List<Double> transportRatios = new ArrayList<>();
            for (int round = 1 - WARM_UP; round <= ROUNDS; round++) {
                // each round starts with another sender, so a drift of the machine's load hits all alike
                Map<String, Pass> passes = new LinkedHashMap<>();
                for (String sender : order) {
                    passes.put(sender, senders.get(sender).get());
                }
                Collections.rotate(order, 1);
                assertEquals(passes.get(RAW).requests(), passes.get(SUITE).requests(), "all send the same requests");
                double ratio = passes.get(SUITE).rate() / passes.get(RAW).rate();
                System.out.printf("[benchmark] %s: suite %.0f requests/s, its transport alone %.0f, raw client %.0f; "
                                + "suite / raw %.2f (%d requests each)%n", round <= 0 ? "warm-up" : "round " + round,
                        passes.get(SUITE).rate(), passes.get(TRANSPORT).rate(), passes.get(RAW).rate(), ratio,
                        passes.get(SUITE).requests());
                if (round > 0) {
                    passes.forEach((sender, p) -> rates.get(sender).add(p.rate()));
                    ratios.add(ratio);
                    transportRatios.add(passes.get(TRANSPORT).rate() / passes.get(RAW).rate());
                }
            }
            Table table = new Table("throughput on one worker, " + TRIES + " tries, " + ROUNDS
                    + " rounds after " + WARM_UP + " of warm-up, embedded target", "", "median (min–max)");
            rates.forEach((sender, list) -> table.row(sender + ", requests/s", Spread.of(list).show("%.0f")));
            table.row("suite / raw (goal >= 0.5)", Spread.of(ratios).show("%.2f"))
                    .row("transport alone / raw", Spread.of(transportRatios).show("%.2f"))
                    .row("transport: CPU per request on its sending thread, µs",
                            Spread.of(transportCpu.subList(WARM_UP, transportCpu.size())).show("%.0f"))
                    .row("raw client: whole round trip (1 / rate), µs",
                            Spread.of(rates.get(RAW).stream().map(r -> 1e6 / r).toList()).show("%.0f"))
                    .print(System.out);
        }
    }

    @Test
    void workersSweep() {
        boolean workers = Workers.supported();
        try (ReferenceTarget target = ReferenceTarget.start()) {
            RawClient raw = new RawClient(target.baseUrl(), contract);
            Map<String, Supplier<Pass>> senders = new LinkedHashMap<>();
            senders.put("raw HttpClient, 1 connection", () -> raw(raw, target, 1));
            senders.put("raw HttpClient, 4 connections", () -> raw(raw, target, 4));
            for (int w : workers ? new int[] {1, 2, 4} : new int[] {1}) {
                senders.put("suite, workers=" + w, () -> suite(target, w));
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
            Table table = new Table("senders against the embedded target, " + TRIES + " tries, " + SWEEP_ROUNDS
                    + " rounds after " + WARM_UP + " of warm-up, " + Runtime.getRuntime().availableProcessors() + " cores",
                    "sender", "requests/s", "of the fastest", "CPU of the machine");
            passes.forEach((name, list) -> table.row(name, rates.get(name).show("%.0f"),
                    String.format("%.0f%%", 100 * rates.get(name).median() / fastest),
                    Spread.of(list.stream().map(p -> 100 * p.cpuShare()).toList()).show("%.0f%%")));
            table.print(System.out);
            if (!workers) {
                System.out.println("[benchmark] conformance.workers is not a setting of this build: the suite was measured "
                        + "on one worker only");
            }
        }
    }

    /** A suite run as users start it, against the target as a remote one, every check and report on. */
    private Pass suite(ReferenceTarget target, int workers) {
        Map<String, String> settings = new HashMap<>(Targets.settingsFor(target));
        settings.put("tries", String.valueOf(TRIES));
        settings.put("seed", String.valueOf(SEED));
        settings.put("reports", reports.toString());
        settings.put("quiet", "true");
        settings.put("workers", String.valueOf(workers));
        Meter meter = new Meter();
        Launch.Outcome outcome = meter.time(() -> Launch.run(Settings.of(settings), SILENT));
        RunReport report = outcome.result().orElseThrow(() -> new AssertionError(outcome.stopReason().orElse(""))).report();
        assertEquals(Verdict.CONFORMANT, report.verdict(), report.headline());
        return new Pass(report.requests(), report.durationMs() / 1000.0, meter.cpuShare());
    }

    /** The raw client's pass: requests made before the clock starts, then sent and read. */
    private static Pass raw(RawClient raw, ReferenceTarget target, int connections) {
        return direct(raw, target, cases -> {
            List<HttpRequest> requests = raw.requests(cases);
            return () -> raw.send(requests, connections);
        });
    }

    /** The suite's own transport without the rest of the suite: each case delivered and read, nothing judged or logged. */
    private static Pass transport(RawClient raw, ReferenceTarget target, List<Double> cpuMicrosPerRequest) {
        HttpExchanger exchanger = new HttpExchanger(target.baseUrl(), RunConfig.DEFAULT_TIMEOUT,
                RunConfig.DEFAULT_MAX_BODY_BYTES, OptionalDouble.empty(), Optional.empty());
        Operation operation = raw.conversations();
        return direct(raw, target, cases -> () -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            cases.forEach(c -> exchanger.deliver(c, operation));
            cpuMicrosPerRequest.add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / cases.size());
        });
    }

    /**
     * A pass without the suite: its two contacts created as the suite's set-up makes them (timed), the plan's cases
     * made and prepared (not timed), then sent (timed).
     */
    private static Pass direct(RawClient raw, ReferenceTarget target, Function<List<Case>, Runnable> prepare) {
        List<Inbox> inboxes = target.inboxes();
        Meter meter = new Meter();
        String identifier = "benchmark-" + System.nanoTime();
        RawClient.Contact subject = meter.time(() -> raw.createContact(inboxes.get(0).identifier(), identifier));
        List<Case> cases = raw.cases(SEED, TRIES, subject);
        meter.time(prepare.apply(cases));
        return new Pass(cases.size() + 2, meter.seconds(), meter.cpuShare());
    }
}
