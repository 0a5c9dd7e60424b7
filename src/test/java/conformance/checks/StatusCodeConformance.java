package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.List;

/** Every response status is one the operation documents. */
public final class StatusCodeConformance implements Check {
    public static final String ID = "status_code_conformance";

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
        int status = e.status();
        if (e.operation().documents(status)) {
            return List.of();
        }
        Finding f = Finding.of(this, e, "undocumented status " + status + " (documented: "
                + e.operation().responses().keySet() + ")");
        // the document offers no status for rejecting invalid input, so rejecting it with a 4xx is the document's gap
        boolean specGap = e.kase().intent() == Intent.NEGATIVE && status >= 400 && status < 500;
        return List.of(specGap ? f.asSpecGap() : f);
    }
}
