package conformance.checks;

import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.exchange.Exchange;
import conformance.generation.Intent;

/** A path parameter with a value the target never issued is not accepted, on every operation. */
public final class UnknownIdentifierRejection extends MustNotAccept {
    public static final String ID = "unknown_identifier_rejection";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected boolean concerns(Intent intent) {
        return intent == Intent.UNKNOWN_IDENTIFIER;
    }

    @Override
    protected String why(Exchange e) {
        return e.kase().label();
    }

    @Override
    public Skip skip(Operation operation) {
        return operation.parameters(Parameter.Location.PATH).isEmpty()
                ? Skip.notApplicable(operation.id() + " has no path parameter") : skip();
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }
}
