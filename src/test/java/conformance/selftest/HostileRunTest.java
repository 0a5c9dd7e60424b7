package conformance.selftest;

import conformance.Launch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.checks.NotAServerError;
import conformance.checks.TransportCheck;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.exchange.Exchange;
import conformance.generation.Json;
import conformance.reference.Call;
import conformance.reference.ReferenceTarget;
import conformance.reference.Reply;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.selftest.faults.Certificates;
import conformance.selftest.faults.RawFaults;
import conformance.selftest.faults.RawHttpServer;
import conformance.selftest.faults.TlsProxy;
import conformance.selftest.faults.WireMockFaults;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Verdict;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole runs against hostile and broken targets: a target that cannot be judged ends INCONCLUSIVE (never
 * CONFORMANT) within a bound that follows from the timeout and the requests sent; throttling is honoured and a
 * retry never hides a server error; the rate limit holds as the server counts; HTTP/1.0 and TLS with a configured
 * trust store are judged like any target.
 */
// each run its own target or fault, and most of their time is waiting (timeouts, Retry-After, the rate limit): side by side
@Execution(ExecutionMode.CONCURRENT)
class HostileRunTest {
    /** For the target that is meant to time out: short, so the test is (it never answers in time, however loaded the machine). */
    static final Duration TIMEOUT = Duration.ofMillis(250);
    /** For the others: long enough that a loaded machine never turns their fault into a timeout. */
    static final Duration PATIENT = Duration.ofSeconds(5);
    static final Duration SLACK = Duration.ofSeconds(5);

    private static WireMockFaults wireMock;

    @BeforeAll
    static void start() {
        wireMock = new WireMockFaults(TIMEOUT.multipliedBy(5));
        // the first request of a JVM loads REST Assured's Groovy: paid here, not by a test's bound
        run(remote(wireMock.http("empty-200"), PATIENT), new ArrayList<>());
    }

    @AfterAll
    static void stop() {
        wireMock.close();
    }

