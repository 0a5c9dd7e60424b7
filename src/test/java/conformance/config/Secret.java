package conformance.config;

/** A value that must never reach a report or the console; {@link #toString()} hides it. */
public record Secret(String value) {
    public static final String PLACEHOLDER = "<redacted>";

    @Override
    public String toString() {
        return PLACEHOLDER;
    }
}
