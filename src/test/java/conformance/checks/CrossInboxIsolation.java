package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.Intent;

/** A contact of one inbox is not accepted on another inbox. */
public final class CrossInboxIsolation extends MustNotAccept {
    public static final String ID = "cross_inbox_isolation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    boolean concerns(Intent intent) {
        return intent == Intent.FOREIGN_CONTACT;
    }

    @Override
    String why(Exchange e) {
        return e.kase().label();
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }

    @Override
    public Skip skip() {
        return Skip.notRun("no second inbox: set conformance.otherInboxIdentifier (CONFORMANCE_OTHER_INBOX_IDENTIFIER)");
    }
}