    record DeadTarget(String name, Supplier<URI> target, Duration timeout, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<DeadTarget> deadTargets() {
        return Stream.of(
                new DeadTarget("connection refused", HostileTargetTest::closedPort, PATIENT, "connection refused"),
                new DeadTarget("reset", () -> wireMock.http("reset"), PATIENT, "connection reset"),
                new DeadTarget("headers never come", () -> wireMock.http("silent"), TIMEOUT, "timeout"),
                new DeadTarget("garbage instead of HTTP", () -> wireMock.http("garbage"), PATIENT, "malformed http"),
                new DeadTarget("malformed chunks", () -> wireMock.http("malformed-chunks"), PATIENT, "malformed chunked encoding"),
                new DeadTarget("self-signed certificate", () -> wireMock.https("tls"), PATIENT, "certificate is not trusted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadTargets")
    void aTargetThatCannotBeJudgedIsInconclusiveWithinItsBound(DeadTarget dead) {
        Map<String, String> s = remote(dead.target().get(), dead.timeout());
        long start = System.nanoTime();
        ConformanceRun.Result r = run(s, new ArrayList<>());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Verdict.INCONCLUSIVE, r.report().verdict(), r.report().headline());
        assertTrue(findings(r, TransportCheck.ID).stream().anyMatch(g -> g.first().message().contains(dead.fragment())),
                findings(r, TransportCheck.ID).toString());
        Duration bound = dead.timeout().multipliedBy(2 * r.report().requests()).plus(SLACK);
        assertTrue(took.compareTo(bound) <= 0, dead.name() + ": " + took.toMillis() + " ms for " + r.report().requests()
                + " requests, bound " + bound.toMillis() + " ms");
        assertTrue(r.report().requests() <= 10, "a dead target is given up after 10 requests in a row: " + r.report().requests());
    }

    @Test
    void aTargetThatThrottlesForAWhileIsWaitedForAndThenJudgedNormally() {
        Recorded target = new Recorded(firstCalls(2, () -> json(429, "slow down").withHeader("Retry-After", "1")));
        List<Exchange> logged = new ArrayList<>();
        ConformanceRun.Result r;
        try (ReferenceTarget reference = ReferenceTarget.start(target)) {
            Map<String, String> s = Targets.settingsFor(reference);
            // the throttling is over after the first request: the rest only has to be judged, not judged at length
            s.put("tries", "10");
            r = run(s, logged);
        }
        assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
        List<Recorded.Arrival> arrivals = target.arrivals();
        assertEquals(List.of(429, 429, 200), arrivals.stream().limit(3).map(Recorded.Arrival::status).toList());
        for (int i = 1; i <= 2; i++) {
            long gapMs = (arrivals.get(i).nanos() - arrivals.get(i - 1).nanos()) / 1_000_000;
            assertTrue(gapMs >= 900, "Retry-After: 1 honoured before retry " + i + ": " + gapMs + " ms");
        }
        assertEquals(arrivals.size(), r.report().requests(), "every attempt is counted");
        assertEquals(2, logged.stream().filter(e -> e.status() == 429).count(), "the honoured 429s are in the exchange log");
    }

    @Test
    void aTargetThatNeverStopsThrottlingIsReportedAfterTheBound() {
        Recorded target = new Recorded((call, reply) -> json(429, "slow down").withHeader("Retry-After", "1"));
        ConformanceRun.Result r;
        long start = System.nanoTime();
        try (ReferenceTarget reference = ReferenceTarget.start(target)) {
            r = run(Targets.settingsFor(reference), new ArrayList<>());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Verdict.INCONCLUSIVE, r.report().verdict(), r.report().headline());
        assertEquals(4, target.arrivals().size(), "one request and three retries, then the suite stops asking");
        assertTrue(r.report().inconclusiveReason().orElseThrow().contains("429"), r.report().headline());
        assertTrue(r.report().checks().stream().filter(c -> c.checkId().equals(TransportCheck.ID))
                .flatMap(c -> c.findings().stream()).anyMatch(g -> g.first().message().startsWith("throttled: 429")));
        assertTrue(took.compareTo(Duration.ofSeconds(3).plus(RunConfig.DEFAULT_TIMEOUT.multipliedBy(8)).plus(SLACK)) <= 0, took.toMillis() + " ms");
    }

    @Test
    void a503OnEveryThirdRequestIsAServerErrorEvenWhenItsRetrySucceeds() {
        Variant everyThird = new Variant() {
            private int calls;

            @Override
            public synchronized Reply answer(Call call, Reply reply) {
                return ++calls % 3 == 0 ? json(503, "unavailable").withHeader("Retry-After", "0") : reply;
            }
        };
        Recorded target = new Recorded(everyThird);
        List<Exchange> logged = new ArrayList<>();
        ConformanceRun.Result r;
        try (ReferenceTarget reference = ReferenceTarget.start(target)) {
            Map<String, String> s = Targets.settingsFor(reference);
            s.put("tries", "20");
            r = run(s, logged);
        }
        assertEquals(Verdict.NON_CONFORMANT, r.report().verdict(), r.report().headline());
        long serverErrors = findings(r, NotAServerError.ID).stream().mapToLong(FindingGroup::occurrences).sum();
        long received = logged.stream().filter(e -> e.status() == 503).count();
        assertTrue(received > 5, "the run received 503 " + received + " times");
        assertEquals(received, serverErrors, "every 503 counts, though each was retried");
        for (int i = 0; i + 1 < target.arrivals().size(); i++) {
            if (target.arrivals().get(i).status() == 503) {
                assertNotEquals(503, target.arrivals().get(i + 1).status(), "a 503 with Retry-After is followed by its retry");
            }
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 4})
    void theRateLimitHoldsAsTheServerCountsIt(int workers) {
        int perSecond = 20;
        Recorded target = new Recorded(Variant.CONFORMING);
        ConformanceRun.Result r;
        try (ReferenceTarget reference = ReferenceTarget.start(target)) {
            Map<String, String> s = Targets.settingsFor(reference);
            // one operation and its fixture: a few seconds of requests at the limit, not the whole API's
            s.put("operations", "create-a-conversation");
            s.put("tries", "40");
            s.put("rateLimit", String.valueOf(perSecond));
            s.put("workers", String.valueOf(workers));
            r = run(s, new ArrayList<>());
        }
        assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
        List<Recorded.Arrival> arrivals = target.arrivals();
        assertTrue(arrivals.size() > 2 * perSecond, "enough requests to fill two seconds: " + arrivals.size());
        for (int i = 0; i + perSecond < arrivals.size(); i++) {
            long spanNanos = arrivals.get(i + perSecond).nanos() - arrivals.get(i).nanos();
            assertTrue(spanNanos >= 1_000_000_000L, (perSecond + 1) + " requests arrived within " + spanNanos / 1_000_000 + " ms");
        }
    }

    @Test
    void anHttp10TargetThatClosesTheConnectionIsJudgedLikeAnyOther() {
        try (ReferenceTarget reference = ReferenceTarget.start();
             RawHttpServer http10 = new RawHttpServer(RawFaults.http10Proxy(reference.baseUrl()))) {
            Map<String, String> s = Targets.settingsFor(reference);
            s.put("baseUrl", http10.baseUrl().toString());
            s.put("tries", "10");
            ConformanceRun.Result r = run(s, new ArrayList<>());
            assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
        }
    }

    @Test
    void tlsIsVerifiedAndATrustStoreMakesAPrivateCertificateTrusted(@TempDir Path folder) {
        Certificates ours = Certificates.selfSigned(folder.resolve("right"), "ip:127.0.0.1");
        Certificates wrongHost = Certificates.selfSigned(folder.resolve("wrong"), "dns:elsewhere.invalid");
        try (ReferenceTarget reference = ReferenceTarget.start();
             TlsProxy tls = new TlsProxy(ours, reference.baseUrl());
             TlsProxy misnamed = new TlsProxy(wrongHost, reference.baseUrl())) {
            Map<String, String> s = Targets.settingsFor(reference);
            s.put("baseUrl", tls.baseUrl().toString());
            s.put("tries", "10");
            ConformanceRun.Result untrusted = run(s, new ArrayList<>());
            assertEquals(Verdict.INCONCLUSIVE, untrusted.report().verdict());
            assertTrue(untrusted.report().headline().contains("certificate is not trusted"), untrusted.report().headline());

            s.put("trustStore", ours.trustStore().toString());
            s.put("trustStorePassword", ours.password());
            ConformanceRun.Result trusted = run(s, new ArrayList<>());
            assertEquals(Verdict.CONFORMANT, trusted.report().verdict(), trusted.report().headline());

            s.put("baseUrl", misnamed.baseUrl().toString());
            s.put("trustStore", wrongHost.trustStore().toString());
            s.put("trustStorePassword", wrongHost.password());
            ConformanceRun.Result mismatch = run(s, new ArrayList<>());
            assertEquals(Verdict.INCONCLUSIVE, mismatch.report().verdict());
            assertTrue(mismatch.report().headline().contains("does not match the host"), mismatch.report().headline());
        }
    }

    /** A remote target that is not the reference: identifiers given, so the run goes straight to its cases. */
    private static Map<String, String> remote(URI target, Duration timeout) {
        Map<String, String> s = new HashMap<>();
        s.put("baseUrl", target.toString());
        s.put("inboxIdentifier", "inbox");
        s.put("contactIdentifier", "contact");
        s.put("tries", "20");
        s.put("seed", "20261128");
        s.put("timeout", timeout.toMillis() + "ms");
        return s;
    }

    private static ConformanceRun.Result run(Map<String, String> settings, List<Exchange> logged) {
        return Configuration.from(Settings.of(settings)).run(Progress.SILENT, (e, redactor) -> logged.add(e)).execute();
    }

    private static List<FindingGroup> findings(ConformanceRun.Result r, String checkId) {
        return r.report().checks().stream().filter(c -> c.checkId().equals(checkId)).map(CheckResult::findings)
                .flatMap(List::stream).toList();
    }

    private static Reply json(int status, String error) {
        return Reply.json(status, Json.NODES.objectNode().put("error", error));
    }

    /** The first {@code n} calls get {@code reply}; the rest are the reference's. */
    private static Variant firstCalls(int n, Supplier<Reply> reply) {
        return new Variant() {
            private int calls;

            @Override
            public synchronized Reply answer(Call call, Reply reference) {
                return ++calls <= n ? reply.get() : reference;
            }
        };
    }
}
