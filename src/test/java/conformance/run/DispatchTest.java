package conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.exchange.Delivery;
import conformance.exchange.HttpExchanger;
import conformance.fixtures.FixtureFailure;
import conformance.generation.Case;
import conformance.generation.CaseKind;
import conformance.generation.GenerationException;
import conformance.generation.Parameters;
import conformance.generation.Json;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run that stops early (a target gone quiet) sends nothing more and leaves no request going behind it; the cases are
 * made off the judging thread, the next one while the last is on the wire, and results come back in plan order,
 * whichever worker is done first.
 */
class DispatchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Operation OPERATION = new ContractLoader().load(RunConfig.DEFAULT_SPEC).operation(Contract.CREATE_CONVERSATION);

    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch secondArrived = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer target;

    /** Answers at once, except that with {@code holdSecond} the second request is held far longer than a test takes. */
    private URI start(boolean holdSecond) throws Exception {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.setExecutor(handlers);
        target.createContext("/", http -> {
            http.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() == 2) {
                secondArrived.countDown();
                if (holdSecond) {
                    sleep(TIMEOUT);
                }
            }
            http.getResponseHeaders().add("Content-Type", "application/json");
            http.sendResponseHeaders(200, 2);
            try (OutputStream out = http.getResponseBody()) {
                out.write("{}".getBytes());
            }
        });
        target.start();
        return URI.create("http://127.0.0.1:" + target.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (target != null) {
            target.stop(0);
        }
        handlers.shutdownNow();
    }

    @Test
    void resultsComeBackInTheItemsOrderWhicheverWorkerFinishesFirst() throws Exception {
        List<Integer> items = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch secondDone = new CountDownLatch(1);
        List<Integer> got = new ArrayList<>();
        try (Dispatch dispatch = new Dispatch(exchanger(URI.create("http://127.0.0.1:9"), OptionalDouble.empty()), 4)) {
            // the first item ends only once the second has: a worker finishes before the one ahead of it
            dispatch.inOrder(items, (i, mine) -> {
                if (i == 0 && !await(secondDone)) {
                    return -1;
                }
                finished.add(i);
                if (i == 1) {
                    secondDone.countDown();
                }
                return i;
            }).forEach(got::add);
        }
        assertEquals(items, got);
        // the other workers' items may finish at any time; only the first two items' order is made
        assertTrue(finished.indexOf(1) < finished.indexOf(0), "the second item finished before the first: " + finished);
    }

    @Test
    void aTasksUncheckedExceptionIsThrownAsItIs() {
        FixtureFailure failure = new FixtureFailure("the target refused the contact");
        try (Dispatch dispatch = new Dispatch(exchanger(URI.create("http://127.0.0.1:9"), OptionalDouble.empty()), 2)) {
            Iterator<Integer> results = dispatch.<Integer, Integer>inOrder(List.of(1), (i, mine) -> {
                throw failure;
            }).iterator();
            assertSame(failure, assertThrows(FixtureFailure.class, results::next));
        }
    }

    private static boolean await(CountDownLatch latch) {
        return await(latch, Duration.ofSeconds(30));
    }

    private static boolean await(CountDownLatch latch, Duration limit) {
        try {
            return latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void closingCutsTheRequestOnTheWire() throws Exception {
        HttpExchanger exchanger = exchanger(start(true), OptionalDouble.empty());
        long start = System.nanoTime();
        try (Dispatch dispatch = new Dispatch(exchanger, 1)) {
            assertTrue(dispatch.send(plan(3, DispatchTest::kase)).iterator().next().last().answered());
            assertTrue(secondArrived.await(10, TimeUnit.SECONDS), "the worker sends the next case while the first is judged");
        }
        Duration closing = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(closing.compareTo(Duration.ofSeconds(10)) < 0, "closing cut the held request: " + closing.toMillis() + " ms");
    }

    @Test
    void aWorkerWaitingOnTheRateLimitSendsNothingOnceClosed() throws Exception {
        // one request every 5 s: the worker waits for its slot when the run stops
        HttpExchanger exchanger = exchanger(start(false), OptionalDouble.of(0.2));
        Dispatch dispatch = new Dispatch(exchanger, 1);
        assertTrue(dispatch.send(plan(3, DispatchTest::kase)).iterator().next().last().answered());
        long closed = System.nanoTime();
        dispatch.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - closed);
        // only closing is timed: a first request on a loaded machine may be slow, which says nothing about closing
        assertTrue(closing.compareTo(Duration.ofSeconds(3)) < 0, "closing did not wait for the slot: " + closing.toMillis() + " ms");
        Thread.sleep(Math.max(0, 5500 - closing.toMillis()));
        assertEquals(1, requests.get(), "the case waiting for its slot was not sent after the run stopped");
    }

    @Test
    void casesAreMadeOffTheJudgingThreadAndTheDeliveriesComeBackInPlanOrder() throws Exception {
        HttpExchanger exchanger = exchanger(start(false), OptionalDouble.empty());
        Set<Thread> makers = ConcurrentHashMap.newKeySet();
        List<Long> delivered = new ArrayList<>();
        try (Dispatch dispatch = new Dispatch(exchanger, 2)) {
            for (Delivery d : dispatch.send(plan(6, i -> {
                makers.add(Thread.currentThread());
                return kase(i);
            }))) {
                delivered.add(d.last().kase().index());
            }
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), delivered);
        assertFalse(makers.contains(Thread.currentThread()), "the judging thread made no case: " + makers);
    }

    @Test
    void theNextCaseIsMadeWhileTheLastIsOnTheWire() throws Exception {
        CountDownLatch secondMade = new CountDownLatch(1);
        AtomicBoolean madeMeanwhile = new AtomicBoolean();
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.setExecutor(handlers);
        target.createContext("/", http -> {
            http.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() == 1) {
                // the first answer waits until the second case is made: made only after it, it would never be
                madeMeanwhile.set(await(secondMade, Duration.ofSeconds(5)));
            }
            http.sendResponseHeaders(204, -1);
            http.close();
        });
        target.start();
        HttpExchanger exchanger = exchanger(URI.create("http://127.0.0.1:" + target.getAddress().getPort()), OptionalDouble.empty());
        try (Dispatch dispatch = new Dispatch(exchanger, 1)) {
            dispatch.send(plan(2, i -> {
                if (i == 1) {
                    secondMade.countDown();
                }
                return kase(i);
            })).forEach(d -> assertTrue(d.last().answered()));
        }
        assertTrue(madeMeanwhile.get(), "on one worker the second case was made while the first was on the wire");
    }

    @Test
    void theNextOperationsFirstCaseIsSentWhileTheLastOnesIsStillBeingJudged() throws Exception {
        HttpExchanger exchanger = exchanger(start(false), OptionalDouble.empty());
        List<Long> delivered = new ArrayList<>();
        try (Dispatch dispatch = new Dispatch(exchanger, 1)) {
            Iterator<Delivery> deliveries = dispatch.send(List.of(new Dispatch.Plan(1, DispatchTest::kase, OPERATION),
                    new Dispatch.Plan(0, DispatchTest::kase, OPERATION), new Dispatch.Plan(2, i -> kase(10 + i), OPERATION))).iterator();
            delivered.add(deliveries.next().last().kase().index());
            // the first operation's only delivery is in hand, not yet judged: the next operation's first case goes meanwhile
            assertTrue(secondArrived.await(5, TimeUnit.SECONDS), "the next operation's first case waited for the last one to be judged");
            deliveries.forEachRemaining(d -> delivered.add(d.last().kase().index()));
        }
        assertEquals(List.of(0L, 10L, 11L), delivered, "every plan's cases, in the plans' order, an empty one passed");
    }

    @Test
    void onSeveralWorkersNoCaseOfAnOperationIsSentBeforeTheLastOnesAreAnswered() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.setExecutor(handlers);
        target.createContext("/", http -> {
            http.getRequestBody().readAllBytes();
            int n = requests.incrementAndGet();
            events.add("arrived " + n);
            // the first operation's two cases, one on each worker, are answered after 50 and 600 ms
            sleep(Duration.ofMillis(n == 1 ? 50 : n == 2 ? 600 : 0));
            events.add("answered " + n);
            http.sendResponseHeaders(204, -1);
            http.close();
        });
        target.start();
        HttpExchanger exchanger = exchanger(URI.create("http://127.0.0.1:" + target.getAddress().getPort()), OptionalDouble.empty());
        try (Dispatch dispatch = new Dispatch(exchanger, 2)) {
            dispatch.send(List.of(new Dispatch.Plan(2, DispatchTest::kase, OPERATION), new Dispatch.Plan(1, DispatchTest::kase, OPERATION)))
                    .forEach(d -> assertTrue(d.last().answered()));
        }
        assertEquals(3, requests.get());
        assertTrue(events.indexOf("arrived 3") > events.indexOf("answered 1") && events.indexOf("arrived 3") > events.indexOf("answered 2"),
                "the second operation's case was sent before both of the first's were answered: " + events);
    }

    @Test
    void whatASequenceDrawsIsMadeOnAMakerAndSentOnAWorkerInItsOrder() {
        try (Dispatch dispatch = new Dispatch(exchanger(URI.create("http://127.0.0.1:9"), OptionalDouble.empty()), 2)) {
            List<String> done = new ArrayList<>();
            dispatch.madeAhead(5, i -> i + " made on " + Thread.currentThread().getName(),
                    (made, mine) -> made + ", sent on " + Thread.currentThread().getName()).forEach(done::add);
            assertEquals(List.of(0, 1, 2, 3, 4).stream().map(i -> i + " made on conformance-maker, sent on conformance-worker").toList(), done);
        }
    }

    @Test
    void aCaseThatCannotBeMadeStopsTheIterationWithItsOwnException() throws Exception {
        HttpExchanger exchanger = exchanger(start(false), OptionalDouble.empty());
        try (Dispatch dispatch = new Dispatch(exchanger, 1)) {
            Iterator<Delivery> deliveries = dispatch.send(plan(3, i -> {
                if (i == 1) {
                    throw new GenerationException("no body the schema accepts");
                }
                return kase(i);
            })).iterator();
            assertTrue(deliveries.next().last().answered());
            GenerationException e = assertThrows(GenerationException.class, deliveries::next);
            assertEquals("no body the schema accepts", e.getMessage());
        }
    }

    /** One plan of {@code size} cases of the test's operation. */
    private static List<Dispatch.Plan> plan(long size, LongFunction<Case> cases) {
        return List.of(new Dispatch.Plan(size, cases, OPERATION));
    }

    private static HttpExchanger exchanger(URI target, OptionalDouble rateLimit) {
        return new HttpExchanger(target, TIMEOUT, RunConfig.DEFAULT_MAX_BODY_BYTES, rateLimit, Optional.empty());
    }

    private static Case kase(long index) {
        ObjectNode payload = Json.NODES.objectNode();
        return Case.of(index, Contract.CREATE_CONVERSATION, CaseKind.POSITIVE, Parameters.path(Map.of("inbox_identifier", "inbox",
                "contact_identifier", "contact")), Optional.of(payload), Map.of(), "case " + index);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
