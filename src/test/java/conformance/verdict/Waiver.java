package conformance.verdict;

import conformance.checks.Finding;
import conformance.generation.Intent;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An accepted deviation: findings of {@code check} on {@code operation} that also match the optional status,
 * pointer, message pattern and kinds of case are reported as waived, with the reason, and do not fail the run.
 * {@code cases} empty means any kind of case.
 */
public record Waiver(int number, String check, String operation, OptionalInt status, Optional<String> pointer,
                     Optional<Pattern> message, Set<Intent> cases, String reason, Optional<LocalDate> expires) {

    /**
     * Whether it accepts a finding that these kinds of case showed: all of them must be among its {@code cases}, so
     * that a waiver for the 404 unknown identifiers get never hides a 404 that a valid request got.
     */
    public boolean matches(Finding f, Set<Intent> shownBy) {
        return f.checkId().equals(check) && f.operationId().equals(operation)
                && (status.isEmpty() || status.getAsInt() == f.status())
                && (pointer.isEmpty() || pointer.equals(f.pointer()))
                && (message.isEmpty() || message.get().matcher(f.message()).find())
                && (cases.isEmpty() || cases.containsAll(shownBy));
    }

    /** How a kind of case is written in a waivers file: {@code unknown_contact} for {@link Intent#UNKNOWN_CONTACT}. */
    public static String caseName(Intent intent) {
        return intent.name().toLowerCase(Locale.ROOT);
    }

    /** How people see it in reports: what it covers and why. */
    public String describe() {
        StringBuilder out = new StringBuilder("waiver #").append(number).append(" (").append(check);
        status.ifPresent(s -> out.append(", status ").append(s));
        pointer.ifPresent(p -> out.append(", pointer ").append(p));
        message.ifPresent(m -> out.append(", message ~ /").append(m.pattern()).append('/'));
        if (!cases.isEmpty()) {
            out.append(", cases ").append(cases.stream().map(Waiver::caseName).collect(Collectors.joining(", ")));
        }
        expires.ifPresent(d -> out.append(", until ").append(d));
        return out.append("): ").append(reason).toString();
    }
}
