package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.BrokenRule;
import conformance.generation.Intent;
import java.util.List;

/** Payloads that break the request schema or its media type are not accepted with 2xx. */
public final class NegativeDataRejection implements Check {
    public static final String ID = "negative_data_rejection";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return e.answered() && e.kase().intent() == Intent.NEGATIVE;
    }

    @Override
    public List<Finding> judge(Exchange e) {
        return e.status() / 100 != 2 ? List.of()
                : List.of(Finding.of(this, e, "accepted with " + e.status() + " a request that breaks "
                        + e.kase().brokenRule().map(BrokenRule::name).orElse("the request schema")));
    }
}
