package conformance.exchange;

/** Why no judgeable response came back. */
public record TransportFailure(Kind kind, String message) {
    public enum Kind { CONNECTION_REFUSED, CONNECTION_RESET, TIMEOUT, MALFORMED_HTTP, TLS, REDIRECT, OTHER }
}
