package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.Catalog;
import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.TransportCheck;
import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.exchange.Delivery;
import conformance.exchange.Exchange;
import conformance.exchange.HttpExchanger;
import conformance.generation.Case;
import conformance.generation.CaseKind;
import conformance.generation.Parameters;
import conformance.generation.Intent;
import conformance.generation.Json;
import conformance.selftest.faults.RawFaults;
import conformance.selftest.faults.RawHttpServer;
import conformance.selftest.faults.WireMockFaults;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each hostile or broken target, one exchange at a time: the right check's finding with a clear message, within a
 * bound that follows from the timeout (timeout × attempts × 2, plus slack for a loaded machine), and a client that
 * stays usable afterwards (every fault is met twice by the same exchanger).
 */
class HostileTargetTest {
    /** For the targets that are meant to time out: short, so the test is (they never answer in time, however loaded the machine). */
    static final Duration TIMEOUT = Duration.ofMillis(250);
    /** For the others: long enough that a loaded machine never turns their fault into a timeout. */
    static final Duration PATIENT = Duration.ofSeconds(5);
    static final Duration SLACK = Duration.ofSeconds(3);
    static final int CAP = RunConfig.DEFAULT_MAX_BODY_BYTES;
    static final long HUGE_BYTES = 50L << 20;

    private static WireMockFaults wireMock;
    private static RawHttpServer resetMidBody;
    private static RawHttpServer huge;
    private static RawHttpServer elsewhere;
    private static final AtomicInteger elsewhereRequests = new AtomicInteger();
    private static Operation operation;
    private static Case kase;

    record Fault(String name, Supplier<URI> target, Duration timeout, String checkId, String fragment) {
        @Override
        public String toString() {
            return name + " → " + checkId + " '" + fragment + "'";
        }
    }

    @BeforeAll
    static void start() {
        wireMock = new WireMockFaults(TIMEOUT.multipliedBy(5));
        resetMidBody = new RawHttpServer(RawFaults.resetDuringBody());
        huge = new RawHttpServer(RawFaults.hugeBody(HUGE_BYTES));
        elsewhere = new RawHttpServer((request, socket) -> elsewhereRequests.incrementAndGet());
        operation = new ContractLoader().load(RunConfig.DEFAULT_SPEC).operation(Contract.CREATE_CONVERSATION);
        ObjectNode payload = Json.NODES.objectNode();
        kase = Case.of(0, operation.id(), CaseKind.POSITIVE, Parameters.path(Map.of("inbox_identifier", "inbox",
                "contact_identifier", "contact")), Optional.of(payload), Map.of(), "an empty conversation");
        wireMock.redirect("redirect-away", "http://localhost:" + elsewhere.baseUrl().getPort() + "/collect");
        wireMock.redirect("redirect-loop", "/redirect-loop" + operation.path(kase.pathParameters()));
        // the first request of a JVM loads REST Assured's Groovy: not the target's time
        exchanger(wireMock.http("html-as-json"), Duration.ofSeconds(60)).send(kase, operation);
    }

    @AfterAll
    static void stop() {
        wireMock.close();
        resetMidBody.close();
        huge.close();
        elsewhere.close();
    }

