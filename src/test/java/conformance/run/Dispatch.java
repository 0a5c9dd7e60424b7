package conformance.run;

import conformance.contract.Operation;
import conformance.exchange.Delivery;
import conformance.exchange.HttpExchanger;
import conformance.generation.Case;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import java.util.stream.LongStream;

/**
 * Sends plans of cases with {@code workers} requests in flight and hands the deliveries back in plan order, so that
 * judging stays on one thread and reports do not depend on the number of workers. Cases are made ahead, on threads of
 * their own (as many as workers), while the workers wait for answers: a worker finds its next case made when its last
 * answer arrives, so generating adds nothing to a slow server's latency (made on the worker, it added about a tenth to
 * each request at 5 ms a request). Neither making nor sending happens on the judging thread. At most
 * {@link #SENT_AHEAD} cases per worker are sent ahead of the one being judged, and {@link #MADE_AHEAD} made: memory
 * stays flat however long the plan. The judging thread waits for
 * each delivery as {@link AnswerWait} says: spinning briefly against a fast target, parked against a slow one. The
 * workers and their exchangers (each a client and a kept-alive connection) serve every plan of a run, the plans
 * streamed one after the other through the same window: setting them up again for each operation cost more than its
 * few cases.
 * Sequences go through {@link #madeAhead} whole: what their steps draw from the seed is made ahead, and one worker
 * sends a sequence's steps in order with its own exchanger, as each step needs the answers before it.
 */
final class Dispatch implements AutoCloseable {
    /** Items given to the workers ahead of the one being judged, per worker. */
    static final int SENT_AHEAD = 2;
    /**
     * Items taken ahead of the one being judged, per worker, those given to the workers included: a case is made this
     * far ahead, so that a maker late by a case or two (the machine busy elsewhere) does not hold up its worker.
     */
    static final int MADE_AHEAD = 8;

    private final int workers;
    private final Duration timeout;
    private final ExecutorService pool;
    private final ExecutorService makers;
    private final BlockingQueue<HttpExchanger> exchangers;
    private final List<HttpExchanger> all = new ArrayList<>();

    /**
     * @param exchanger what the workers' exchangers are made like: each is a {@link HttpExchanger#sibling()} of it
     *                  (same target, limits, rate and retry budget), so that {@code exchanger} itself stays free for
     *                  whatever follows the cases (shrinking), however a worker ends; its timeout bounds how long a
     *                  request on the wire may still take when the run stops
     */
    Dispatch(HttpExchanger exchanger, int workers) {
        this.workers = workers;
        this.timeout = exchanger.timeout();
        this.pool = daemons(workers, "conformance-worker");
        this.makers = daemons(workers, "conformance-maker");
        this.exchangers = new ArrayBlockingQueue<>(workers);
        for (int i = 0; i < workers; i++) {
            all.add(exchanger.sibling());
        }
        exchangers.addAll(all);
    }

    /** The cases of one operation: {@code size} of them, case {@code i} made by {@code cases}. */
    record Plan(long size, LongFunction<Case> cases, Operation operation) {
    }

    /**
     * The deliveries of every plan's cases, one plan after the other, in plan order, case {@code i} of a plan made by
     * its {@code cases} ahead of the worker that sends it. What making a case throws (a body the generator cannot
     * make, a binding the fixtures cannot give) comes out of the iteration as it is. The plans stream through one
     * window: the next plan's first cases are made, and sent, while the last one's are judged (draining the window at
     * each of a run's twelve operations left the worker idle each time). No case of a plan is sent before every
     * request of the plans before it has been answered, so that on several workers what a plan does to the target
     * (a resolve, an update) is over when the next operation's cases see it, as it is on one.
     */
    Iterable<Delivery> send(List<Plan> plans) {
        List<CountDownLatch> answered = plans.stream().map(p -> new CountDownLatch(Math.toIntExact(p.size()))).toList();
        return madeAhead(plans.stream().mapToLong(Plan::size).sum(), i -> {
            int plan = 0;
            long at = i;
            while (at >= plans.get(plan).size()) {
                at -= plans.get(plan++).size();
            }
            return new Item(plan, plans.get(plan).cases().apply(at));
        }, (item, mine) -> {
            try {
                // every earlier plan, not only the last: an empty plan's latch is open from the start
                for (int earlier = 0; earlier < item.plan(); earlier++) {
                    await(answered.get(earlier));
                }
                return mine.deliver(item.kase(), plans.get(item.plan()).operation());
            } finally {
                answered.get(item.plan()).countDown();
            }
        });
    }

    /** A case made, and the plan it is of. */
    private record Item(int plan, Case kase) {
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while the cases of an earlier operation were still on the wire", e);
        }
    }

    /**
     * What {@code task} makes on a worker of each of {@code size} items, in their order, item {@code i} made by
     * {@code make} ahead of the worker that takes it, on a maker thread.
     */
    <T, R> Iterable<R> madeAhead(long size, LongFunction<T> make, BiFunction<T, HttpExchanger, R> task) {
        return inOrder(() -> LongStream.range(0, size).mapToObj(i -> makers.submit(() -> make.apply(i))).iterator(),
                (made, mine) -> task.apply(unchecked(made), mine));
    }

    private static ExecutorService daemons(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** What a future gives, or its unchecked exception as it is. */
    private static <R> R unchecked(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("a worker failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * What {@code task} makes of each item on a worker, with that worker's exchanger, in the items' order. A task's
     * unchecked exception is thrown here as it is (a fixture or generation failure ends the run as it would on this
     * thread).
     */
    <T, R> Iterable<R> inOrder(Iterable<T> items, BiFunction<T, HttpExchanger, R> task) {
        return () -> results(items.iterator(), task);
    }

    private <T, R> Iterator<R> results(Iterator<T> items, BiFunction<T, HttpExchanger, R> task) {
        Deque<T> made = new ArrayDeque<>();
        Deque<Future<R>> window = new ArrayDeque<>();
        AnswerWait waiting = new AnswerWait();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                fill();
                return !window.isEmpty();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long start = System.nanoTime();
                Future<R> first = window.removeFirst();
                waiting.spin(first);
                try {
                    return unchecked(first);
                } finally {
                    waiting.took(System.nanoTime() - start);
                }
            }

            private void fill() {
                while (made.size() + window.size() < MADE_AHEAD * workers && items.hasNext()) {
                    made.addLast(items.next());
                }
                while (window.size() < SENT_AHEAD * workers && !made.isEmpty()) {
                    T item = made.removeFirst();
                    window.addLast(pool.submit(() -> {
                        HttpExchanger mine = exchangers.take();
                        try {
                            return task.apply(item, mine);
                        } finally {
                            exchangers.add(mine);
                        }
                    }));
                }
            }
        };
    }

    /**
     * Stops the workers: their exchangers send nothing more (a worker waiting on the rate limit gives up), a request on
     * the wire is cut, and the call returns once the workers are done, within the timeout.
     */
    @Override
    public void close() {
        all.forEach(HttpExchanger::stop);
        makers.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.forEach(HttpExchanger::close);
    }
}
