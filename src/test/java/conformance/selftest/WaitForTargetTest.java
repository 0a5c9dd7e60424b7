package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import conformance.Launch;
import conformance.config.Settings;
import conformance.exchange.HttpExchanger;
import conformance.generation.Json;
import conformance.reference.Dialect;
import conformance.reference.ReferenceTarget;
import conformance.reference.Reply;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.verdict.Verdict;
import conformance.verdict.Waited;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code conformance.waitFor} against loopback targets that come up late or never: the run waits, says how long, and
 * sends no case before the target is up; a target that never comes up ends INCONCLUSIVE in time, having sent none.
 */
class WaitForTargetTest {
    private static final Path REPORTS = Path.of("target", "selftest-waitfor");

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Consumer<String> onConsole = line -> { };
    private Path reports;

    /**
     * The first request of a JVM sets REST Assured up, seconds on a loaded machine: done once here, so that what the
     * tests time is the wait, not the client's start.
     */
    @BeforeAll
    static void warmUpTheHttpClient() {
        try (ReferenceTarget target = ReferenceTarget.start();
             HttpExchanger exchanger = new HttpExchanger(target.baseUrl(), Duration.ofSeconds(30), 1 << 20, OptionalDouble.empty(),
                     Optional.empty())) {
            assertTrue(exchanger.get(target.baseUrl() + "/").response().isPresent());
        }
    }