    static Stream<Fault> faults() {
        return Stream.of(
                new Fault("connection refused", HostileTargetTest::closedPort, PATIENT, TransportCheck.ID, "connection refused"),
                new Fault("reset before the body", () -> wireMock.http("reset"), PATIENT, TransportCheck.ID, "connection reset"),
                new Fault("reset during the body", () -> resetMidBody.baseUrl(), PATIENT, TransportCheck.ID, "connection reset"),
                new Fault("closed without an answer", () -> wireMock.http("empty-response"), PATIENT, TransportCheck.ID, "connection reset"),
                new Fault("headers never come", () -> wireMock.http("silent"), TIMEOUT, TransportCheck.ID, "timeout: no complete answer within " + TIMEOUT.toMillis() + " ms"),
                new Fault("a body dripped a byte a second", () -> wireMock.http("drip"), TIMEOUT, TransportCheck.ID, "timeout: no complete answer within " + TIMEOUT.toMillis() + " ms"),
                new Fault("a 50 MB body", () -> huge.baseUrl(), PATIENT, TransportCheck.ID, "cut at " + CAP + " bytes"),
                new Fault("a gzip bomb (100 MB inflated)", () -> wireMock.http("gzip-bomb"), PATIENT, TransportCheck.ID, "cut at " + CAP + " bytes"),
                new Fault("malformed chunked encoding", () -> wireMock.http("malformed-chunks"), PATIENT, TransportCheck.ID, "malformed chunked encoding"),
                new Fault("garbage instead of HTTP", () -> wireMock.http("garbage"), PATIENT, TransportCheck.ID, "malformed http"),
                new Fault("a self-signed certificate", () -> wireMock.https("tls"), PATIENT, TransportCheck.ID, "certificate is not trusted"),
                new Fault("invalid UTF-8 in a JSON body", () -> wireMock.http("invalid-utf8"), PATIENT, ResponseSchemaConformance.ID, "not JSON"),
                new Fault("HTML sent as application/json", () -> wireMock.http("html-as-json"), PATIENT, ResponseSchemaConformance.ID, "not JSON"),
                new Fault("an empty 200", () -> wireMock.http("empty-200"), PATIENT, ResponseSchemaConformance.ID, "the body is empty"),
                new Fault("a redirect loop", () -> wireMock.http("redirect-loop"), PATIENT, TransportCheck.ID, "a redirect loop"),
                new Fault("a redirect to another host", () -> wireMock.http("redirect-away"), PATIENT, TransportCheck.ID, "to another host, http://localhost:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void eachFaultEndsInTheRightFindingWithinItsBound(Fault fault) {
        HttpExchanger exchanger = exchanger(fault.target().get(), fault.timeout());
        for (int time = 1; time <= 2; time++) {
            long start = System.nanoTime();
            Delivery d = exchanger.deliver(kase, operation);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            List<Finding> findings = judge(d.last());
            assertTrue(findings.stream().anyMatch(f -> f.checkId().equals(fault.checkId()) && f.message().contains(fault.fragment())),
                    "meeting " + fault.name() + " (" + time + "): " + findings.stream().map(f -> f.checkId() + ": " + f.message()).toList());
            Duration bound = fault.timeout().multipliedBy(2L * d.attempts().size()).plus(SLACK);
            assertTrue(took.compareTo(bound) <= 0, fault.name() + " took " + took.toMillis() + " ms, bound " + bound.toMillis() + " ms");
        }
    }

    @Test
    void aRedirectToAnotherHostIsNeverFollowed() {
        exchanger(wireMock.http("redirect-away"), PATIENT).deliver(kase, operation);
        assertEquals(0, elsewhereRequests.get());
    }

    @Test
    void aTargetThatKeepsThrottlingIsHonouredUpToTheBoundThenReported() {
        long start = System.nanoTime();
        Delivery d = exchanger(wireMock.http("throttled"), PATIENT).deliver(kase, operation);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // Retry-After: 1, so three retries wait three seconds at least
        assertEquals(4, d.attempts().size(), "one send and three retries");
        assertTrue(took.compareTo(Duration.ofSeconds(3)) >= 0, "Retry-After honoured: " + took.toMillis() + " ms");
        assertTrue(took.compareTo(Duration.ofSeconds(3).plus(PATIENT.multipliedBy(8)).plus(SLACK)) <= 0, took.toMillis() + " ms");
        assertFalse(d.counts(d.attempts().get(0)), "an honoured 429 is flow control, not the case's answer");
        assertTrue(d.counts(d.last()));
        assertTrue(judge(d.last()).stream().anyMatch(f -> f.checkId().equals(TransportCheck.ID) && f.message().startsWith("throttled: 429")),
                judge(d.last()).toString());
    }

    /** The stale check is off for speed: a connection idle for a while is not trusted, so a target's idle close is no fault. */
    @Test
    void aConnectionIdleForASecondIsNotUsedAgain() throws InterruptedException {
        try (RawHttpServer closing = new RawHttpServer(RawFaults.answerThenClose())) {
            HttpExchanger exchanger = exchanger(closing.baseUrl(), PATIENT);
            assertTrue(exchanger.send(kase, operation).answered());
            Thread.sleep(1200);
            Exchange again = exchanger.send(kase, operation);
            assertTrue(again.answered(), "after a second idle the suite connects anew: " + again.failure());
        }
    }

    /** Sooner than that, a target closing a kept-alive connection unannounced is reported, and the report says so. */
    @Test
    void aKeptAliveConnectionClosedWithoutNoticeIsReportedAsSuch() {
        try (RawHttpServer closing = new RawHttpServer(RawFaults.answerThenClose())) {
            HttpExchanger exchanger = exchanger(closing.baseUrl(), PATIENT);
            assertTrue(exchanger.send(kase, operation).answered());
            List<Finding> findings = judge(exchanger.send(kase, operation));
            assertTrue(findings.stream().anyMatch(f -> f.checkId().equals(TransportCheck.ID) && f.message().contains(
                    "on a kept-alive connection that had carried 1 earlier request and had been idle")),
                    findings.toString());
            assertTrue(exchanger.send(kase, operation).answered(), "the next request goes out on a new connection");
        }
    }

    /** A kept-alive connection that broke before the request was all written: sent once more, on a new connection. */
    @Test
    void aRequestNotYetSentOnADeadKeptAliveConnectionGoesOutOnANewOne() {
        try (RawHttpServer closing = new RawHttpServer(RawFaults.answerThenClose())) {
            HttpExchanger exchanger = exchanger(closing.baseUrl(), PATIENT);
            assertTrue(exchanger.send(kase, operation).answered());
            // far more than the socket buffers take: the target's reset stops the writing midway
            ObjectNode big = Json.NODES.objectNode().put("padding", " ".repeat(32 << 20));
            Exchange e = exchanger.send(kase.withPayload(big), operation);
            assertTrue(e.answered(), "sent again on a new connection: " + e.failure());
        }
    }

    /** A target that resets the connection while the body is on its way: one connection, no resend by the client. */
    @Test
    void aRequestTheTargetDroppedIsNotSentAgainBehindTheSuitesBack() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket client = server.accept()) {
                        connections.incrementAndGet();
                        client.getInputStream().read(new byte[1024]);
                        client.setSoLinger(true, 0);
                    } catch (IOException e) {
                        // the test is over, or the client went away: either way the next connection is counted alike
                    }
                }
            }, "dropping-target");
            acceptor.setDaemon(true);
            acceptor.start();
            ObjectNode payload = Json.NODES.objectNode().put("padding", " ".repeat(4 << 20));
            Exchange e = exchanger(URI.create("http://127.0.0.1:" + server.getLocalPort()), PATIENT).send(kase.withPayload(payload), operation);
            assertFalse(e.answered());
            assertEquals(1, connections.get(), "the client resent the request on connections of its own: " + e.failure());
        }
    }

    static HttpExchanger exchanger(URI target, Duration timeout) {
        return new HttpExchanger(target, timeout, CAP, OptionalDouble.empty(), Optional.empty());
    }

    /** The run's judging, on one exchange: every check of the catalog that speaks about it. */
    static List<Finding> judge(Exchange e) {
        List<Finding> out = new ArrayList<>();
        for (Check check : Catalog.create(conformance.config.Profile.SPEC)) {
            if (check.appliesTo(e)) {
                out.addAll(check.judge(e));
            }
        }
        return out;
    }

    static URI closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
