package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.List;

/** A contact of one inbox is not accepted on another inbox. */
public final class CrossInboxIsolation implements Check {
    public static final String ID = "cross_inbox_isolation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return e.answered() && e.kase().intent() == Intent.FOREIGN_CONTACT;
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

    @Override
    public String skipReason() {
        return "needs a second API inbox: set conformance.otherInboxIdentifier (CONFORMANCE_OTHER_INBOX_IDENTIFIER)";
    }
}
