package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.List;

/** An unknown contact or inbox identifier is not accepted (the documented answer is 401 with bad_request_error). */
public final class UnknownIdentifierRejection implements Check {
    public static final String ID = "unknown_identifier_rejection";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        Intent intent = e.kase().intent();
        return e.answered() && (intent == Intent.UNKNOWN_CONTACT || intent == Intent.UNKNOWN_INBOX);
    }

    @Override
    public List<Finding> judge(Exchange e) {
        return e.status() / 100 != 2 ? List.of()
                : List.of(Finding.of(this, e, "accepted with " + e.status() + ": " + e.kase().label()));
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }
}
