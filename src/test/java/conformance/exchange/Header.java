package conformance.exchange;

/** One HTTP header line, in the order it was sent or received. */
public record Header(String name, String value) {
}
