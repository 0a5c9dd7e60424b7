package conformance.prism;

/** Prism could not be installed or started; the message names what is missing and how to get it. */
public final class PrismUnavailable extends RuntimeException {
    public PrismUnavailable(String message) {
        super(message);
    }
}
