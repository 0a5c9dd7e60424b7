package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.Intent;

/** An unknown contact or inbox identifier is not accepted (the documented answer is 401 with bad_request_error). */
public final class UnknownIdentifierRejection extends MustNotAccept {
    public static final String ID = "unknown_identifier_rejection";

    @Override
    public String id() {
        return ID;
    }

    @Override
    boolean concerns(Intent intent) {
        return intent == Intent.UNKNOWN_CONTACT || intent == Intent.UNKNOWN_INBOX;
    }

    @Override
    String why(Exchange e) {
        return e.kase().label();
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }
}
