package conformance.checks;

import conformance.exchange.Exchange;
import java.util.List;

/** No 5xx, for valid and invalid input alike. */
public final class NotAServerError implements Check {
    public static final String ID = "not_a_server_error";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return e.answered();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        return e.status() >= 500 ? List.of(Finding.of(this, e, "server error " + e.status() + " for " + e.kase().label()))
                : List.of();
    }
}
