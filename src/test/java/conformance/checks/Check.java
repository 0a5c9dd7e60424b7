package conformance.checks;

import conformance.contract.Operation;
import conformance.exchange.Exchange;
import java.util.List;

/**
 * One rule of conformance with a stable id. A check only judges exchanges it is given: it never sends requests and
 * never formats output. Instances live for one run and may remember what they saw (for rules across exchanges).
 */
public interface Check {
    String id();

    /** Whether this exchange is one the rule speaks about; counted as the check's requests. */
    boolean appliesTo(Exchange exchange);

    /** Findings for one exchange it applies to; empty when the rule holds. */
    List<Finding> judge(Exchange exchange);

    /** Findings that only the whole run shows, asked once after the last exchange. */
    default List<Finding> conclude() {
        return List.of();
    }

    /** Whether the finding depends on the request body, so a smaller body can show it too (worth shrinking). */
    default boolean payloadDependent() {
        return true;
    }

    /** Why nothing in a run concerned this check: it could not run, or it does not apply. */
    default Skip skip() {
        return Skip.notRun("no exchange of this run concerned it");
    }

    /** Why nothing concerned this check on this operation; an operation the rule cannot speak about is not applicable. */
    default Skip skip(Operation operation) {
        return skip();
    }
}
