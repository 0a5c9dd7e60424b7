package conformance.checks;

import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.generation.BrokenRule;
import conformance.generation.Intent;

/** Requests that break a rule of the document (body, media type, query, header or path parameter) are not accepted with 2xx. */
public final class NegativeDataRejection extends MustNotAccept {
    public static final String ID = "negative_data_rejection";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected boolean concerns(Intent intent) {
        return intent == Intent.NEGATIVE;
    }

    @Override
    protected String why(Exchange e) {
        return "a request that breaks " + e.kase().brokenRule().map(BrokenRule::name).orElse("the request schema");
    }

    @Override
    public Skip skip(Operation operation) {
        return operation.breakable() ? skip() : Skip.notApplicable("the document gives " + operation.id()
                + " no body, no query or header parameter and no integer path parameter: no rule to break");
    }
}
