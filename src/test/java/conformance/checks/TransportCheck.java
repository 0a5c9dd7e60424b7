package conformance.checks;

import conformance.exchange.Exchange;
import java.util.ArrayList;
import java.util.List;

/** The target answered at all: with complete, bounded HTTP responses. */
public final class TransportCheck implements Check {
    public static final String ID = "transport";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return true;
    }

    @Override
    public List<Finding> judge(Exchange e) {
        List<Finding> out = new ArrayList<>();
        e.failure().ifPresent(f -> out.add(Finding.of(this, e, f.kind().name().toLowerCase().replace('_', ' ') + ": " + f.message())));
        e.response().filter(r -> r.truncated()).ifPresent(r -> out.add(Finding.of(this, e,
                "the body exceeds the size cap and was cut at " + r.body().length + " bytes")));
        return out;
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }
}
