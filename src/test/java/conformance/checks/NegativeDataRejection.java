package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.BrokenRule;
import conformance.generation.Intent;

/** Payloads that break the request schema or its media type are not accepted with 2xx. */
public final class NegativeDataRejection extends MustNotAccept {
    public static final String ID = "negative_data_rejection";

    @Override
    public String id() {
        return ID;
    }

    @Override
    boolean concerns(Intent intent) {
        return intent == Intent.NEGATIVE;
    }

    @Override
    String why(Exchange e) {
        return "a request that breaks " + e.kase().brokenRule().map(BrokenRule::name).orElse("the request schema");
    }
}
