package conformance.links;

/** A link cannot be used: a malformed expression, or one that names what the contract does not have. */
public final class LinkException extends RuntimeException {
    public LinkException(String message) {
        super(message);
    }
}
