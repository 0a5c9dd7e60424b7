package conformance.chatwoot;

import conformance.checks.MustNotAccept;
import conformance.checks.Skip;
import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.exchange.Exchange;
import conformance.generation.Intent;

/** A contact of one inbox is not accepted on another inbox, on every operation under a contact. */
public final class CrossInboxIsolation extends MustNotAccept {
    public static final String ID = "cross_inbox_isolation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected boolean concerns(Intent intent) {
        return intent == Intent.FOREIGN_IDENTIFIER;
    }

    @Override
    protected String why(Exchange e) {
        return e.kase().label();
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }

    @Override
    public Skip skip(Operation operation) {
        return operation.parameters(Parameter.Location.PATH).stream().anyMatch(p -> p.name().equals(ChatwootFixtures.CONTACT))
                ? skip() : Skip.notApplicable(operation.id() + " is not under a contact");
    }

    @Override
    public Skip skip() {
        return Skip.notRun("no second inbox: set conformance.otherInboxIdentifier (CONFORMANCE_OTHER_INBOX_IDENTIFIER)");
    }
}
