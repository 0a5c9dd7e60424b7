package conformance.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.exchange.HttpExchanger;
import conformance.generation.Case;
import conformance.generation.Intent;
import conformance.generation.Json;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** A run that stops early (a target that went quiet) leaves no request going behind it. */
class DispatchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void closingCutsTheRequestOnTheWireAndHandsTheExchangerBack() throws Exception {
        Operation operation = new ContractLoader().load(RunConfig.DEFAULT_SPEC).operation(Contract.CREATE_CONVERSATION);
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch secondArrived = new CountDownLatch(1);
        ExecutorService handlers = Executors.newCachedThreadPool();
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.setExecutor(handlers);
        target.createContext("/", http -> {
            http.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() == 2) {
                // the second request is held far longer than the test may take
                secondArrived.countDown();
                sleep(TIMEOUT);
            }
            http.getResponseHeaders().add("Content-Type", "application/json");
            http.sendResponseHeaders(200, 2);
            try (OutputStream out = http.getResponseBody()) {
                out.write("{}".getBytes());
            }
        });
        target.start();
        try {
            HttpExchanger exchanger = new HttpExchanger(URI.create("http://127.0.0.1:" + target.getAddress().getPort()), TIMEOUT,
                    RunConfig.DEFAULT_MAX_BODY_BYTES, OptionalDouble.empty(), Optional.empty());
            List<Case> plan = LongStream.range(0, 3).mapToObj(DispatchTest::kase).toList();
            long start = System.nanoTime();
            try (Dispatch dispatch = new Dispatch(plan, operation, exchanger, 1, TIMEOUT)) {
                assertTrue(dispatch.iterator().next().last().answered());
                assertTrue(secondArrived.await(10, TimeUnit.SECONDS), "the worker sends the next case while the first is judged");
            }
            Duration closing = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(closing.compareTo(Duration.ofSeconds(10)) < 0, "closing cut the held request: " + closing.toMillis() + " ms");
            assertTrue(exchanger.send(kase(3), operation).answered(), "the exchanger is free for what follows (shrinking)");
        } finally {
            target.stop(0);
            handlers.shutdownNow();
        }
    }

    private static Case kase(long index) {
        ObjectNode payload = Json.NODES.objectNode();
        return new Case(index, Contract.CREATE_CONVERSATION, Intent.POSITIVE, Map.of("inbox_identifier", "inbox",
                "contact_identifier", "contact"), Optional.of(payload), Json.bytes(payload), Optional.of("application/json"),
                Optional.empty(), Optional.empty(), "case " + index);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
