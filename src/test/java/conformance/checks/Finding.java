package conformance.checks;

import conformance.exchange.Exchange;
import java.util.Optional;

/**
 * One way an exchange broke a check's rule. {@code specGap} marks findings where the document, not the target, is
 * short (it offers no status for rejecting invalid input). {@code shrunk} is the smallest case found that still
 * breaks the same rule.
 */
public record Finding(String checkId, String operationId, String message, int status, Optional<String> pointer,
                      Exchange exchange, boolean specGap, Optional<Exchange> shrunk) {

    public static Finding of(Check check, Exchange e, String message) {
        return new Finding(check.id(), e.operation().id(), message, e.status(), Optional.empty(), e, false, Optional.empty());
    }

    public Finding at(String jsonPointer) {
        return new Finding(checkId, operationId, message, status, Optional.of(jsonPointer), exchange, specGap, shrunk);
    }

    public Finding asSpecGap() {
        return new Finding(checkId, operationId, message, status, pointer, exchange, true, shrunk);
    }

    public Finding withShrunk(Exchange smaller) {
        return new Finding(checkId, operationId, message, status, pointer, exchange, specGap, Optional.of(smaller));
    }

    /** The same finding about a lighter copy of its exchange (see {@link Exchange#kept}). */
    public Finding about(Exchange lighter) {
        return new Finding(checkId, operationId, message, status, pointer, lighter, specGap, shrunk);
    }

    /** What makes two findings "the same problem": equal signatures are counted, not repeated. */
    public String signature() {
        return checkId + '|' + operationId + '|' + status + '|' + pointer.orElse("") + '|' + message;
    }
}