    private ConformanceRun.Result launch(Map<String, String> settings, TestInfo test) {
        reports = REPORTS.resolve(test.getTestMethod().orElseThrow().getName());
        Map<String, String> s = new HashMap<>(settings);
        s.put("reports", reports.toString());
        s.put("tries", "5");
        OutputStream watched = new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                console.write(b, off, len);
                onConsole.accept(new String(b, off, len, StandardCharsets.UTF_8));
            }
        };
        Launch.Outcome outcome = Launch.run(Settings.of(s), new PrintStream(watched, true, StandardCharsets.UTF_8));
        return outcome.result().orElseThrow(() -> new AssertionError("the run stopped: " + outcome.stopReason()));
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static Duration waited(ConformanceRun.Result r) {
        return r.report().waited().map(Waited::waited).orElseThrow(() -> new AssertionError("the run did not wait"));
    }

    @Test
    void aTargetAnswering503ForThreeSecondsIsWaitedForThenJudgedWithoutACaseSeeingThe503(TestInfo test) throws Exception {
        AtomicLong firstRequest = new AtomicLong();
        Set<String> pathsWhileDown = ConcurrentHashMap.newKeySet();
        Variant startingUp = (call, reply) -> {
            long now = System.nanoTime();
            firstRequest.compareAndSet(0, now);
            if (now - firstRequest.get() < Duration.ofSeconds(3).toNanos()) {
                pathsWhileDown.add(call.method() + " " + call.path());
                return Reply.raw(503, "text/plain", "starting up");
            }
            return reply;
        };
        try (ReferenceTarget target = ReferenceTarget.start(startingUp)) {
            Map<String, String> s = Targets.settingsFor(target);
            s.put("waitFor", "10s");
            ConformanceRun.Result r = launch(s, test);
            assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
            Duration waited = waited(r);
            // the backoff adds at most 2 s, a loaded machine a little more
            assertTrue(waited.compareTo(Duration.ofSeconds(3)) >= 0 && waited.compareTo(Duration.ofSeconds(7)) <= 0,
                    "waited about 3 s: " + waited);
            assertEquals(Set.of("GET /"), pathsWhileDown, "only the base URL is asked while the target is down");
            assertTrue(console().contains("[conformance] the target is up: waited " + Waited.seconds(waited)), console());
            String certificate = Files.readString(reports.resolve("certificate.md"));
            assertTrue(certificate.contains("| Waited for the target | " + r.report().waited().orElseThrow().describe() + " |"), certificate);
            assertEquals(waited.toMillis(), Json.MAPPER.readTree(reports.resolve("conformance-summary.json").toFile())
                    .get("waitedForTarget").get("waitedMs").asLong());
        }
    }

    @Test
    void aTargetThatNeverComesUpEndsInconclusiveWithinTheDeadlineAndNoCaseIsSent(TestInfo test) {
        Set<String> asked = ConcurrentHashMap.newKeySet();
        Variant neverUp = (call, reply) -> {
            asked.add(call.method() + " " + call.path());
            return Reply.raw(502, "text/html", "<h1>Bad Gateway</h1>");
        };
        try (ReferenceTarget target = ReferenceTarget.start(neverUp)) {
            Map<String, String> s = Targets.settingsFor(target);
            s.put("waitFor", "3s");
            ConformanceRun.Result r = launch(s, test);
            assertEquals(Verdict.INCONCLUSIVE, r.report().verdict());
            String reason = r.report().inconclusiveReason().orElseThrow();
            assertTrue(reason.contains("did not come up within 3s") && reason.contains("HTTP 502"), reason);
            assertTrue(waited(r).compareTo(Duration.ofMillis(4500)) < 0, "stopped at the deadline: " + waited(r));
            assertEquals(0, r.report().requests(), "no case was sent");
            assertEquals(Set.of("GET /"), asked);
            assertTrue(console().contains("INCONCLUSIVE") && console().contains("did not come up within 3s"), console());
        }
    }

    @Test
    void aQuestionTheTargetNeverAnswersEndsAtTheRequestTimeoutAndTheWaitWithIt(TestInfo test) throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        HttpServer hanging = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        ExecutorService handlers = Executors.newCachedThreadPool();
        hanging.setExecutor(handlers);
        hanging.createContext("/", http -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            http.close();
        });
        hanging.start();
        try {
            ConformanceRun.Result r = launch(Map.of("baseUrl", "http://127.0.0.1:" + hanging.getAddress().getPort(),
                    "inboxIdentifier", "inbox", "waitFor", "1500ms", "timeout", "2s"), test);
            assertEquals(Verdict.INCONCLUSIVE, r.report().verdict());
            String reason = r.report().inconclusiveReason().orElseThrow();
            assertTrue(reason.contains("did not come up within 1500ms") && reason.contains("no complete answer within 2000 ms"), reason);
            assertTrue(waited(r).compareTo(Duration.ofSeconds(5)) < 0, "the deadline and one timeout, with room for a loaded machine: "
                    + waited(r));
            assertEquals(0, r.report().requests(), "no case was sent");
        } finally {
            released.countDown();
            hanging.stop(0);
            handlers.shutdownNow();
        }
    }

    @Test
    void aRefusedPortThatOpensLaterIsWaitedFor(TestInfo test) throws Exception {
        Map<String, String> s;
        int port;
        // the reference target's inboxes are the same in every instance: learn them, then free the port
        try (ReferenceTarget first = ReferenceTarget.start()) {
            s = Targets.settingsFor(first);
            port = first.baseUrl().getPort();
        }
        s.put("waitFor", "10s");
        AtomicReference<ReferenceTarget> late = new AtomicReference<>();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        // the port opens 1.5 s after the wait began: the first questions are refused
        onConsole = line -> {
            if (line.contains("waiting up to 10s for")) {
                later.schedule(() -> late.set(ReferenceTarget.start(Dialect.DOCUMENT, Variant.CONFORMING, port)), 1500, TimeUnit.MILLISECONDS);
            }
        };
        try {
            ConformanceRun.Result r = launch(s, test);
            assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
            assertTrue(waited(r).compareTo(Duration.ofMillis(1500)) >= 0, "waited for the port to open: " + waited(r));
            assertTrue(r.report().requests() > 0);
        } finally {
            later.shutdown();
            assertTrue(later.awaitTermination(10, TimeUnit.SECONDS));
            if (late.get() != null) {
                late.get().close();
            }
        }
    }
}
