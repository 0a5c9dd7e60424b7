package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.List;

/** The shape of every rejection rule: for the requests it concerns, a 2xx answer is the finding. */
public abstract class MustNotAccept implements Check {

    /** Whether a request made with this intent is one the rule says must not be accepted. */
    protected abstract boolean concerns(Intent intent);

    /** What was wrong with the request, for the finding's message. */
    protected abstract String why(Exchange e);

    @Override
    public final boolean appliesTo(Exchange e) {
        return e.answered() && concerns(e.kase().intent());
    }

    @Override
    public final List<Finding> judge(Exchange e) {
        return e.status() / 100 != 2 ? List.of()
                : List.of(Finding.of(this, e, "accepted with " + e.status() + ": " + why(e)));
    }
}
