package conformance.verdict;

import conformance.checks.Finding;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An accepted deviation: findings of {@code check} on {@code operation} that also match the optional status,
 * pointer and message pattern are reported as waived, with the reason, and do not fail the run.
 */
public record Waiver(int number, String check, String operation, OptionalInt status, Optional<String> pointer,
                     Optional<Pattern> message, String reason, Optional<LocalDate> expires) {

    public boolean matches(Finding f) {
        return f.checkId().equals(check) && f.operationId().equals(operation)
                && (status.isEmpty() || status.getAsInt() == f.status())
                && (pointer.isEmpty() || pointer.equals(f.pointer()))
                && (message.isEmpty() || message.get().matcher(f.message()).find());
    }

    /** How people see it in reports: what it covers and why. */
    public String describe() {
        StringBuilder out = new StringBuilder("waiver #").append(number).append(" (").append(check);
        status.ifPresent(s -> out.append(", status ").append(s));
        pointer.ifPresent(p -> out.append(", pointer ").append(p));
        message.ifPresent(m -> out.append(", message ~ /").append(m.pattern()).append('/'));
        expires.ifPresent(d -> out.append(", until ").append(d));
        return out.append("): ").append(reason).toString();
    }
}
