package conformance.selftest;

import conformance.reference.Call;
import conformance.reference.Outcome;
import conformance.reference.Reply;
import conformance.reference.Variant;
import java.util.ArrayList;
import java.util.List;

/** A variant that also remembers, on the server's side, when each request arrived and what it was answered. */
final class Recorded implements Variant {
    record Arrival(long nanos, Outcome outcome, int status) {
    }

    private final Variant variant;
    private final List<Arrival> arrivals = new ArrayList<>();

    Recorded(Variant variant) {
        this.variant = variant;
    }

    @Override
    public Reply answer(Call call, Reply reference) {
        long now = System.nanoTime();
        Reply reply = variant.answer(call, reference);
        synchronized (arrivals) {
            arrivals.add(new Arrival(now, call.outcome(), reply.status()));
        }
        return reply;
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    long answered(int status) {
        return arrivals().stream().filter(a -> a.status() == status).count();
    }
}
