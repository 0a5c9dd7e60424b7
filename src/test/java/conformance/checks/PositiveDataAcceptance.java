package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.List;

/** Schema-valid payloads with valid identifiers are accepted (2xx). */
public final class PositiveDataAcceptance implements Check {
    public static final String ID = "positive_data_acceptance";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return e.answered() && e.kase().intent() == Intent.POSITIVE;
    }

    @Override
    public List<Finding> judge(Exchange e) {
        return e.status() / 100 == 2 ? List.of()
                : List.of(Finding.of(this, e, "a schema-valid payload with valid identifiers was rejected with " + e.status()));
    }
}
