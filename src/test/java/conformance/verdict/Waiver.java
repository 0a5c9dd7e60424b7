package conformance.verdict;

import conformance.checks.Finding;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An accepted deviation: findings of {@code check} on {@code operation} that also match the optional status,
 * pointer, message pattern, response body pattern and kinds of case are reported as waived, with the reason, and do
 * not fail the run. {@code cases} empty means any kind of case. {@code number} is its 1-based index in the file.
 */
public record Waiver(int number, String check, String operation, OptionalInt status, Optional<String> pointer,
                     Optional<Pattern> message, Optional<Pattern> response, Set<String> cases, String reason,
                     Optional<LocalDate> expires) {
    /** A waiver that expires within this many days is announced on every run, so it is renewed before it stops one. */
    public static final int EXPIRY_NOTICE_DAYS = 14;

    /**
     * Whether it accepts a finding that these kinds of case showed: all of them must be among its {@code cases}, so
     * that a waiver for the 404 unknown identifiers get never hides a 404 that a valid request got. A
     * {@code response} pattern is looked for in the body of the finding's exchange; a finding about the whole run
     * ({@code aboutTheRun}: a documented status never observed) has no response of its own, so it never matches one.
     */
    public boolean matches(Finding f, Set<String> shownBy, boolean aboutTheRun) {
        return f.checkId().equals(check) && f.operationId().equals(operation)
                && (status.isEmpty() || status.getAsInt() == f.status())
                && (pointer.isEmpty() || pointer.equals(f.pointer()))
                && (message.isEmpty() || message.get().matcher(f.message()).find())
                && (response.isEmpty() || !aboutTheRun && responseBody(f).map(b -> response.get().matcher(b).find()).orElse(false))
                && (cases.isEmpty() || cases.containsAll(shownBy));
    }

    private static Optional<String> responseBody(Finding f) {
        return f.exchange().response().map(r -> new String(r.body(), StandardCharsets.UTF_8));
    }

    /** Days from {@code today} until it expires, when that is within {@link #EXPIRY_NOTICE_DAYS} (0: expires today). */
    public OptionalInt expiresWithinNotice(LocalDate today) {
        if (expires.isEmpty()) {
            return OptionalInt.empty();
        }
        long days = ChronoUnit.DAYS.between(today, expires.get());
        return days >= 0 && days <= EXPIRY_NOTICE_DAYS ? OptionalInt.of((int) days) : OptionalInt.empty();
    }

    /** The warning a run gives while it expires soon: which waiver, when, and what to do. */
    public Optional<String> expiryNotice(LocalDate today) {
        OptionalInt days = expiresWithinNotice(today);
        if (days.isEmpty()) {
            return Optional.empty();
        }
        String when = days.getAsInt() == 0 ? "today" : days.getAsInt() == 1 ? "tomorrow" : "in " + days.getAsInt() + " days";
        return Optional.of("waiver #" + number + " (" + check + " on " + operation + ") expires " + when + ", on "
                + expires.get() + ": after that the run stops until it is renewed with a later 'expires' or removed");
    }

    /** How people see it in reports: what it covers and why. */
    public String describe() {
        StringBuilder out = new StringBuilder("waiver #").append(number).append(" (").append(check);
        status.ifPresent(s -> out.append(", status ").append(s));
        pointer.ifPresent(p -> out.append(", pointer ").append(p));
        message.ifPresent(m -> out.append(", message ~ /").append(m.pattern()).append('/'));
        response.ifPresent(m -> out.append(", response ~ /").append(m.pattern()).append('/'));
        if (!cases.isEmpty()) {
            out.append(", cases ").append(String.join(", ", cases));
        }
        expires.ifPresent(d -> out.append(", until ").append(d));
        return out.append("): ").append(reason).toString();
    }
}
