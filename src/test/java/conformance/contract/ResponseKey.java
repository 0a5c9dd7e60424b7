package conformance.contract;

import java.util.Comparator;
import java.util.Optional;

/**
 * The key a response is documented under: one status ({@code 200}), a class of statuses ({@code 4XX}) or
 * {@code default}. A status is answered by the most specific key that matches it, in that order (OpenAPI 3.1,
 * Responses Object). Keys sort the same way, so a list of them reads as the document's precedence.
 */
public record ResponseKey(Kind kind, int value) implements Comparable<ResponseKey> {
    public enum Kind { STATUS, RANGE, DEFAULT }

    private static final Comparator<ResponseKey> ORDER = Comparator.comparing(ResponseKey::kind)
            .thenComparingInt(ResponseKey::value);

    /** The key as the document writes it; empty when it is neither a status, a range nor {@code default}. */
    public static Optional<ResponseKey> parse(String text) {
        if (text.matches("[1-5]\\d\\d")) {
            return Optional.of(status(Integer.parseInt(text)));
        }
        if (text.matches("[1-5]XX")) {
            return Optional.of(new ResponseKey(Kind.RANGE, text.charAt(0) - '0'));
        }
        return text.equals("default") ? Optional.of(new ResponseKey(Kind.DEFAULT, 0)) : Optional.empty();
    }

    public static ResponseKey status(int status) {
        return new ResponseKey(Kind.STATUS, status);
    }

    public boolean matches(int status) {
        return switch (kind) {
            case STATUS -> value == status;
            case RANGE -> status / 100 == value;
            case DEFAULT -> true;
        };
    }

    /** The class of statuses the key stands for (2 for 200 and 2XX); none for default, which stands for any. */
    Optional<Integer> statusClass() {
        return switch (kind) {
            case STATUS -> Optional.of(value / 100);
            case RANGE -> Optional.of(value);
            case DEFAULT -> Optional.empty();
        };
    }

    @Override
    public int compareTo(ResponseKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> String.valueOf(value);
            case RANGE -> value + "XX";
            case DEFAULT -> "default";
        };
    }
}
