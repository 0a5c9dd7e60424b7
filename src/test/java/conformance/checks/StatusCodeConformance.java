package conformance.checks;

import conformance.contract.ResponseKey;
import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every response status is one the operation documents; and where the run sent requests that must be rejected
 * (unknown or foreign identifiers, invalid input), the documented rejection status was seen at least once.
 */
public final class StatusCodeConformance implements Check {
    public static final String ID = "status_code_conformance";

    /** Per operation: the first exchange that had to be rejected, and the statuses such exchanges got. */
    private final Map<String, Exchange> firstRejectable = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> rejectionStatuses = new LinkedHashMap<>();

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
        Intent intent = e.kase().intent();
        if (intent == Intent.NEGATIVE || intent.identifierScenario()) {
            firstRejectable.putIfAbsent(e.operation().id(), e);
            rejectionStatuses.computeIfAbsent(e.operation().id(), k -> new TreeSet<>()).add(status);
        }
        if (e.operation().documents(status)) {
            return List.of();
        }
        Finding f = Finding.of(this, e, "undocumented status " + status + " (documented: "
                + e.operation().responses().keySet() + ")");
        // the document offers no status for rejecting invalid input, so rejecting it with a 4xx is the document's gap
        boolean specGap = intent == Intent.NEGATIVE && status >= 400 && status < 500;
        return List.of(specGap ? f.asSpecGap() : f);
    }

    @Override
    public List<Finding> conclude() {
        List<Finding> out = new ArrayList<>();
        firstRejectable.forEach((operation, e) -> {
            Set<ResponseKey> documented = e.operation().rejectionStatuses();
            Set<Integer> seen = rejectionStatuses.get(operation);
            if (!documented.isEmpty() && seen.stream().noneMatch(e.operation()::documentsRejection)) {
                // about the whole run, not one answer: no status of its own (the exchange is an example)
                out.add(new Finding(ID, operation, "documented status " + documented + " never observed: requests the "
                        + "target must reject (unknown or foreign identifiers, invalid input) were answered " + seen,
                        0, Optional.empty(), e, false, Optional.empty()));
            }
        });
        return out;
    }
}
