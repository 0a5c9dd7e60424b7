package conformance.run;

import conformance.exchange.Delivery;
import conformance.exchange.HttpExchanger;
import conformance.generation.CasePlan;
import conformance.verdict.Tally;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Sends the plans of a run, one operation after the other (each operation's fixtures are ready before its first
 * case), judging every answer in plan order, and stops early when the target is down.
 */
final class Sending {
    /** A target that answers none of this many requests in a row is down: the run stops instead of waiting out every case. */
    static final int GIVE_UP_AFTER = 10;

    private final HttpExchanger exchanger;
    private final Judging judging;
    private final Tally tally;
    private final Progress progress;
    private final int workers;
    private Runnable afterEachCase = () -> { };
    private volatile long sent;
    private volatile long total;

    Sending(HttpExchanger exchanger, Judging judging, Tally tally, Progress progress, int workers) {
        this.exchanger = exchanger;
        this.judging = judging;
        this.tally = tally;
        this.progress = progress;
        this.workers = workers;
    }

    void onCase(Runnable r) {
        this.afterEachCase = r;
    }

    /** Where the run is, for a report made before it ends. */
    String where() {
        return total == 0 ? "while setting up" : "after " + sent + " of " + total + " cases";
    }

    /** Says which operation's cases are judged from now on; how many there are. */
    private long announce(CasePlan plan) {
        progress.stage("sending " + plan.size() + " cases to " + plan.operation().id());
        return plan.size();
    }

    /** Sends every plan; why the run cannot be judged, when the target stopped answering. */
    Optional<String> send(List<CasePlan> plans) {
        total = plans.stream().mapToLong(CasePlan::size).sum();
        long answeredBefore = judging.answered();
        int unansweredInARow = 0;
        Iterator<CasePlan> unannounced = plans.iterator();
        long firstOfNext = 0;
        try (Dispatch dispatch = new Dispatch(exchanger, workers)) {
            for (Delivery delivery : dispatch.send(plans.stream().map(p -> new Dispatch.Plan(p.size(), p::get, p.operation())).toList())) {
                // each operation is announced as its first case is judged, empty ones as they are passed
                while (sent == firstOfNext && unannounced.hasNext()) {
                    firstOfNext += announce(unannounced.next());
                }
                long before = judging.answered();
                judging.take(delivery);
                progress.advanced(++sent, total, tally::distinct);
                afterEachCase.run();
                unansweredInARow = judging.answered() > before ? 0 : unansweredInARow + 1;
                if (unansweredInARow == GIVE_UP_AFTER && sent < total) {
                    return Optional.of("the target answered none of " + GIVE_UP_AFTER + " requests in a row; "
                            + "the run stopped after " + sent + " of " + total + " cases");
                }
            }
        }
        unannounced.forEachRemaining(this::announce);
        return judging.answered() == answeredBefore
                ? Optional.of("the target answered none of the " + total + " requests") : Optional.empty();
    }
}
